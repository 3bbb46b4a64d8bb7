"""Seed content present in every fresh database: the first agencies' policies, each citing its article.

The articles came as text files without a web address (`../shared/seeds/`). Each is cited by the title
and publisher the text gives, with `url` blank and `reference = "seed:<file name>"`, and the SHA-256 of the
text read, so anyone holding the file can check it is the same text. Dates are as precise as the text
allows: seed 000 names "Thursday, February 7" and Sheriff Lombardo, a Thursday in 2019 (Lombardo was
sheriff 2015–2023), and the protest was "last week", so February 2019; seed 001 quotes a post of
January 21, 2025 and gives no month of its own, so 2025; seed 004 names "Tuesday, Nov. 26" ("earlier this
week", President-elect Trump), so November 2024.

Loading is idempotent and never overwrites an editor: a source is matched by its reference, an agency by
state and normalized name (or alias), and a policy is only created when its agency has no policy at all on
that topic (draft or published). A seed policy an editor deletes comes back on the next load: unpublish
it, or replace its answer, instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from jurisdictions.models import Agency, AgencyAlias, AgencyKind, County, State
from jurisdictions.names import make_slug, normalize_name
from policies.models import Citation, DatePrecision, Policy, PolicyRevision, PolicyStatus, Source
from policies.vocabulary import Topic

SEEDS_READ_ON = dt.date(2026, 11, 23)
SEED_COMMENT = "Seed content (load_reference_data)"


@dataclass(frozen=True)
class SeedSource:
    reference: str
    title: str
    publisher: str
    published_on: dt.date
    precision: str
    sha256: str


@dataclass(frozen=True)
class SeedAgency:
    name: str
    postal: str
    county_fips: str
    kind: str


@dataclass(frozen=True)
class SeedPolicy:
    agency: SeedAgency
    topic: str
    answer: str
    source: SeedSource
    quote: str  # verbatim from the source; passages joined by " […] "
    summary_en: str
    summary_es: str


MRNV_2019 = SeedSource(
    reference="seed:000_58e8022d89372b03.txt",
    title="287(g) Small Victory “A Step forward”",
    publisher="Make the Road Nevada",
    published_on=dt.date(2019, 2, 1),
    precision=DatePrecision.MONTH,
    sha256="b2cf9b3cc195c8159d31411407e532ba71d02ac50fa4d909800c65d6b1aa5a66",
)
LV_STAND_2025 = SeedSource(
    reference="seed:001_3ae18bd690f84194.txt",
    title="Las Vegas Police Take a Stand on Immigration Enforcement",
    publisher="",  # the text names no publisher
    published_on=dt.date(2025, 1, 1),
    precision=DatePrecision.YEAR,
    sha256="5b16bd97387e31867f405001584246d50b663f85c51931e39b23102b77aaa98e",
)
SAN_2024 = SeedSource(
    reference="seed:004_9cc140d6503524f4.txt",
    title="Local law enforcement prepare to expand partnership with ICE before Trump return",
    publisher="Straight Arrow News (SAN)",
    published_on=dt.date(2024, 11, 1),
    precision=DatePrecision.MONTH,
    sha256="a3df9233b33c08386a63d75099fff56e2c34221593abd55258b3566520ba959d",
)

LVMPD = SeedAgency("Las Vegas Metropolitan Police Department", "NV", "32003", AgencyKind.MUNICIPAL_POLICE)
HARFORD = SeedAgency("Harford County Sheriff's Office", "MD", "24025", AgencyKind.SHERIFF)

_LV_RELEASE = (
    "The department will not delay the release of an inmate to accommodate ICE and will release a migrant "
    "if ICE is not present at the time of release."
)
_LV_SHARE = (
    "The department will continue to share criminal intelligence with law enforcement agencies, including "
    "Immigration and Customs Enforcement (ICE), and will notify ICE when a foreign-born individual is "
    "arrested for certain serious crimes."
)

SEED_POLICIES = [
    SeedPolicy(
        agency=LVMPD,
        topic=Topic.PROGRAM_287G_STANCE,
        answer="participates",
        source=MRNV_2019,
        quote=(
            "demand that Sheriff Lombardo end the deportation agreement the department has with U.S "
            "immigration and Customs Enforcement (ICE). […] Sheriff Joe Lombardo has directed the jail to "
            "implement new procedures related to 287(g)."
        ),
        summary_en=(
            "In February 2019 LVMPD had a 287(g) agreement with ICE. Residents, Make the Road Nevada and "
            "Arriba Las Vegas Workers Center protested at its headquarters and asked Sheriff Joe Lombardo to "
            "end it. The department then said it would change how undocumented people arrested for low-level "
            "traffic offenses are processed, and the sheriff directed the jail to adopt new 287(g) "
            "procedures. This source is from 2019: we have no newer source on whether the agreement continues."
        ),
        summary_es=(
            "En febrero de 2019 LVMPD tenía un acuerdo 287(g) con ICE. Residentes, Make the Road Nevada y "
            "Arriba Las Vegas Workers Center protestaron frente a su sede y pidieron al sheriff Joe Lombardo "
            "que lo terminara. El departamento dijo entonces que cambiaría cómo procesa a las personas "
            "indocumentadas arrestadas por infracciones de tránsito menores, y el sheriff ordenó a la cárcel "
            "adoptar nuevos procedimientos del 287(g). Esta fuente es de 2019: no tenemos una fuente más "
            "reciente sobre si el acuerdo sigue vigente."
        ),
    ),
    SeedPolicy(
        agency=LVMPD,
        topic=Topic.IMMIGRATION_ENFORCEMENT,
        answer="does_not_participate",
        source=LV_STAND_2025,
        quote=(
            "This stance, first instituted in 2019 and amended in 2023 […] The LVMPD’s policy explicitly "
            "prohibits officers from enforcing immigration violations or detaining individuals solely based "
            "on their immigration status."
        ),
        summary_en=(
            "In 2025 Sheriff Kevin McMahill said LVMPD officers will not help federal authorities round up "
            "immigrants. The department’s policy, first adopted in 2019 and amended in 2023, forbids officers "
            "to enforce immigration violations or to detain anyone only because of their immigration status."
        ),
        summary_es=(
            "En 2025 el sheriff Kevin McMahill dijo que los agentes de LVMPD no ayudarán a las autoridades "
            "federales en redadas contra inmigrantes. La política del departamento, adoptada en 2019 y "
            "modificada en 2023, prohíbe a los agentes hacer cumplir infracciones migratorias o detener a "
            "alguien solo por su estatus migratorio."
        ),
    ),
    SeedPolicy(
        agency=LVMPD,
        topic=Topic.DATA_SHARING,
        answer="shares_criminal_information",
        source=LV_STAND_2025,
        quote=_LV_SHARE,
        summary_en=(
            "LVMPD shares criminal intelligence with other law-enforcement agencies, ICE included (2025). "
            "The source does not say whether ICE can search the department’s databases."
        ),
        summary_es=(
            "LVMPD comparte información de inteligencia criminal con otras agencias policiales, incluida ICE "
            "(2025). La fuente no dice si ICE puede consultar las bases de datos del departamento."
        ),
    ),
    SeedPolicy(
        agency=LVMPD,
        topic=Topic.RELEASE_NOTIFICATION,
        answer="notifies_some",
        source=LV_STAND_2025,
        quote=_LV_SHARE,
        summary_en=(
            "LVMPD tells ICE when a person born abroad is arrested for certain serious crimes (2025). The "
            "source does not list the crimes, and speaks of notice at arrest, not of release dates."
        ),
        summary_es=(
            "LVMPD avisa a ICE cuando una persona nacida en el extranjero es arrestada por ciertos delitos "
            "graves (2025). La fuente no dice cuáles son esos delitos y habla del aviso al momento del "
            "arresto, no de las fechas de salida."
        ),
    ),
    SeedPolicy(
        agency=LVMPD,
        topic=Topic.DETAINERS,
        answer="does_not_honor",
        source=LV_STAND_2025,
        quote=_LV_RELEASE,
        summary_en=(
            "LVMPD says it will not delay anyone’s release from jail for ICE: if ICE is not there when the "
            "person is due to be released, the person is released (2025)."
        ),
        summary_es=(
            "LVMPD dice que no retrasará la salida de nadie de la cárcel por ICE: si ICE no está presente "
            "cuando la persona debe salir, la persona queda en libertad (2025)."
        ),
    ),
    SeedPolicy(
        agency=HARFORD,
        topic=Topic.PROGRAM_287G_STANCE,
        answer="participates",
        source=SAN_2024,
        quote=(
            "The Harford County Sheriff’s Office in Maryland is part of the 287(g) program, and Sgt. "
            "Christopher Crespo told NBC News the program has been highly effective."
        ),
        summary_en=(
            "In November 2024 the Harford County Sheriff’s Office took part in the 287(g) program. Sgt. "
            "Christopher Crespo told NBC News the program had been highly effective and that the office was "
            "preparing for changes under the incoming Trump administration."
        ),
        summary_es=(
            "En noviembre de 2024 la Oficina del Sheriff del Condado de Harford participaba en el programa "
            "287(g). El sargento Christopher Crespo dijo a NBC News que el programa había sido muy eficaz y "
            "que la oficina se preparaba para cambios con la llegada del gobierno de Trump."
        ),
    ),
]


def seeds_load() -> str:
    """Create what is missing, in one transaction (about 40 queries). Returns a one-line summary."""
    created_policies = 0
    with transaction.atomic():
        sources = {seed: _source(seed) for seed in {p.source for p in SEED_POLICIES}}
        agencies = {seed: _agency(seed) for seed in {p.agency for p in SEED_POLICIES}}
        for seed in SEED_POLICIES:
            agency = agencies[seed.agency]
            if Policy.objects.filter(agency=agency, topic=seed.topic).exists():
                continue
            policy = Policy(
                agency=agency,
                topic=seed.topic,
                answer=seed.answer,
                summary_en=seed.summary_en,
                summary_es=seed.summary_es,
                last_verified=SEEDS_READ_ON,
                status=PolicyStatus.PUBLISHED,
            )
            policy.revision_comment = SEED_COMMENT
            policy.save()
            citation = Citation.objects.create(policy=policy, source=sources[seed.source], quote=seed.quote)
            PolicyRevision.record(
                policy=policy,
                action=PolicyRevision.Action.CITATIONS,
                changes={"citations": [[], [citation.as_history()]]},
                user_id=None,
                comment=SEED_COMMENT,
            )
            created_policies += 1
    return f"seed policies {len(SEED_POLICIES)} (+{created_policies} new)"


def _source(seed: SeedSource) -> Source:
    source, _created = Source.objects.get_or_create(
        reference=seed.reference,
        defaults={
            "title": seed.title,
            "publisher": seed.publisher,
            "published_on": seed.published_on,
            "published_precision": seed.precision,
            "accessed_on": SEEDS_READ_ON,
            "sha256": seed.sha256,
        },
    )
    return source


def _agency(seed: SeedAgency) -> Agency:
    """The existing agency of that name in that state (as the ICE importer may have made it), or a new one."""
    state = State.objects.get(postal=seed.postal)
    key = normalize_name(seed.name)
    existing = Agency.objects.filter(state=state, name_key=key).first()
    if existing is None:
        alias = AgencyAlias.objects.select_related("agency").filter(agency__state=state, name_key=key).first()
        existing = alias.agency if alias else None
    if existing is not None:
        return existing
    slug = base = make_slug(seed.name, seed.postal.lower(), max_length=130)
    suffix = 2
    while Agency.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return Agency.objects.create(
        name=seed.name,
        slug=slug,
        state=state,
        county=County.objects.get(fips=seed.county_fips),
        kind=seed.kind,
    )
