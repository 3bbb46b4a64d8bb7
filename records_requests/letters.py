"""Request letters citing the state's records law, in English or Spanish.

The questions are those residents are told to ask (an advocacy guide on local police and ICE); each is
turned into a request for the records that would answer it. The letter text is a document, not site
chrome, so both languages live here rather than in the translation catalog.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jurisdictions.models import Agency
from records_requests.models import RecordsLaw

LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]

# key → (question shown on the form, records asked for in English, the same in Spanish)
QUESTIONS: dict[str, tuple[str | Promise, str, str]] = {
    "program_287g": (
        _("Does the agency participate in the 287(g) program?"),
        "Any 287(g) memorandum of agreement between the agency and U.S. Immigration and Customs "
        "Enforcement (ICE), its addenda, and applications or correspondence about joining, renewing or "
        "leaving the 287(g) program.",
        "Todo memorando de acuerdo 287(g) entre la agencia y el Servicio de Inmigración y Control de "
        "Aduanas (ICE), sus anexos, y las solicitudes o la correspondencia sobre la adhesión, renovación o "
        "salida del programa 287(g).",
    ),
    "data_sharing": (
        _("What is the agency's policy on data sharing with ICE?"),
        "Policies, procedures, agreements and correspondence about sharing data with ICE or the Department "
        "of Homeland Security, including booking, jail-management and license-plate-reader data.",
        "Políticas, procedimientos, acuerdos y correspondencia sobre el intercambio de datos con ICE o el "
        "Departamento de Seguridad Nacional, incluidos los datos de fichaje, de la cárcel y de lectores de "
        "placas.",
    ),
    "admin_warrants": (
        _("What is the agency's policy on ICE administrative warrants?"),
        "Policies, training materials and guidance on responding to ICE administrative warrants "
        "(Forms I-200 and I-205).",
        "Políticas, materiales de capacitación y orientaciones sobre cómo responder a las órdenes "
        "administrativas de ICE (formularios I-200 e I-205).",
    ),
    "detainers": (
        _("Does the jail honor ICE detainer requests or notify ICE of release dates?"),
        "Policies on honoring ICE detainer requests (Form I-247) and on notifying ICE of release dates, and "
        "records showing how many detainers were received and honored in the past two years.",
        "Políticas sobre el cumplimiento de las órdenes de detención (detainers) de ICE (formulario I-247) "
        "y sobre la notificación a ICE de las fechas de liberación, y registros que muestren cuántas órdenes "
        "de detención se recibieron y cumplieron en los últimos dos años.",
    ),
    "grants": (
        _("Has the town received federal grants with immigration-enforcement conditions?"),
        "Applications, awards and certifications for federal grants that carry conditions about cooperating "
        "with immigration enforcement (for example SCAAP, Byrne JAG or Operation Stonegarden).",
        "Solicitudes, adjudicaciones y certificaciones de subvenciones federales con condiciones de "
        "cooperación con la aplicación de las leyes de inmigración (por ejemplo SCAAP, Byrne JAG u "
        "Operation Stonegarden).",
    ),
    "prosecutors": (
        _(
            "Does the district or county attorney collaborate with federal prosecutors or ICE on nonviolent cases?"
        ),
        "Agreements and correspondence with the district or county attorney's office, federal prosecutors "
        "or ICE about cases involving undocumented people charged with nonviolent offenses.",
        "Acuerdos y correspondencia con la fiscalía del distrito o del condado, fiscales federales o ICE "
        "sobre casos de personas indocumentadas acusadas de delitos no violentos.",
    ),
    "reports": (
        _("Has the agency been named in ICE cooperation reports or executive-order lists?"),
        "Correspondence about the agency being named in ICE reports on cooperation or declined detainers, "
        "or in lists of jurisdictions published under executive orders.",
        "Correspondencia sobre la inclusión de la agencia en informes de ICE sobre cooperación u órdenes "
        "de detención (detainers) rechazadas, o en listas de jurisdicciones publicadas en virtud de "
        "órdenes ejecutivas.",
    ),
    "sanctuary": (
        _(
            "Does the town or state have laws or policies restricting cooperation with immigration enforcement?"
        ),
        "Policies, directives and legal analyses about state or local laws that limit cooperation with "
        "federal immigration enforcement.",
        "Políticas, directivas y análisis jurídicos sobre las leyes estatales o locales que limitan la "
        "cooperación con la aplicación federal de las leyes de inmigración.",
    ),
}

_UNITS = {
    "en": {"business_days": "business days", "calendar_days": "calendar days"},
    "es": {"business_days": "días hábiles", "calendar_days": "días naturales"},
}


def records_sought(questions: Iterable[str], other: str = "", language: str = "en") -> str:
    """The numbered list of records asked for, in the letter's language."""
    column = 2 if language == "es" else 1
    items = [QUESTIONS[key][column] for key in questions if key in QUESTIONS]
    if other.strip():
        items.append(other.strip())
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))


def _deadline_sentence(law: RecordsLaw | None, language: str) -> str:
    if law is None:
        return ""
    if law.has_deadline:
        unit = _UNITS[language].get(law.initial_unit, law.initial_unit)
        if language == "es":
            return (
                f"Conforme a {law.citation}, le ruego que responda dentro de los {law.initial_days} {unit} "
                "siguientes a la recepción de esta solicitud."
            )
        return (
            f"Under {law.citation}, please respond within {law.initial_days} {unit} of receiving this "
            "request."
        )
    if language == "es":
        return f"Conforme a {law.law_name}, le ruego que responda con prontitud."
    return f"Under {law.law_name}, please respond promptly."


def letter_compose(
    *,
    agency: Agency,
    law: RecordsLaw | None,
    sought: str,
    requester_name: str,
    language: str = "en",
    today: date | None = None,
    return_address: str = "",
) -> str:
    """A complete letter: the sender and return address, the date in words, addressee, the law, the
    records, fees, format, signature."""
    from records_requests.follow_through import long_date

    today = today or date.today()
    sender = "\n".join(p for p in [requester_name, return_address.strip()] if p)
    addressee_lines = [agency.name]
    if agency.records_postal_address:
        addressee_lines.append(agency.records_postal_address.strip())
    deadline = _deadline_sentence(law, language)
    law_name = (
        law.law_name
        if law
        else ("la ley de registros públicos" if language == "es" else "the public records law")
    )
    if language == "es":
        return "\n\n".join(
            part
            for part in [
                sender,
                long_date(today, "es"),
                "\n".join([addressee_lines[0], "Encargado de registros públicos", *addressee_lines[1:]]),
                "Estimado/a encargado/a de registros públicos:",
                f"Conforme a {law_name}, solicito copias de los siguientes registros:\n\n{sought}",
                "Prefiero recibir los registros en formato electrónico. Si se aplican tarifas, le ruego que "
                "me informe antes si superan los 25 dólares. Si niega alguna parte de esta solicitud, cite "
                "la excepción legal específica y entregue las partes que no estén exentas.",
                deadline,
                f"Atentamente,\n{requester_name}",
            ]
            if part
        )
    return "\n\n".join(
        part
        for part in [
            sender,
            long_date(today, "en"),
            "\n".join([addressee_lines[0], "Public Records Officer", *addressee_lines[1:]]),
            "Dear Public Records Officer:",
            f"Under {law_name}, I request copies of the following records:\n\n{sought}",
            "I prefer to receive the records electronically. If fees apply, please tell me in advance if "
            "they will exceed $25. If you deny any part of this request, please cite the specific legal "
            "exemption and release the parts that are not exempt.",
            deadline,
            f"Sincerely,\n{requester_name}",
        ]
        if part
    )
