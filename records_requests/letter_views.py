"""Follow-up, deemed-denial and appeal letters for one's own request: read, copy, download, email.

Only the organizer who filed the request sees these pages (others get a 404, as for a private request):
the letters carry their postal address. Each page costs four queries (the session, its user, the request
with agency, state and law, its events) plus the event write when a letter is emailed.
"""

from __future__ import annotations

import smtplib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from records_requests.follow_through import (
    LETTER_KINDS,
    LETTER_LANGUAGES,
    Letter,
    letter_compose,
)
from records_requests.forms import LetterSendForm
from records_requests.letter_pdf import letter_pdf
from records_requests.models import RecordsRequest
from records_requests.services import letter_send
from records_requests.timeline import derive
from records_requests.views import LOGIN_URL


def _letter(request: HttpRequest, pk: int, kind: str, language: str) -> tuple[RecordsRequest, Letter]:
    if kind not in LETTER_KINDS or language not in LETTER_LANGUAGES:
        raise Http404
    records_request = get_object_or_404(
        RecordsRequest.objects.select_related("agency__state__records_law", "requester"),
        pk=pk,
        requester_id=request.user.pk,
    )
    law = getattr(records_request.agency.state, "records_law", None)
    if law is None:
        raise Http404
    events = list(records_request.events.all())
    today = timezone.localdate()
    derived = derive(events, law.terms(), today=today)
    user = records_request.requester
    letter = letter_compose(
        kind=kind,
        language=language,
        records_request=records_request,
        law=law,
        derived=derived,
        events=events,
        requester_name=user.get_full_name() or user.get_username(),
        today=today,
    )
    return records_request, letter


@login_required(login_url=LOGIN_URL)
def letter_page(request: HttpRequest, pk: int, kind: str, language: str) -> HttpResponse:
    records_request, letter = _letter(request, pk, kind, language)
    form = LetterSendForm(initial={"to": records_request.agency.records_email})
    return _render(request, records_request, letter, form)


def _render(
    request: HttpRequest, rr: RecordsRequest, letter: Letter, form: LetterSendForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "records_requests/letter.html",
        {
            "rr": rr,
            "letter": letter,
            "kind_label": LETTER_KINDS[letter.kind],
            "other_language": "es" if letter.language == "en" else "en",
            "form": form,
        },
        status=status,
    )


@login_required(login_url=LOGIN_URL)
def letter_download(request: HttpRequest, pk: int, kind: str, language: str, fmt: str) -> HttpResponse:
    records_request, letter = _letter(request, pk, kind, language)
    name = f"request-{records_request.pk}-{kind}-{language}"
    if fmt == "pdf":
        response = HttpResponse(letter_pdf(letter.text, title=letter.subject), content_type="application/pdf")
    elif fmt == "txt":
        response = HttpResponse(letter.text, content_type="text/plain; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_POST
@login_required(login_url=LOGIN_URL)
def letter_email(request: HttpRequest, pk: int, kind: str, language: str) -> HttpResponse:
    records_request, letter = _letter(request, pk, kind, language)
    form = LetterSendForm(request.POST)
    if form.is_valid():
        try:
            letter_send(
                records_request=records_request,
                letter=letter,
                pdf=letter_pdf(letter.text, title=letter.subject),
                to=form.cleaned_data["to"],
                sender=records_request.requester,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except (OSError, smtplib.SMTPException):
            form.add_error(None, _("The mail server refused the letter; nothing was sent. Try again later."))
        else:
            messages.success(request, _("Sent, with a copy to you. It is logged on the timeline."))
            return redirect(records_request)
    return _render(request, records_request, letter, form, status=400)
