"""Organizer accounts: sign up, log in and out, reset or change a password, manage API tokens.

Nothing here tells a visitor whether an email address has an account: sign-up and password reset answer
the same page either way and say the rest by email (to the address's owner). A sign-up is confirmed
from the email before the account can log in. Sign-ups and reset emails are limited per client address
(`ACCOUNT_EMAILS_PER_HOUR`); every password check is counted by the login lockout (core/login_throttle.py).
"""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from api_tokens.tokens import MAX_DAYS, default_days, token_create, token_revoke, tokens_of, tokens_revoke_all
from core.login_throttle import email_sending_allowed, too_many_emails

FORM = "records_requests/accounts/form.html"
MESSAGE = "records_requests/accounts/message.html"
EMAILS = "records_requests/accounts/"


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=_("Email"), help_text=_("We send reminders and overdue alerts here."))

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "email")


def safe_next(request: HttpRequest) -> str:
    """The `next` page asked for (POST, then GET) when it is on this site, else ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _email(
    request: HttpRequest, user: User, template: str, subject: str | Promise, next_url: str = ""
) -> None:
    """Send `template` to the user with a confirmation or reset link built for them. No query."""
    context = {
        "user": user,
        "site": settings.SITE_URL.rstrip("/"),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "next_query": f"?{urlencode({'next': next_url})}" if next_url else "",
    }
    body = render_to_string(EMAILS + template, context, request=request)
    send_mail(str(subject), body, None, [user.email])


def signup_submit(request: HttpRequest, form: SignupForm) -> None:
    """Create an inactive account and email its confirmation link; when the address already has an
    account, email its owner instead. The password is hashed either way, so both take the same time."""
    email = form.cleaned_data["email"]
    next_url = safe_next(request)
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is None:
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        _email(request, user, "signup_email.txt", _("Confirm your organizer account"), next_url)
        return
    make_password(form.cleaned_data["password1"])
    if not existing.is_active and existing.last_login is None:
        _email(request, existing, "signup_email.txt", _("Confirm your organizer account"), next_url)
    else:
        _email(request, existing, "signup_exists_email.txt", _("You already have an organizer account"))


def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and not email_sending_allowed(request, "signup"):
        return too_many_emails(request)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signup_submit(request, form)
        return redirect("records_requests:signup_sent")
    status = 400 if form.is_bound and form.errors else 200
    context = {"form": form, "title": _("Create an organizer account"), "next": safe_next(request)}
    return render(request, FORM, context, status=status)


def _user_from_link(uidb64: str, token: str) -> User | None:
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links; they must not confirm); POST activates and logs in."""
    user = _user_from_link(uidb64, token)
    if user is None:
        context = {"title": _("Confirm your account"), "validlink": False}
        return render(request, FORM, context, status=400)
    if request.method == "POST":
        user.is_active = True
        user.save(update_fields=["is_active"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(safe_next(request) or "records_requests:dashboard")
    context = {"form": forms.Form(), "title": _("Confirm your account"), "next": safe_next(request)}
    return render(request, FORM, context)


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset view (same answer whether or not the address has an account), with the email limit."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not email_sending_allowed(request, "password-reset"):
            return too_many_emails(request)
        return super().post(request, *args, **kwargs)


class LockoutPasswordChangeForm(PasswordChangeForm):
    """Checks the old password with `authenticate()`, so guessing it counts toward the login lockout."""

    def __init__(self, user: User, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password: str = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.get_username(), password=old_password) is None:
            raise forms.ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = LockoutPasswordChangeForm
    template_name = FORM
    success_url = reverse_lazy("records_requests:account")
    extra_context = {"title": _("Change your password")}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Password changed. Your API tokens were revoked."))
        return response


class NewTokenForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Expires"),
        coerce=int,
        choices=[
            (30, _("in 30 days")),
            (90, _("in 90 days")),
            (MAX_DAYS, _("in a year")),
            (0, _("never")),
        ],
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The organizer's account: API tokens (made, listed, revoked here) and a link to change the password.
    Queries: session, user, tokens (plus one write for an action)."""
    assert isinstance(request.user, User)
    new_token = None
    form = NewTokenForm(initial={"days": default_days() if default_days() in (30, 90, MAX_DAYS, 0) else 90})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            form = NewTokenForm(request.POST)
            if form.is_valid():
                _instance, new_token = token_create(user=request.user, days=form.cleaned_data["days"])
        elif action == "revoke":
            token_revoke(user=request.user, token_key=request.POST.get("token_key", ""))
            messages.success(request, _("Token revoked."))
            return redirect("records_requests:account")
        elif action == "revoke_all":
            tokens_revoke_all(user=request.user)
            messages.success(request, _("All your tokens were revoked."))
            return redirect("records_requests:account")
    response = render(
        request,
        "records_requests/accounts/account.html",
        {"tokens": list(tokens_of(request.user)), "form": form, "new_token": new_token},
    )
    response["Cache-Control"] = "no-store"  # a new token is on this page once
    return response


def _form(title: str | Promise) -> dict[str, Any]:
    return {"template_name": FORM, "extra_context": {"title": title}}


def _message(title: str | Promise, message: str | Promise) -> Any:
    return TemplateView.as_view(template_name=MESSAGE, extra_context={"title": title, "message": message})


urlpatterns = [
    path("signup/", signup, name="signup"),
    path(
        "signup/sent/",
        _message(
            _("Check your email"),
            _("We sent a message to the address you gave. Follow its link to finish creating your account."),
        ),
        name="signup_sent",
    ),
    path("confirm/<uidb64>/<token>/", signup_confirm, name="signup_confirm"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            **_form(_("Log in")),
            next_page=reverse_lazy("records_requests:dashboard"),
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("records_requests:login")),
        name="logout",
    ),
    path("account/", account, name="account"),
    path("password/", login_required(PasswordChangeView.as_view()), name="password_change"),
    path(
        "password-reset/",
        ThrottledPasswordResetView.as_view(
            **_form(_("Reset your password")),
            email_template_name="records_requests/accounts/password_reset_email.txt",
            subject_template_name="records_requests/accounts/password_reset_subject.txt",
            success_url=reverse_lazy("records_requests:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        _message(
            _("Check your email"),
            _("If an account uses that address, we sent it a link to choose a new password."),
        ),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            **_form(_("Choose a new password")),
            success_url=reverse_lazy("records_requests:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        _message(_("Password changed"), _("You can log in with your new password.")),
        name="password_reset_complete",
    ),
]
