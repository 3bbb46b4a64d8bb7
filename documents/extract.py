"""Text from MOA PDFs (pypdf) and the fields an editor reviews: signing date, 287(g) model, agency contacts.

The rules come from reading real ICE MOAs (2019 WSO, 2020 and 2025 JEM, 2025 TFM). Most are scans with
OCR text, so every pattern tolerates noise (`OCT 1 5 .2019`, `256-97 4-2500`, `ForDHS:`) and every
result is a guess for an editor to confirm: `notes` says what each guess rests on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

PDF_MAGIC = b"%PDF-"
# The PDF spec lets a header sit anywhere in the first 1024 bytes; nothing else counts as a PDF.
MAGIC_WINDOW = 1024


def looks_like_pdf(content: bytes) -> bool:
    return PDF_MAGIC in content[:MAGIC_WINDOW]


@dataclass
class PdfText:
    status: str  # an ExtractionStatus value: ok, failed, needs_password
    text: str = ""
    page_count: int | None = None
    encrypted: bool = False
    error: str = ""


MAX_PAGES = 300  # real MOAs have 10–20; a cap keeps a hostile file from tying up a worker


def pdf_text(content: bytes, *, password: str = "", max_pages: int = MAX_PAGES) -> PdfText:
    """Every page's text joined by form feeds. Never raises: failures come back as a status and a message.

    Encrypted PDFs are opened with `password` (ICE's are encrypted with an empty user password, AES-256,
    which needs the `cryptography` package). Cost: pypdf parses the whole file, ~0.1 s a page.
    """
    if not looks_like_pdf(content):
        return PdfText(status="failed", error="not a PDF (no %PDF- header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        encrypted = reader.is_encrypted
        if encrypted and not reader.decrypt(password):
            return PdfText(
                status="needs_password",
                encrypted=True,
                page_count=_page_count(reader),
                error="encrypted; the password given does not open it",
            )
        pages: list[str] = []
        page_errors: list[str] = []
        total = len(reader.pages)
        if total > max_pages:
            page_errors.append(f"only the first {max_pages} of {total} pages were read")
        for number, page in enumerate(reader.pages[:max_pages], start=1):
            try:
                pages.append(page.extract_text() or "")
            except Exception as exc:  # one bad page must not lose the others
                pages.append("")
                page_errors.append(f"page {number}: {exc}")
    except FileNotDecryptedError as exc:
        return PdfText(status="needs_password", encrypted=True, error=str(exc))
    except DependencyError as exc:
        return PdfText(status="failed", encrypted=True, error=f"cannot decrypt: {exc}")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        return PdfText(status="failed", error=f"unreadable PDF: {exc}")
    text = "\f".join(pages).replace("\x00", "")
    status = "failed" if page_errors and not text.strip() else "ok"
    return PdfText(
        status=status, text=text, page_count=total, encrypted=encrypted, error="; ".join(page_errors)
    )


def _page_count(reader: pypdf.PdfReader) -> int | None:
    try:
        return len(reader.pages)
    except Exception:  # the page tree of an encrypted file may be unreadable
        return None


# --- signing date -------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_MONTH_NAME = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# OCR splits digits ("OCT 1 5 .2019"), so the day allows one inner space and the year a stray dot.
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH_NAME}\s+(?P<day>\d\s?\d?)\s*[,.]?\s*\.?(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"(?<![\d/])(?P<month>\d{1,2})[/-](?P<day>\d{1,2})[/-](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\.(?P<month>\d\d)\.(?P<day>\d\d)\b"),
]
# Page footers carry the template's revision date ("Revised 03/07/2025"), never a signature.
_REVISED = re.compile(r"revised\s*:?\s*$", re.I)
FIRST_287G_YEAR = 1996


@dataclass
class Found:
    value: Any
    evidence: str


def _dates(text: str) -> list[Found]:
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if _REVISED.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            month = match.group("month")
            month_number = _MONTHS[month[:3].lower()] if month.isalpha() else int(month)
            try:
                date = dt.date(
                    int(match.group("year")), month_number, int(match.group("day").replace(" ", ""))
                )
            except ValueError:
                continue
            if FIRST_287G_YEAR <= date.year <= dt.date.today().year + 1:
                context = " ".join(text[max(0, match.start() - 20) : match.end() + 5].split())
                found.append(Found(date, context))
    return found


def signing_date(text: str) -> Found | None:
    """The latest full date that is not a footer's revision date: an MOA takes effect when the last party signs.

    Handwritten dates OCR badly, so the latest *legible* date may be one party's, not the last one's.
    """
    dates = _dates(text)
    return max(dates, key=lambda f: f.value) if dates else None


_FILE_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<month>\d\d)[-.](?P<day>\d\d)[-.](?P<year>(?:19|20)?\d\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<month>\d\d)(?P<day>\d\d)(?P<year>(?:19|20)?\d\d)(?!\d)"),
]


def file_name_date(name: str) -> Found | None:
    """ICE names MOA files with the signing date in one of several orders: 2019-10-15, 06-16-2020, 06182025, 030425."""
    for pattern in _FILE_DATE_PATTERNS:
        match = pattern.search(name)
        if not match:
            continue
        year = int(match.group("year"))
        year = year + 2000 if year < 100 else year
        try:
            date = dt.date(year, int(match.group("month")), int(match.group("day")))
        except ValueError:
            continue
        if FIRST_287G_YEAR <= date.year <= dt.date.today().year + 1:
            return Found(date, name)
    return None


# --- model -----------------------------------------------------------------------------------------------

_MODEL_NAMES = [
    ("JEM", re.compile(r"jail\s+enforcement\s+model", re.I)),
    ("TFM", re.compile(r"task\s+force\s+model", re.I)),
    ("WSO", re.compile(r"warrant\s+service\s+officer", re.I)),
]
# The 2019 WSO form never names its model; it is the only one delegating exactly two authorities.
_WSO_CLAUSE = re.compile(r"only\s+delegated\s+the\s+two\s+authorities", re.I)
_FILE_MODEL = re.compile(r"(?:^|[^a-z]|287g)(JEM|TFM|TF|WSO)(?:[^a-z]|$)", re.I)
TITLE_CHARS = 1500


def support_model(text: str) -> Found | None:
    """The model named in the title; else the one named most often; else the WSO form's clause."""
    head = text[:TITLE_CHARS]
    for code, pattern in _MODEL_NAMES:
        match = pattern.search(head)
        if match:
            return Found(code, f"title: {match.group(0)}")
    counts = {code: len(pattern.findall(text)) for code, pattern in _MODEL_NAMES}
    code, count = max(counts.items(), key=lambda kv: kv[1])
    if count:
        return Found(code, f"named {count} times in the text")
    match = _WSO_CLAUSE.search(text)
    if match:
        return Found("WSO", f"clause: {match.group(0)}")
    return None


def file_name_model(name: str) -> Found | None:
    match = _FILE_MODEL.search(name)
    if not match:
        return None
    code = match.group(1).upper()
    return Found("TFM" if code == "TF" else code, name)


# --- points of contact -----------------------------------------------------------------------------------

# Headings are upper case ("VII. POINTS OF CONTACT", "APPENDIX C PUBLIC INFORMATION POINTS OF CONTACT");
# the running text's "the points of contact ... are identified in Appendix A" is not one.
_POC_HEADING = re.compile(r"POINTS?\s+OF\s+CONTACTS?")
# "For the LEA:", "For the LCSO:", "For the Lafayette County Sheriff's Office:" — but not ICE's or DHS's.
_FOR_AGENCY = re.compile(r"^\s*For\s+the\s+(?!ICE\b|DHS\b)(?P<who>[^:\n]{1,80}):(?P<rest>.*)$", re.I)
_BLOCK_END = re.compile(
    r"^\s*(?:For\s*(?:the\s+)?(?:ICE|DHS)\b|APPENDIX|[IVX]{1,5}\.\s+[A-Z]|\d{1,3}\s*$)|Revised\s+\d\d?/\d\d?/\d{4}",
    re.I,
)
_SECTION_LOOKAHEAD = 1500
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]*\d[\d ]{1,3}[\s.-]*\d{4}\b")
_ADDRESS = re.compile(
    r"^\s*\d+\s+\w|\bP\.?\s?O\.?\s?Box|\b[A-Z]{2}\s+\d{5}\b|,\s*[A-Z][a-z]+\s+\d{5}\b", re.I
)
_ORGANIZATION = re.compile(r"\b(office|county|department|center|centre|division|bureau|city of)\b", re.I)
TITLE_WORDS = {
    "sheriff", "deputy", "chief", "officer", "director", "jailer", "captain", "lieutenant", "sergeant",
    "major", "commander", "administrator", "judge", "manager", "coordinator", "undersheriff", "colonel",
    "superintendent", "warden", "commissioner", "assistant", "public", "information", "affairs",
}  # fmt: skip


def _phone(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else None


def _is_title(line: str) -> bool:
    words = re.findall(r"[a-z]+", line.lower())
    return 0 < len(words) <= 6 and (words[0] in TITLE_WORDS or words[-1] in TITLE_WORDS)


def _is_person(line: str) -> bool:
    words = line.replace(".", " ").split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"\d", line)


def _contact(lines: list[str], section: str) -> dict[str, Any] | None:
    contact: dict[str, Any] = {"name": "", "title": "", "organization": "", "phones": [], "emails": []}
    address: list[str] = []
    for raw in lines:
        line = " ".join(raw.split()).strip(" ,")
        if not line:
            continue
        emails = _EMAIL.findall(line)
        if emails:
            contact["emails"] += [e for e in emails if e not in contact["emails"]]
            continue
        phones = [p for p in (_phone(m) for m in _PHONE.findall(line)) if p]
        if phones and not _ADDRESS.search(_PHONE.sub("", line)):
            contact["phones"] += [p for p in phones if p not in contact["phones"]]
            continue
        if _ADDRESS.search(line):
            address.append(line)
            continue
        for part in [p.strip() for p in line.split(",")] if "," in line else [line]:
            _classify(part, contact)
    contact["address"] = ", ".join(address)
    contact["section"] = section
    if not any(contact[k] for k in ("name", "title", "organization", "phones", "emails", "address")):
        return None
    return contact


def _classify(part: str, contact: dict[str, Any]) -> None:
    words = part.split()
    if _ORGANIZATION.search(part) and not contact["organization"]:
        contact["organization"] = part
    elif (
        words
        and words[0].lower() in TITLE_WORDS
        and _is_person(rest := " ".join(words[1:]))
        and not _is_title(rest)
    ):
        # "Jailer Jason Woosley": a title before the name.
        contact["title"] = contact["title"] or words[0]
        contact["name"] = " ".join(words[1:])
    elif _is_title(part) and not contact["title"]:
        contact["title"] = part
    elif _is_person(part) and not contact["name"]:
        contact["name"] = part
    elif not contact["organization"]:
        contact["organization"] = part


def points_of_contact(text: str) -> list[dict[str, Any]]:
    """The agency's (not ICE's) contacts under each "points of contact" heading, merged by name."""
    contacts: list[dict[str, Any]] = []
    for heading in _POC_HEADING.finditer(text):
        line_start = text.rfind("\n", 0, heading.start()) + 1
        heading_line = text[line_start : text.find("\n", heading.end())]
        section = (
            "public information" if "public information" in heading_line.lower() else "points of contact"
        )
        lines = text[heading.end() : heading.end() + _SECTION_LOOKAHEAD].splitlines()
        for i, line in enumerate(lines):
            match = _FOR_AGENCY.match(line)
            if not match:
                continue
            block = [match.group("rest")]
            for following in lines[i + 1 :]:
                if _BLOCK_END.search(following) or _FOR_AGENCY.match(following):
                    break
                block.append(following)
            contact = _contact(block, section)
            if contact:
                _merge(contacts, contact)
            break
    return contacts


def _identity(contact: dict[str, Any]) -> tuple[str, ...]:
    if contact["name"]:
        return (contact["name"].lower(),)
    return (contact["organization"].lower(), contact["title"].lower())


def _merge(contacts: list[dict[str, Any]], new: dict[str, Any]) -> None:
    for known in contacts:
        if _identity(known) == _identity(new):
            for key in ("phones", "emails"):
                known[key] += [v for v in new[key] if v not in known[key]]
            for key in ("title", "organization", "address"):
                known[key] = known[key] or new[key]
            return
    contacts.append(new)


# --- all fields ------------------------------------------------------------------------------------------


@dataclass
class Extracted:
    signed: dt.date | None = None
    model: str = ""
    contacts: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)


def fields_extract(text: str, *, file_name: str = "") -> Extracted:
    """Signing date, model and contacts from the text; the file name only where the text gives nothing."""
    result = Extracted()
    for key, from_text, from_name in (
        ("signed", signing_date, file_name_date),
        ("model", support_model, file_name_model),
    ):
        found = from_text(text)
        source = "text"
        if found is None and file_name:
            found, source = from_name(file_name), "file name"
        if found is None:
            result.notes[key] = {"value": None, "source": None, "evidence": ""}
            continue
        value = found.value
        result.notes[key] = {
            "value": value.isoformat() if isinstance(value, dt.date) else value,
            "source": source,
            "evidence": found.evidence,
        }
        setattr(result, key, value)
    if file_name and (named := file_name_date(file_name)):
        result.notes["file_name_date"] = named.value.isoformat()
    result.contacts = points_of_contact(text)
    result.notes["contacts_found"] = len(result.contacts)
    return result
