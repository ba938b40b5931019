"""The fixed values of the record format (enums), and their words as readers see them."""

from __future__ import annotations

from enum import StrEnum

from warcrime_archive.i18n import N_, gettext

# The fixed values of the record format, as readers see them (translated through the catalog).
WORDS = {
    "exact": N_("exact"),
    "near": N_("near"),
    "settlement": N_("settlement"),
    "district": N_("district"),
    "region": N_("region"),
    "country": N_("country"),
    "unknown": N_("unknown"),
    "killed": N_("killed"),
    "wounded": N_("wounded"),
    "tortured": N_("tortured"),
    "ill-treated": N_("ill-treated"),
    "missing": N_("missing"),
    "denies": N_("denies"),
    "acknowledges": N_("acknowledges"),
    "blames-other-side": N_("blames other side"),
    "promised-investigation": N_("promised investigation"),
    "no-comment": N_("no comment"),
    "requested": N_("requested"),
    "opened": N_("opened"),
    "ongoing": N_("ongoing"),
    "charges-filed": N_("charges filed"),
    "trial": N_("trial"),
    "verdict": N_("verdict"),
    "closed": N_("closed"),
    "news-article": N_("news article"),
    "video": N_("video"),
    "social-media-post": N_("social media post"),
    "official-statement": N_("official statement"),
    "report": N_("report"),
    "court-document": N_("court document"),
    "other": N_("other"),
    "authenticity": N_("authenticity"),
    "place": N_("place"),
    "time": N_("time"),
    "identity": N_("identity"),
}


class Worded(StrEnum):
    """A fixed value of the record format that readers see: `words()` is it in the site's language."""

    def words(self) -> str:
        return gettext(WORDS[self.value])


class Precision(Worded):
    exact = "exact"
    near = "near"
    settlement = "settlement"
    district = "district"
    region = "region"
    country = "country"
    unknown = "unknown"


class Harm(Worded):
    killed = "killed"
    wounded = "wounded"
    tortured = "tortured"
    ill_treated = "ill-treated"
    missing = "missing"


class Stance(Worded):
    denies = "denies"
    acknowledges = "acknowledges"
    blames_other_side = "blames-other-side"
    promised_investigation = "promised-investigation"
    no_comment = "no-comment"


class InvestigationStatus(Worded):
    requested = "requested"
    opened = "opened"
    ongoing = "ongoing"
    charges_filed = "charges-filed"
    trial = "trial"
    verdict = "verdict"
    closed = "closed"


class SourceType(Worded):
    news_article = "news-article"
    video = "video"
    social_media_post = "social-media-post"
    official_statement = "official-statement"
    report = "report"
    court_document = "court-document"
    other = "other"


class Checked(Worded):
    """What a verifier checked."""

    authenticity = "authenticity"
    place = "place"
    time = "time"
    identity = "identity"


class Sensitivity(StrEnum):
    personal_information = "personal-information"
