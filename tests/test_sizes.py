"""Small modules and short functions (issue 16): no module over 400 lines, no function over 60 lines unless its
docstring says why at its top ("One long function on purpose: ...")."""

import ast

from repo_paths import REPO

PACKAGE = REPO / "src" / "warcrime_archive"
MODULE_LINES = 400
FUNCTION_LINES = 60
REASON = "One long function on purpose"


def test_no_module_is_over_400_lines():
    long = [
        f"{path.relative_to(PACKAGE)}: {lines}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text("utf-8").splitlines())) > MODULE_LINES
    ]
    assert long == []


def test_no_function_is_over_60_lines_without_a_reason_at_its_top():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > FUNCTION_LINES and REASON not in (ast.get_docstring(node) or ""):
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.name} ({lines} lines)")
    assert long == []
