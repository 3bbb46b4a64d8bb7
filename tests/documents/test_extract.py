import datetime as dt

from documents.extract import (
    Found,
    fields_extract,
    file_name_date,
    file_name_model,
    pdf_text,
    points_of_contact,
    signing_date,
    support_model,
)
from tests.documents.pdfs import MOA_TEXT, make_pdf


def value(found: Found | None) -> object:
    assert found is not None
    return found.value


def test_text_of_a_plain_pdf() -> None:
    result = pdf_text(make_pdf("first page", "second page"))
    assert (result.status, result.page_count, result.encrypted) == ("ok", 2, False)
    assert result.text == "first page\fsecond page"


def test_pages_past_the_cap_are_not_read_and_the_error_says_so() -> None:
    result = pdf_text(make_pdf("one", "two", "three"), max_pages=2)
    assert (result.status, result.page_count, result.text) == ("ok", 3, "one\ftwo")
    assert result.error == "only the first 2 of 3 pages were read"


def test_encrypted_with_an_empty_user_password_opens() -> None:
    result = pdf_text(make_pdf("the quiet river clause", user_password=""))
    assert (result.status, result.encrypted) == ("ok", True)
    assert "quiet river" in result.text


def test_encrypted_with_a_real_password_needs_it() -> None:
    result = pdf_text(make_pdf("locked words", user_password="s3cret"))
    assert (result.status, result.encrypted, result.text) == ("needs_password", True, "")


def test_the_right_password_opens_it() -> None:
    result = pdf_text(make_pdf("locked words", user_password="s3cret"), password="s3cret")
    assert (result.status, result.text) == ("ok", "locked words")


def test_not_a_pdf_fails_without_raising() -> None:
    result = pdf_text(b"<html>Access denied</html>")
    assert result.status == "failed"
    assert "not a PDF" in result.error


def test_a_broken_pdf_fails_without_raising() -> None:
    result = pdf_text(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    assert result.status == "failed"
    assert result.error


def test_signing_date_ignores_footer_revision_dates() -> None:
    text = "Revised 06/30/2025\nDate: 3/4/2025 Date: March 5, 2025\nRevised 06/30/2025"
    assert value(signing_date(text)) == dt.date(2025, 3, 5)


def test_signing_date_reads_ocr_noise_and_digital_signatures() -> None:
    assert value(signing_date("law. OCT 1 5 .2019 Date:")) == dt.date(2019, 10, 15)
    assert value(signing_date("CRONEN Date: 2020.06.05 17:59:08 -04'00'")) == dt.date(2020, 6, 5)


def test_no_signing_date_is_none_not_a_guess() -> None:
    assert signing_date("Date: ____ Signature: ____ dated December 2014") is None


def test_file_name_dates_in_ice_orders() -> None:
    assert value(file_name_date("287gWSO_LafayetteCoFl2019-10-15.pdf")) == dt.date(2019, 10, 15)
    assert value(file_name_date("287g_JEM_TarrantCoTX_06-16-2020.pdf")) == dt.date(2020, 6, 16)
    assert value(file_name_date("X_TFM_MOA_06182025.pdf")) == dt.date(2025, 6, 18)
    assert value(file_name_date("GraysonCountyDCKY_JEM_MOA_030425.pdf")) == dt.date(2025, 3, 4)
    assert file_name_date("moa.pdf") is None


def test_model_from_the_title() -> None:
    assert value(support_model("MEMORANDUM OF AGREEMENT\n287(g) Task Force Model\n")) == "TFM"


def test_model_of_the_2019_wso_form_from_its_clause() -> None:
    text = "Participating LCSO personnel are only delegated the two authorities listed below"
    assert value(support_model(text)) == "WSO"


def test_model_unknown_without_evidence() -> None:
    assert support_model("MEMORANDUM OF AGREEMENT") is None


def test_model_from_the_file_name() -> None:
    assert value(file_name_model("lafayetteCountySherrifsOffice_TF_MOA_03122025.pdf")) == "TFM"
    assert value(file_name_model("287gWSO_X.pdf")) == "WSO"
    assert file_name_model("agreement.pdf") is None


def test_points_of_contact_are_the_agencys_not_ices() -> None:
    contacts = points_of_contact(MOA_TEXT)
    assert [c["name"] for c in contacts] == ["Ana Lopez", "Maria Quintero"]
    assert contacts[0]["title"] == "Sheriff"
    maria = contacts[1]
    assert maria["title"] == "Public Information Officer"
    assert maria["phones"] == ["775-485-6373"]
    assert maria["emails"] == ["mquintero@esmeraldacounty.example"]
    assert maria["address"] == "233 Crook Avenue, Goldfield, NV 89013"
    assert maria["section"] == "public information"
    assert "202-732-4242" not in str(contacts)


def test_the_same_person_in_two_sections_is_one_contact() -> None:
    text = (
        "APPENDIX A\nPOINTS OF CONTACT\nFor the LEA: Jo Park\nChief Deputy\n256-97 4-2500\nAPPENDIX B\n"
        "PUBLIC INFORMATION POINTS OF CONTACT\nFor the LEA:\nJo Park\njpark@so.example\nFor ICE:\n"
    )
    assert points_of_contact(text) == [
        {
            "name": "Jo Park",
            "title": "Chief Deputy",
            "organization": "",
            "phones": ["256-974-2500"],
            "emails": ["jpark@so.example"],
            "address": "",
            "section": "points of contact",
        }
    ]


def test_running_text_mentioning_points_of_contact_is_not_a_heading() -> None:
    text = "The points of contact for ICE and the LEA are identified in Appendix C.\nFor the LEA: Not A Contact\n"
    assert points_of_contact(text) == []


def test_file_name_is_a_fallback_and_the_notes_say_so() -> None:
    extracted = fields_extract("no date, no model here", file_name="287g_JEM_TarrantCoTX_06-16-2020.pdf")
    assert (extracted.signed, extracted.model) == (dt.date(2020, 6, 16), "JEM")
    assert extracted.notes["signed"]["source"] == "file name"
    assert extracted.notes["model"]["source"] == "file name"


def test_text_wins_over_the_file_name() -> None:
    extracted = fields_extract("287(g) Task Force Model\nDate: 6/18/2025", file_name="X_JEM_01012020.pdf")
    assert (extracted.signed, extracted.model) == (dt.date(2025, 6, 18), "TFM")
    assert extracted.notes["file_name_date"] == "2020-01-01"
