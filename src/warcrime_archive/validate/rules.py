"""The methodology's rules for one record, as problems at their place in the file: the grade's rule and the known
attribution's (`model.grading`), a summary short enough to stay free of graphic detail under a content warning,
and coordinates inside the stated country and region (`validate.coordinates`)."""

from __future__ import annotations

import re

from warcrime_archive.model.config import ArchiveConfig
from warcrime_archive.model.grading import check_grade, known_attribution
from warcrime_archive.model.record import Incident
from warcrime_archive.problems import Problem, Severity
from warcrime_archive.read.yaml_reader import Document
from warcrime_archive.validate.coordinates import coordinate_problems

MAX_WARNED_SUMMARY_SENTENCES = 2
"""Under a content warning, the summary (shown before it is opened) should say what is alleged in a sentence or
two, leaving the details to the collapsed parts."""

# The end of a sentence: a full stop, question or exclamation mark (and a closing quote or bracket), then a space
# and a capital letter or an opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]*\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")


def sentences(text: str) -> int:
    """How many sentences a text has (roughly: abbreviations such as 'U.S. Army' count as ends)."""
    text = text.strip()
    return len(_SENTENCE_END.findall(text)) + 1 if text else 0


def record_rules(incident: Incident, doc: Document, config: ArchiveConfig | None = None) -> list[Problem]:
    problems = []
    broken = check_grade(incident, lenient=config is not None and config.unsourced_claims == "warn")
    if broken:
        problems.append(doc.problem(broken.loc, broken.message, broken.hint))
    for broken in known_attribution(incident):
        problems.append(doc.problem(broken.loc, broken.message, broken.hint))
    count = sentences(incident.summary)
    if incident.content_warning.strip() and count > MAX_WARNED_SUMMARY_SENTENCES:
        problems.append(
            doc.problem(
                ("summary",),
                f"the summary has {count} sentences, and the record has a content warning: the summary is shown "
                "before the warning's collapsed parts",
                "say what is alleged in a sentence or two, without graphic detail; put the details in the narrative "
                "or the victims' descriptions",
                severity=Severity.WARNING,
            )
        )
    problems += coordinate_problems(incident, doc)
    return problems
