"""Organizer accounts: sign up, log in and out, reset a password (django.contrib.auth's own views)."""

from typing import Any

from django import forms
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse_lazy
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FORM = "records_requests/accounts/form.html"


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=_("Email"), help_text=_("We send reminders and overdue alerts here."))

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account already uses this email; reset its password instead."))
        return email


def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("records_requests:dashboard")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, FORM, {"form": form, "title": _("Create an organizer account")}, status=status)


def _form(title: str | Promise) -> dict[str, Any]:
    return {"template_name": FORM, "extra_context": {"title": title}}


urlpatterns = [
    path("signup/", signup, name="signup"),
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
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            **_form(_("Reset your password")),
            email_template_name="records_requests/accounts/password_reset_email.txt",
            subject_template_name="records_requests/accounts/password_reset_subject.txt",
            success_url=reverse_lazy("records_requests:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="records_requests/accounts/message.html",
            extra_context={
                "title": _("Check your email"),
                "message": _("If an account uses that address, we sent it a link to choose a new password."),
            },
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
        auth_views.PasswordResetCompleteView.as_view(
            template_name="records_requests/accounts/message.html",
            extra_context={
                "title": _("Password changed"),
                "message": _("You can log in with your new password."),
            },
        ),
        name="password_reset_complete",
    ),
]
