from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts.forms import SubscribeForm
from alerts.subscriptions import (
    UsedToken,
    normalize_email,
    subscription_confirm,
    subscription_request,
    subscription_to_confirm,
    subscription_unsubscribe,
    subscriptions_to_unsubscribe,
)
from alerts.targets import Target
from alerts.throttle import subscribe_attempt_allowed
from alerts.tokens import BadToken, ExpiredToken


def _language() -> str:
    """The page's language (from its /es/ prefix), kept for the subscriber's emails."""
    current = (translation.get_language() or "").split("-")[0]
    return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest, **lookup: str) -> HttpResponse:
    """Works without JavaScript: the partial on each page posts here; errors re-render here."""
    target = Target.from_url(**lookup)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        email = normalize_email(form.cleaned_data["email"])
        if not subscribe_attempt_allowed(ip=request.META.get("REMOTE_ADDR", ""), email=email):
            return render(request, "alerts/throttled.html", {"target": target}, status=429)
        subscription_request(email=email, target=target, language=_language())
        return redirect("alerts:subscribe_sent")
    status = 400 if form.errors else 200
    return render(request, "alerts/subscribe.html", {"form": form, "target": target}, status=status)


def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/subscribe_sent.html")


def _bad_link(request: HttpRequest, error: BadToken) -> HttpResponse:
    reason = (
        "expired" if isinstance(error, ExpiredToken) else "used" if isinstance(error, UsedToken) else "bad"
    )
    return render(request, "alerts/bad_link.html", {"reason": reason}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: link scanners that fetch every URL in an email confirm nothing."""
    try:
        if request.method == "POST":
            subscription = subscription_confirm(token=token)
            template = "alerts/confirmed.html"
        else:
            subscription = subscription_to_confirm(token=token)
            template = "alerts/confirm.html"
    except BadToken as error:
        return _bad_link(request, error)
    context = {"target": Target.of(subscription), "token": token}
    return render(request, template, context)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no CSRF token; the token is the secret.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (scanners fetch links), POST unsubscribes: from the page's button or a mail client's one click."""
    try:
        if request.method == "POST":
            subscriptions = subscription_unsubscribe(token=token)
            template = "alerts/unsubscribed.html"
        else:
            subscriptions = subscriptions_to_unsubscribe(token=token)
            template = "alerts/unsubscribe.html"
    except BadToken as error:
        return _bad_link(request, error)
    context = {"targets": [Target.of(s) for s in subscriptions], "token": token}
    return render(request, template, context)
