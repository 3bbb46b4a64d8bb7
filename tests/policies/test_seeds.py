from pathlib import Path

import pytest
from django.apps import apps

from jurisdictions.models import Agency, AgencyAlias, State
from jurisdictions.names import make_slug, normalize_name
from policies.apps import PoliciesConfig
from policies.models import Citation, Policy, PolicyStatus, Source
from policies.seeds import HARFORD, LVMPD, SEED_COMMENT, SEED_POLICIES, seeds_load
from policies.vocabulary import Topic

pytestmark = pytest.mark.django_db

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def remove_seed_content() -> None:
    """Back to a database without the seed agencies (their policies go with them) and sources."""
    for seed in {policy.agency for policy in SEED_POLICIES}:
        state = State.objects.get(postal=seed.postal)
        Agency.objects.filter(state=state, name_key=normalize_name(seed.name)).delete()
    Source.objects.filter(reference__in={policy.source.reference for policy in SEED_POLICIES}).delete()


def test_load_reference_data_hook_creates_the_seed_policies():
    remove_seed_content()
    # The load_reference_data command calls this method on every AppConfig that has it.
    config = apps.get_app_config("policies")
    assert isinstance(config, PoliciesConfig)
    assert config.load_reference_data().startswith("seed policies 6 (+6 new); state laws ")
    seeded = Policy.objects.published().filter(revisions__comment=SEED_COMMENT).distinct()
    assert seeded.count() == len(SEED_POLICIES) == 6
    assert all(policy.citations.count() == 1 for policy in seeded)


def test_loading_again_creates_nothing():
    counts = (
        Agency.objects.count(),
        Policy.objects.count(),
        Source.objects.count(),
        Citation.objects.count(),
    )
    assert seeds_load() == "seed policies 6 (+0 new)"
    assert counts == (
        Agency.objects.count(),
        Policy.objects.count(),
        Source.objects.count(),
        Citation.objects.count(),
    )


def test_agencies_are_placed_in_their_county_and_state():
    lvmpd = Agency.objects.get(state__postal="NV", name=LVMPD.name)
    harford = Agency.objects.get(state__postal="MD", name=HARFORD.name)
    assert lvmpd.county is not None and harford.county is not None
    assert (lvmpd.county.fips, lvmpd.kind) == ("32003", "municipal_police")
    assert (harford.county.fips, harford.kind) == ("24025", "sheriff")


@pytest.mark.parametrize(
    ("agency_name", "topic", "answer", "reference", "publisher", "date_shown"),
    [
        (
            LVMPD.name,
            Topic.PROGRAM_287G_STANCE,
            "participates",
            "seed:000_58e8022d89372b03.txt",
            "Make the Road Nevada",
            "February 2019",
        ),
        (
            LVMPD.name,
            Topic.IMMIGRATION_ENFORCEMENT,
            "does_not_participate",
            "seed:001_3ae18bd690f84194.txt",
            "",
            "2025",
        ),
        (LVMPD.name, Topic.DETAINERS, "does_not_honor", "seed:001_3ae18bd690f84194.txt", "", "2025"),
        (
            LVMPD.name,
            Topic.RELEASE_NOTIFICATION,
            "notifies_some",
            "seed:001_3ae18bd690f84194.txt",
            "",
            "2025",
        ),
        (
            LVMPD.name,
            Topic.DATA_SHARING,
            "shares_criminal_information",
            "seed:001_3ae18bd690f84194.txt",
            "",
            "2025",
        ),
        (
            HARFORD.name,
            Topic.PROGRAM_287G_STANCE,
            "participates",
            "seed:004_9cc140d6503524f4.txt",
            "Straight Arrow News (SAN)",
            "November 2024",
        ),
    ],
)
def test_each_seed_policy_cites_its_article(agency_name, topic, answer, reference, publisher, date_shown):
    policy = Policy.objects.published().get(agency__name=agency_name, topic=topic)
    source = policy.sources.get()
    assert policy.answer == answer
    assert (source.reference, source.url, source.publisher) == (reference, "", publisher)
    assert source.published_display() == date_shown
    assert policy.summary_en and policy.summary_es


@pytest.mark.parametrize("seed", SEED_POLICIES, ids=lambda s: f"{s.agency.postal}-{s.topic}")
def test_quotes_are_verbatim_and_hashes_match_the_seed_text(seed):
    path = SEEDS_DIR / seed.source.reference.removeprefix("seed:")
    if not path.is_file():
        pytest.skip(f"seed text not found at {path}")
    import hashlib

    text = path.read_text(encoding="utf-8")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == seed.source.sha256
    for passage in seed.quote.split(" […] "):
        assert passage in text


def test_editor_changes_are_not_overwritten(lvmpd):
    policy = Policy.objects.get(agency=lvmpd, topic=Topic.DETAINERS)
    policy.summary_en = "Edited by an editor."
    policy.status = PolicyStatus.DRAFT
    policy.save()
    seeds_load()
    policy.refresh_from_db()
    assert (policy.summary_en, policy.status) == ("Edited by an editor.", PolicyStatus.DRAFT)
    assert Policy.objects.filter(agency=lvmpd, topic=Topic.DETAINERS).count() == 1


def test_seeds_attach_to_an_agency_the_ice_importer_already_made(lvmpd):
    lvmpd.delete()  # cascades to its seed policies
    existing = Agency.objects.create(
        name="LAS VEGAS METROPOLITAN POLICE DEPARTMENT",
        slug=make_slug("lvmpd-import"),
        state=lvmpd.state,
        kind="other",
    )
    assert seeds_load() == "seed policies 6 (+5 new)"
    assert Agency.objects.filter(state__postal="NV", name_key=existing.name_key).count() == 1
    assert existing.policies.count() == 5


def test_seeds_attach_to_an_agency_known_by_an_alias(lvmpd):
    lvmpd.delete()
    existing = Agency.objects.create(name="Las Vegas Metro PD", slug="lv-metro", state=lvmpd.state)
    AgencyAlias.objects.create(agency=existing, name=LVMPD.name)
    seeds_load()
    assert existing.policies.count() == 5
    assert not Agency.objects.filter(state__postal="NV", name=LVMPD.name).exists()


def test_seed_revisions_record_the_policy_and_its_citation():
    remove_seed_content()
    seeds_load()
    policy = Policy.objects.get(agency__name=LVMPD.name, topic=Topic.DETAINERS)
    revisions = list(policy.revisions.order_by("pk"))
    assert [r.action for r in revisions] == ["created", "citations"]
    assert {r.comment for r in revisions} == {SEED_COMMENT}
    assert (
        revisions[1].changes["citations"][1][0]["title"]
        == "Las Vegas Police Take a Stand on Immigration Enforcement"
    )
