"""The "Data" page: every bulk CSV download with its data dictionary, generated from the API serializers
so the dictionary can never drift from the files."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from agreements.api.serializers import AgreementSerializer, ListingHistorySerializer, SnapshotSerializer
from core.api.renderers import csv_dictionary
from jurisdictions.api.serializers import AgencySerializer, CountySerializer, StateSerializer
from policies.api.serializers import PolicySerializer, StateLawSerializer
from records_requests.api.serializers import RecordsRequestSerializer


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Promise
    description: Promise
    api_path: str
    serializer: type[serializers.Serializer]

    @property
    def csv_url(self) -> str:
        return f"/api/v1/{self.api_path}/?format=csv"


DATASETS = [
    Dataset(
        "agreements",
        _("287(g) agreements"),
        _(
            "Every agreement ever listed by ICE, with its model, signed date, status and when it was first "
            "and last listed. Each agreement's API page lists every ICE spreadsheet row behind it."
        ),
        "agreements",
        AgreementSerializer,
    ),
    Dataset(
        "listings",
        _("Agreement history"),
        _(
            "One row per agreement per ICE list: every row of every spreadsheet we imported, with the cells "
            "as ICE wrote them. Filter by agreement, state or publication date."
        ),
        "listings",
        ListingHistorySerializer,
    ),
    Dataset(
        "snapshots",
        _("ICE lists imported"),
        _("Each version of ICE's participating and pending spreadsheets we imported, with its SHA-256."),
        "snapshots",
        SnapshotSerializer,
    ),
    Dataset(
        "agencies",
        _("Law-enforcement agencies"),
        _("Agencies with their state, county and kind."),
        "agencies",
        AgencySerializer,
    ),
    Dataset(
        "policies",
        _("Policies"),
        _("Published answers to residents' questions (detainers, data sharing…) with their sources."),
        "policies",
        PolicySerializer,
    ),
    Dataset(
        "state-laws",
        _("State laws"),
        _(
            "State laws, orders, directives and court rulings on local cooperation with ICE, with their "
            "citations, dates, whom they bind, sources, confidence and the date checked. Research, not "
            "legal advice."
        ),
        "state-laws",
        StateLawSerializer,
    ),
    Dataset(
        "records-requests",
        _("Open-records requests"),
        _("Public requests with their status and due dates derived from their event logs."),
        "records-requests",
        RecordsRequestSerializer,
    ),
    Dataset(
        "counties",
        _("Counties"),
        _("Every county with its FIPS code and agreement counts."),
        "counties",
        CountySerializer,
    ),
    Dataset("states", _("States"), _("States, DC and territories."), "states", StateSerializer),
]


def data_page(request: HttpRequest) -> HttpResponse:
    datasets = [
        (dataset, csv_dictionary(dataset.serializer(context={"request": request}))) for dataset in DATASETS
    ]
    return render(request, "api/data.html", {"datasets": datasets})
