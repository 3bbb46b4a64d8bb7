"""Issue 19's organizer journey: the agency survives signup, drafts stay private, every calculator link
on an agency page works, the letter has a return address and a date in words, any roster agency can be
chosen."""

import re
from datetime import date

from django.contrib.auth.models import User
from django.core import mail

from jurisdictions.models import Agency


def _roster_agency() -> Agency:
    """An agency from the FBI roster with no agreement on ICE's lists."""
    agency = Agency.objects.filter(ori__isnull=False, agreements__isnull=True, state__postal="NV").first()
    assert agency is not None
    return agency


def test_every_calculator_link_on_an_agency_page_answers_200_with_the_state_filled_in(client, db):
    agency = _roster_agency()
    page = client.get(agency.get_absolute_url())
    links = re.findall(r'href="(/requests/deadline/[^"]*)"', page.text)
    assert any("state=NV" in link for link in links)
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        if "state=" in link:
            assert '<option value="NV" selected>' in response.text


def test_signing_up_from_ask_this_agency_keeps_the_agency(client, db):
    agency = _roster_agency()
    ask = f"/requests/new/?agency={agency.pk}"
    login = client.get(ask, follow=True)
    signup_link = re.search(r'href="(/requests/accounts/signup/[^"]*)"', login.text)
    assert signup_link is not None and "next=" in signup_link[1]
    signup_url = signup_link[1].replace("&amp;", "&")
    form = client.get(signup_url)
    assert 'name="next"' in form.text
    response = client.post(
        signup_url,
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "password1": "a-long-pass-phrase-19",
            "password2": "a-long-pass-phrase-19",
        },
    )
    assert response.status_code == 302
    confirm = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+)", str(mail.outbox[-1].body))
    assert confirm is not None and "next=" in confirm[1]
    response = client.post(confirm[1])
    assert response.status_code == 302
    assert response["Location"] == ask
    assert client.get(ask).status_code == 200


def test_login_keeps_the_agency_too(client, db):
    User.objects.create_user("organizer19", "o19@example.org", "pw-for-tests-only")
    agency = _roster_agency()
    ask = f"/requests/new/?agency={agency.pk}"
    login_url = client.get(ask)["Location"]
    response = client.post(login_url, {"username": "organizer19", "password": "pw-for-tests-only"})
    assert response["Location"] == ask


def test_a_draft_is_private_until_it_is_sent(client, make_request):
    from records_requests.services import event_add

    draft = make_request(visibility="public")
    assert client.get(draft.get_absolute_url()).status_code == 404
    event_add(records_request=draft, kind="sent", date=date(2026, 3, 2), author=draft.requester)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_the_letter_has_a_return_address_and_a_date_in_words(db):
    from records_requests.letters import letter_compose

    letter = letter_compose(
        agency=_roster_agency(),
        law=None,
        sought="The 287(g) MOA.",
        requester_name="Ana Organizer",
        return_address="12 Main St\nLas Vegas, NV 89101",
        today=date(2026, 12, 1),
    )
    assert letter.startswith("Ana Organizer\n12 Main St\nLas Vegas, NV 89101\n\nDecember 1, 2026")
    spanish = letter_compose(
        agency=_roster_agency(),
        law=None,
        sought="x",
        requester_name="Ana",
        language="es",
        today=date(2026, 12, 1),
    )
    assert "1 de diciembre de 2026" in spanish
    assert "2026-12-01" not in spanish


def test_any_roster_agency_can_be_chosen(client, organizer):
    agency = _roster_agency()
    client.force_login(organizer)
    found = client.get("/requests/new/", {"q": agency.name})
    assert agency.get_absolute_url() in found.text or f"agency={agency.pk}" in found.text
    assert client.get("/requests/new/", {"agency": agency.pk}).status_code == 200
