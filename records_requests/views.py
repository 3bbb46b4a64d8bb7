from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from records_requests.calculator import calculate
from records_requests.forms import DeadlineForm


def deadline_calculator(request: HttpRequest) -> HttpResponse:
    """A GET form: bookmarkable, works without JavaScript. Two queries (state list, the law)."""
    form = DeadlineForm(request.GET or None)
    calc = None
    if form.is_bound and form.is_valid():
        calc = calculate(form.cleaned_data["state"], form.cleaned_data["received"])
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "records_requests/deadline.html", {"form": form, "calc": calc}, status=status)
