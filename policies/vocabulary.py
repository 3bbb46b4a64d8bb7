"""The questions a resident asks about an agency (one `Topic` each) and the answers each question allows.

The answer vocabulary is per topic: "does_not_honor" means something for detainers and nothing for data
sharing. `Policy.clean()` checks it and a database constraint built from `ANSWERS` enforces it, so a change
here needs a migration (`makemigrations policies`). "Unknown" is a real answer only when a source says the
matter is unclear; a topic with no policy at all is shown as unknown too, never as "no".
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

UNKNOWN = "unknown"


class Topic(TextChoices):
    """Each label is the resident's question (seed 003), as shown on agency pages."""

    PROGRAM_287G_STANCE = "program_287g_stance", _("Does the agency take part in the 287(g) program?")
    IMMIGRATION_ENFORCEMENT = (
        "immigration_enforcement",
        _("Does the agency enforce immigration law itself, for example in patrols or raids?"),
    )
    DETAINERS = "detainers", _("Does the jail honor ICE detainer requests?")
    RELEASE_NOTIFICATION = "release_notification", _("Does the jail notify ICE of release dates?")
    ICE_JAIL_ACCESS = "ice_jail_access", _("Can ICE enter the jail and interview the people held there?")
    DETENTION_CONTRACT = (
        "detention_contract",
        _("Does the jail hold people for ICE under a detention contract?"),
    )
    DATA_SHARING = "data_sharing", _("What is the agency’s policy on sharing data with ICE?")
    ADMINISTRATIVE_WARRANTS = (
        "administrative_warrants",
        _("What is the agency’s policy on ICE administrative warrants?"),
    )
    FEDERAL_GRANT_CONDITIONS = (
        "federal_grant_conditions",
        _("Has the town or agency received federal grants with immigration-enforcement conditions?"),
    )
    PROSECUTOR_COLLABORATION = (
        "prosecutor_collaboration",
        _(
            "Does the district or county attorney’s office voluntarily work with federal prosecutors or ICE "
            "on nonviolent cases against undocumented people?"
        ),
    )
    ICE_LISTS_AND_REPORTS = (
        "ice_lists_and_reports",
        _("Has the town or agency been named in ICE cooperation reports or executive-order lists?"),
    )
    STATE_LAW = (
        "state_law",
        _(
            "Does the state have a law or policy restricting, or requiring, cooperation with immigration enforcement?"
        ),
    )


_UNKNOWN_LABEL = _("Unknown")

# Per topic: (value, label). Labels are full answers a resident can read without the question's context.
ANSWERS: dict[str, list[tuple[str, Promise]]] = {
    Topic.PROGRAM_287G_STANCE: [
        ("participates", _("Takes part in the 287(g) program")),
        ("applied", _("Has applied to join the 287(g) program")),
        ("withdrew", _("Has left the 287(g) program")),
        ("declines", _("Has declined to join the 287(g) program")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.IMMIGRATION_ENFORCEMENT: [
        ("participates", _("Takes part in immigration enforcement")),
        ("limited", _("Takes part only in limited cases")),
        ("does_not_participate", _("Does not enforce immigration law")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.DETAINERS: [
        ("honors_all", _("Holds people for ICE whenever asked")),
        ("honors_some", _("Holds people for ICE in some cases (for example certain crimes)")),
        ("judicial_warrant_only", _("Holds people for ICE only with a judge’s warrant")),
        ("does_not_honor", _("Does not hold people past their release for ICE")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.RELEASE_NOTIFICATION: [
        ("notifies_all", _("Tells ICE when anyone it asks about is released")),
        ("notifies_some", _("Tells ICE in some cases (for example certain crimes)")),
        ("does_not_notify", _("Does not tell ICE about releases")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.ICE_JAIL_ACCESS: [
        ("unrestricted", _("ICE can enter the jail and interview people freely")),
        ("restricted", _("ICE access is limited (for example consent or a judge’s warrant needed)")),
        ("no_access", _("ICE has no access to the jail")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.DETENTION_CONTRACT: [
        ("holds_detainees", _("Holds immigration detainees for ICE under a contract")),
        ("contract_ended", _("Had a detention contract with ICE that has ended")),
        ("no_contract", _("Has no detention contract with ICE")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.DATA_SHARING: [
        ("shares_broadly", _("Shares its data with ICE broadly (for example database access)")),
        ("shares_criminal_information", _("Shares criminal information with ICE, as with other police")),
        ("does_not_share", _("Does not share data with ICE beyond what the law requires")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.ADMINISTRATIVE_WARRANTS: [
        ("honors_administrative", _("Acts on ICE administrative warrants")),
        ("judicial_warrant_only", _("Acts only on a judge’s warrant, not on ICE administrative warrants")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.FEDERAL_GRANT_CONDITIONS: [
        ("has_conditioned_grants", _("Has received federal grants with immigration conditions")),
        ("no_conditioned_grants", _("Has not received federal grants with immigration conditions")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.PROSECUTOR_COLLABORATION: [
        ("collaborates", _("Works with federal prosecutors or ICE on such cases")),
        ("serious_cases_only", _("Works with them only on violent or serious cases")),
        ("does_not_collaborate", _("Does not work with them on such cases")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.ICE_LISTS_AND_REPORTS: [
        ("named_as_cooperating", _("Named as cooperating with ICE")),
        ("named_as_non_cooperating", _("Named as not cooperating (for example a “sanctuary” list)")),
        ("not_named", _("Not named in such lists or reports")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
    Topic.STATE_LAW: [
        ("limits_cooperation", _("State law limits cooperation with ICE")),
        ("requires_cooperation", _("State law requires cooperation with ICE")),
        ("no_state_law", _("No state law on cooperation with ICE")),
        (UNKNOWN, _UNKNOWN_LABEL),
    ],
}

# Every value, for the model field's choices; a value's meaning comes from its topic (`answer_label`).
ANSWER_CHOICES: list[tuple[str, str]] = sorted(
    {value: value.replace("_", " ") for answers in ANSWERS.values() for value, _label in answers}.items()
)


def answers_for(topic: str) -> list[str]:
    return [value for value, _label in ANSWERS.get(topic, [])]


def answer_label(topic: str, answer: str) -> Promise | str:
    """The answer as a sentence for its topic; the raw value if it is not in the topic's vocabulary."""
    return dict(ANSWERS.get(topic, [])).get(answer, answer)


def vocabulary_condition() -> Q:
    """(topic = t AND answer IN t's answers) OR … for every topic: the database check constraint."""
    return reduce(or_, (Q(topic=topic, answer__in=answers_for(topic)) for topic in Topic.values))
