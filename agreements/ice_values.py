"""Normalizers for single values of ICE's 287(g) sheets: states, models, signed dates, links, file names.

Pure functions, no database. Each returns the clean value and, when it had to guess or could not decide, a
note for the per-row report. Every quirk handled here is listed in ICE_SHEETS.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

import us
from django.utils.translation import gettext as _
from rapidfuzz.distance import Levenshtein

from jurisdictions.names import normalize_name

BLANK_COUNTY = {"", "#n/a", "#na", "n/a", "na", "none", "-", "#value!", "#ref!"}

_MODELS = {
    "jail enforcement model": "JEM",
    "task force model": "TFM",
    "warrant service officer": "WSO",
    "jem": "JEM",
    "tfm": "TFM",
    "wso": "WSO",
}
# Variants seen on the lists; anything else within edit distance 3 of one label is snapped and reported.
_MODEL_VARIANTS = {
    "warrant services officer": "WSO",
    "warrant service office": "WSO",
    "warrant service officers": "WSO",
    "task force officer": "TFM",
    "task force": "TFM",
    "jail enforcement": "JEM",
}

TYPES = {
    "county": "County",
    "municipality": "Municipality",
    "municipal": "Municipality",
    "city": "Municipality",
    "state agency": "State Agency",
    "state": "State Agency",
}

SAFELINKS_HOST = "safelinks.protection.outlook.com"


def closest(value: str, choices: dict[str, str], limit: int) -> str | None:
    """The choice within `limit` edits of `value`, only when exactly one choice is nearest."""
    # rapidfuzz stops counting past `limit` and then answers limit + 1.
    scored = sorted((Levenshtein.distance(value, key, score_cutoff=limit), key) for key in choices)
    if not scored or scored[0][0] > limit:
        return None
    nearest = {choices[key] for distance, key in scored if distance == scored[0][0]}
    return nearest.pop() if len(nearest) == 1 else None


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    states = {*us.states.STATES_AND_TERRITORIES, us.states.DC}
    names = {s.name.upper(): s.abbr for s in states}
    names.update({s.abbr: s.abbr for s in states})
    names["WASHINGTON DC"] = names["WASHINGTON, DC"] = names["D.C."] = "DC"
    return names


def parse_state(value: object) -> tuple[str | None, str | None]:
    """(postal code, note). Typos are snapped within 2 edits when one state is nearest, else (None, note)."""
    text = re.sub(r"\s+", " ", str(value or "")).strip().upper()
    if not text:
        return None, _("no state")
    names = _state_names()
    if text in names:
        return names[text], None
    full_names = {k: v for k, v in names.items() if len(k) > 2}
    postal = closest(text, full_names, 2)
    if postal is None:
        return None, _("state “%(value)s” is not a state name, or is as close to two") % {"value": value}
    return postal, _("state “%(value)s” read as %(postal)s") % {"value": value, "postal": postal}


def parse_model(value: object) -> tuple[str | None, str | None]:
    """(JEM/TFM/WSO, note). Known variants are mapped silently; near misses are snapped and reported."""
    text = re.sub(r"\s+", " ", str(value or "")).strip().casefold()
    if text in _MODELS:
        return _MODELS[text], None
    if text in _MODEL_VARIANTS:
        return _MODEL_VARIANTS[text], _("support type “%(value)s” read as %(model)s") % {
            "value": str(value).strip(),
            "model": _MODEL_VARIANTS[text],
        }
    if not text:
        return None, _("no support type")
    model = closest(text, {**_MODELS, **_MODEL_VARIANTS}, 3)
    if model is None:
        return None, _("support type “%(value)s” is not a 287(g) model") % {"value": value}
    return model, _("support type “%(value)s” read as %(model)s") % {"value": value, "model": model}


def parse_type(value: object) -> tuple[str, str | None]:
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    if not text:
        return "", None
    known = TYPES.get(text.casefold())
    if known is None:
        return text, _("unknown type “%(value)s”") % {"value": text}
    return known, None


def clean_county(value: object) -> str:
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    return "" if text.casefold() in BLANK_COUNTY else text


_EARLIEST = dt.date(1996, 9, 30)  # 287(g) was created by IIRIRA, signed 1996-09-30.


def _plausible(day: dt.date, today: dt.date) -> bool:
    return _EARLIEST <= day <= today + dt.timedelta(days=366)


def parse_signed(value: object, *, today: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """(date, note). Typos are parsed only when a single reading exists; otherwise (None, note)."""
    today = today or dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, _("no signed date")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if _plausible(value, today):
            return value, None
        return None, _("signed date %(value)s is out of range") % {"value": value.isoformat()}
    if isinstance(value, int | float):
        from openpyxl.utils.datetime import from_excel

        try:
            day = from_excel(value).date()
        except (ValueError, OverflowError, AttributeError):
            return None, _("signed “%(value)s” is not a date") % {"value": value}
        return (day, None) if _plausible(day, today) else (None, _("signed date out of range"))
    text = str(value).strip()
    readings = {d for d in _date_readings(text) if _plausible(d, today)}
    if len(readings) == 1:
        day = readings.pop()
        clean = re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", text)
        note = None if clean else _("signed “%(value)s” read as %(date)s") % {"value": text, "date": day}
        return day, note
    if readings:
        return None, _("signed “%(value)s” can be read several ways; left blank") % {"value": text}
    return None, _("signed “%(value)s” is not a date; left blank") % {"value": text}


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _date_readings(text: str) -> list[dt.date]:
    """Every date a month/day/year string can mean when a slash is missing or the year has a typo."""
    found: list[dt.date | None] = []
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        found.append(_make(int(m[1]), int(m[2]), int(m[3])))
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        found.append(_make(year, int(m[1]), int(m[2])))
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{5,6})", text):
        # A missing slash: "05/082025", "7/72025" — the day is what precedes a four-digit year.
        rest = m[2]
        found.append(_make(int(rest[-4:]), int(m[1]), int(rest[:-4])))
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{5})", text):
        # A five-digit year ("6/30/20026"): dropping any one digit gives a year; keep the distinct ones.
        for i in range(5):
            year = int(m[3][:i] + m[3][i + 1 :])
            found.append(_make(year, int(m[1]), int(m[2])))
    return [d for d in found if d is not None]


def clean_url(target: object) -> tuple[str, str | None]:
    """(URL, note): Outlook safelinks unwrapped, `https:/` repaired; ("", note) for what is not a web URL."""
    text = str(target or "").strip()
    if not text:
        return "", None
    text = re.sub(r"^(https?):/+(?=[^/])", r"\1://", text, flags=re.IGNORECASE)
    parts = urlsplit(text)
    if parts.hostname and parts.hostname.endswith(SAFELINKS_HOST):
        inner = parse_qs(parts.query).get("url")
        if not inner:
            return "", _("safelink without a url parameter")
        return clean_url(inner[0])
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return "", _("link “%(value)s” is not a web address") % {"value": text[:200]}
    return text, None


def name_key(name: str) -> str:
    return normalize_name(name)


_LOOSE_WORDS = {
    "saint": "st",
    "dept": "department",
    "co": "county",
    "sheriffs": "sheriff",
    "sherrifs": "sheriff",
    "ofc": "office",
    "pd": "police department",
    "so": "sheriff office",
}


def loose_key(name: str) -> str:
    """A looser key than `normalize_name`: punctuation dropped, common abbreviations expanded.

    "St. Cloud Police Dept.", "City of Saint Cloud Police Department" share one. Matches on it are recorded
    as merges for review, never applied silently.
    """
    words = re.sub(r"[^\w\s]", " ", normalize_name(name).replace("'", "")).split()
    if len(words) > 3 and words[0] in {"city", "town", "village"} and words[1] == "of":
        words = words[2:]  # "City of Miami Springs Police Department" is "Miami Springs Police Department"
    return " ".join(_LOOSE_WORDS.get(w, w) for w in words)


PART_ORDER = {"am": 10, "": 20, "mid": 30, "pm": 40, "pm2": 50, "pmb": 50}
"""Same-day order of ICE's lists: am < (no part, mid) < pm < pm2/pmB; a `_b` copy comes right after its base."""

EARLIEST_LIST = dt.date(2005, 1, 1)
YEAR_EARLY_DAYS = 300  # a name dated this long before it was captured has the wrong year


def part_order(part: str) -> int:
    """Sort key of a part label (`am`, `mid`, `pm_b`, `pm2`…) within one day; unknown labels go last."""
    base, _sep, suffix = part.lower().partition("_")
    return PART_ORDER.get(base, 90) + (1 if suffix else 0)


@dataclass(frozen=True)
class FileDate:
    kind: str | None
    published: dt.date | None
    part: str  # "", am, mid, pm, pm2, pmb; "_b" appended for ICE's second copy (am_b, pm_b)
    source: str = ""  # filename, capture (the name carried a capture date), "" when no date
    notes: tuple[str, ...] = ()  # what was repaired or guessed, for the import report

    @property
    def order(self) -> int:
        return part_order(self.part)


_FILE_NAME = re.compile(
    r"(?:287g)?[\s_-]*(?P<kind>participating|pending)[\s_-]*agenc(?:y|ies)(?P<rest>.*)$", re.IGNORECASE
)
# MMDD + four-digit year, or MMDD + two-digit year not followed by a digit; then at most one stray digit
# ("041720263pm"), the part, an optional "_b"; anything after it (" 12.15.07 AM") is ignored.
_DATED = re.compile(
    r"^[\s_-]*(?P<mm>\d{2})(?P<dd>\d{2})(?:(?P<yyyy>\d{4})(?P<stray>\d)?|(?P<yy>\d{2})(?!\d))"
    r"[\s_-]*(?:(?P<part>am|mid|pm2|pmb|pm)(?P<b>_b)?(?![a-z]))?",
    re.IGNORECASE,
)
_CAPTURED = re.compile(r"^_(?P<yyyy>\d{4})(?P<mm>\d{2})(?P<dd>\d{2})(?:_[0-9a-f]{12})?$", re.IGNORECASE)


def parse_file_name(name: str, *, captured: dt.date | None = None, today: dt.date | None = None) -> FileDate:
    """Kind, date and part of the day from ICE's file names, in every form seen 2025–2026 (ICE_SHEETS.md).

    `captured` is when the file was first seen (downloaded, archived): a name whose year cannot be right
    (3025, or a January 2026 list named 2025) is repaired from it and flagged. A date that cannot be
    right and cannot be repaired gives published=None, never a wrong year.
    """
    today = today or dt.date.today()
    stem = re.sub(r"\.xlsx?$", "", name.rsplit("/", 1)[-1], flags=re.IGNORECASE).strip()
    m = _FILE_NAME.search(stem)
    if not m:
        kind = next((k for k in ("participating", "pending") if k in stem.casefold()), None)
        return FileDate(kind, None, "")
    kind, rest = m["kind"].lower(), m["rest"]
    if c := _CAPTURED.match(rest):
        day = _make(int(c["yyyy"]), int(c["mm"]), int(c["dd"]))
        return FileDate(kind, day, "", "capture" if day else "")
    d = _DATED.match(rest)
    if not d:
        return FileDate(kind, None, "")
    notes: list[str] = []
    part = (d["part"] or "").lower() + (d["b"] or "").lower()
    if d["stray"]:
        notes.append(
            _("a stray digit “%(digit)s” after the year in the file name was ignored") % {"digit": d["stray"]}
        )
    year = int(d["yyyy"]) if d["yyyy"] else 2000 + int(d["yy"])
    day = _make(year, int(d["mm"]), int(d["dd"]))
    limit = max(today, captured or today) + dt.timedelta(days=30)
    if (
        day is not None
        and captured is not None
        and not (captured - dt.timedelta(days=YEAR_EARLY_DAYS) <= day <= limit)
    ):
        repaired = _repair_year(day, captured)
        if repaired is not None:
            notes.append(
                _(
                    "the year in the file name (%(year)s) cannot be right for a list first seen on %(captured)s; read as %(date)s"
                )
                % {"year": day.year, "captured": captured.isoformat(), "date": repaired.isoformat()}
            )
            return FileDate(kind, repaired, part, "filename", tuple(notes))
    if day is None or not (EARLIEST_LIST <= day <= limit):
        if d["yyyy"] or d["yy"]:
            notes.append(_("the date in the file name cannot be right; it was not used"))
        return FileDate(kind, None, part, "", tuple(notes))
    return FileDate(kind, day, part, "filename", tuple(notes))


def _repair_year(day: dt.date, captured: dt.date) -> dt.date | None:
    """The month and day of `day` in the year that puts it in the 60 days up to its capture, if one does."""
    for year in (captured.year, captured.year - 1):
        candidate = _make(year, day.month, day.day)
        if candidate is not None and dt.timedelta(0) <= captured - candidate <= dt.timedelta(days=60):
            return candidate
    return None
