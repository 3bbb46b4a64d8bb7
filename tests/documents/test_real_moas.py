"""The four real MOAs in ../shared/data/moa: what extraction gets right, and the search done-criterion."""

import datetime as dt
import re
from pathlib import Path

import pytest

from documents.extract import fields_extract, pdf_text
from documents.search import moa_search
from documents.services import document_store
from tests.documents.conftest import REAL_MOAS

pytestmark = pytest.mark.realdata

# The truth, read by a person from the scans and ICE's list (signed dates as ICE lists them).
TRUTH = {
    "LawrenceCoSheriffsOfficeAL_TFM_MOA_06182025.pdf": (dt.date(2025, 6, 18), "TFM", "Brian Covington"),
    "GraysonCountyDCKY_JEM_MOA_030425.pdf": (dt.date(2025, 3, 5), "JEM", "Jason Woosley"),
    "287gWSO_LafayetteCoFl2019-10-15.pdf": (dt.date(2019, 10, 15), "WSO", None),
    "287g_JEM_TarrantCoTX_06-16-2020.pdf": (dt.date(2020, 6, 16), "JEM", "David S. McClelland"),
}
# Tarrant's last signature (the county judge's, June 16) is handwritten and unreadable in the OCR text;
# the latest legible date is ICE's digital signature of June 5. The file name carries the 16th.
KNOWN_MISSES = {"287g_JEM_TarrantCoTX_06-16-2020.pdf": dt.date(2020, 6, 5)}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_extracted_fields_match_the_truth(real_moa_dir: Path, name: str) -> None:
    pdf = pdf_text((real_moa_dir / name).read_bytes())
    assert pdf.status == "ok"
    extracted = fields_extract(pdf.text, file_name=name)
    signed, model, person = TRUTH[name]
    assert extracted.signed == KNOWN_MISSES.get(name, signed)
    assert extracted.notes["file_name_date"] == signed.isoformat() or name.startswith("Grayson")
    assert extracted.model == model
    assert extracted.notes["model"]["source"] == "text"
    names = [c["name"] for c in extracted.contacts]
    if person:
        assert person in names
    assert extracted.contacts, "every real MOA names at least one agency contact"


def test_the_encrypted_2025_moa_is_read(real_moa_dir: Path) -> None:
    pdf = pdf_text((real_moa_dir / "LawrenceCoSheriffsOfficeAL_TFM_MOA_06182025.pdf").read_bytes())
    assert (pdf.status, pdf.encrypted, pdf.page_count) == ("ok", True, 14)


# Each phrase is in one MOA only, though each of its words is in all four.
PHRASES = {
    "Lawrence": "enforcement authority granted",
    "Grayson": "enforcement activities within their respective",
    "Lafayette": "successfully complete initial training",
    "Tarrant": "additional training required",
}


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", text.lower()))


@pytest.mark.django_db
def test_a_phrase_found_in_one_moa_returns_that_moa_first(real_moa_dir: Path) -> None:
    stored = {
        REAL_MOAS[name]: document_store(
            content=(real_moa_dir / name).read_bytes(), source_url="", file_name=name
        )
        for name in REAL_MOAS
    }
    for key, phrase in PHRASES.items():
        holders = [k for k, d in stored.items() if phrase in _words(d.text)]
        assert holders == [key], f"{phrase!r} should be in {key} only"
        assert all(set(phrase.split()) <= set(_words(d.text).split()) for d in stored.values())

        assert len(moa_search(phrase)) == 4  # the words alone match every MOA
        results = list(moa_search(f'"{phrase}"'))
        assert results[0].pk == stored[key].pk, phrase
        assert "\ue000" in results[0].headline  # type: ignore[attr-defined]
