from __future__ import annotations

import functools
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q, Value
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.choices import choice_label
from jurisdictions.names import normalize_name


class StateQuerySet(models.QuerySet["State"]):
    def for_directory(self) -> StateQuerySet:
        return self.order_by("is_territory", "name")


class State(models.Model):
    """A state, DC or a territory, from the `us` package."""

    fips = models.CharField(_("FIPS code"), max_length=2, unique=True)
    postal = models.CharField(_("postal code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64, unique=True)
    slug = models.SlugField(max_length=64, unique=True)
    is_territory = models.BooleanField(_("territory"), default=False)

    objects = StateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("pages:state", kwargs={"state": self.slug})


class County(models.Model):
    """A county or county equivalent (parish, borough, census area, independent city), from `addfips`."""

    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="counties")
    fips = models.CharField(_("FIPS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(max_length=100)
    name_key = models.CharField(max_length=100, db_index=True, editable=False)
    other_names = ArrayField(models.CharField(max_length=100), default=list, blank=True)

    class Meta:
        ordering = ["state__name", "name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        constraints = [models.UniqueConstraint(fields=["state", "slug"], name="county_unique_slug_per_state")]
        indexes = [GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="county_name_trgm")]

    def __str__(self) -> str:
        return f"{self.name}, {self.state.postal}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = normalize_name(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("pages:county", kwargs={"state": self.state.slug, "county": self.slug})


class Place(models.Model):
    """A town: a Census incorporated place or census-designated place (with its GEOID), or a post-office
    name from USPS's ZIP data that the Census does not list. `county` is the main county; `counties` all."""

    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="places")
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="places", null=True, blank=True)
    counties = models.ManyToManyField(County, related_name="places_within", blank=True)
    name = models.CharField(_("name"), max_length=100)
    name_key = models.CharField(max_length=100, db_index=True, editable=False)
    geoid = models.CharField(
        _("Census GEOID"),
        max_length=7,
        null=True,
        blank=True,
        unique=True,
        help_text=_("2020 Census place code."),
    )
    lsad = models.CharField(
        _("kind of place"), max_length=40, blank=True, help_text=_("city, town, village, CDP…")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(fields=["state", "county", "name"], name="place_unique_per_county")
        ]
        indexes = [GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="place_name_trgm")]

    def __str__(self) -> str:
        return f"{self.name}, {self.state.postal}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = normalize_name(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ZipCode(models.Model):
    """A five-digit ZIP code, the place and county USPS puts it in (offline, from `zipcodes`), and every
    county its area reaches into (2020 Census ZCTA–county relationships), most of its land first."""

    code = models.CharField(_("ZIP code"), max_length=5, primary_key=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="zip_codes")
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="zip_codes", null=True)
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="zip_codes", null=True)
    counties: models.ManyToManyField[County, ZipCounty] = models.ManyToManyField(
        County, through="ZipCounty", related_name="zip_areas", blank=True
    )

    class Meta:
        verbose_name = _("ZIP code")
        verbose_name_plural = _("ZIP codes")

    def __str__(self) -> str:
        return self.code

    def counties_by_share(self, min_share: float = 0.02) -> list[County]:
        """The counties of the ZIP code, most of its land first (one query with the county's state).
        Slivers under `min_share` of its land (boundary artefacts, mostly) are left out."""
        rows = (
            ZipCounty.objects.filter(zip_code=self, land_share__gte=min_share)
            .select_related("county__state")
            .order_by("-land_share")
        )
        return [row.county for row in rows]


class ZipCounty(models.Model):
    """One county a ZIP code's area reaches into, with the share of the ZIP's land in it."""

    zip_code = models.ForeignKey(ZipCode, on_delete=models.CASCADE, related_name="county_shares")
    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="+")
    land_share = models.FloatField(_("share of the ZIP code's land"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["zip_code", "county"], name="zip_county_unique")]

    def __str__(self) -> str:
        return f"{self.zip_code_id} → {self.county_id} ({self.land_share:.0%})"


class AgencyKind(models.TextChoices):
    SHERIFF = "sheriff", _("Sheriff's office")
    MUNICIPAL_POLICE = "municipal_police", _("Municipal police")
    COUNTY_POLICE = "county_police", _("County police")
    STATE_POLICE = "state_police", _("State police")
    STATE_AGENCY = "state_agency", _("State agency")
    CORRECTIONS = "corrections", _("Corrections")
    CAMPUS = "campus", _("Campus or school police")
    TRIBAL = "tribal", _("Tribal police")
    OTHER = "other", _("Other")

    @classmethod
    def statewide(cls) -> list[str]:
        """Kinds that serve a whole state rather than the county they are filed under."""
        return [cls.STATE_POLICE, cls.STATE_AGENCY]

    @classmethod
    def local(cls) -> list[str]:
        """The agencies a resident means by "my police": sheriffs, town and county police, in that order."""
        return [cls.SHERIFF, cls.MUNICIPAL_POLICE, cls.COUNTY_POLICE]


@functools.cache
def _agency_url_pieces(language: str | None, script_prefix: str) -> tuple[str, str]:
    """What comes before and after an agency's slug in its URL (arguments: the cache key only)."""
    placeholder = "agency-slug-placeholder"
    prefix, suffix = reverse("pages:agency", kwargs={"slug": placeholder}).split(placeholder)
    return prefix, suffix


def name_initials() -> models.Func:
    """The initials of an agency's name, in SQL: "Las Vegas Metropolitan Police Department" → "LVMPD"
    (indexed: `agency_initials`)."""
    return models.Func(
        models.Func(models.F("name"), function="initcap"),
        Value(r"[^A-Z]"),
        Value(""),
        Value("g"),
        function="regexp_replace",
        output_field=models.CharField(),
    )


class AgencyQuerySet(models.QuerySet["Agency"]):
    def for_directory(self) -> AgencyQuerySet:
        """Agencies with their state, county and place loaded, for lists and pages."""
        return self.select_related("state", "county__state", "place").order_by("name", "id")

    def in_county(self, county: County) -> AgencyQuerySet:
        """Agencies serving a county: those whose counties include it (units of state agencies included).
        Statewide agencies without a county are `statewide_in()`."""
        return self.filter(pk__in=Agency.counties.through.objects.filter(county=county).values("agency_id"))

    def statewide_in(self, state: State | int) -> AgencyQuerySet:
        """The state's own agencies with no county of their own (state police headquarters, corrections)."""
        return self.filter(state=state, counties__isnull=True, parent__isnull=True)

    def local_first(self) -> AgencyQuerySet:
        """Sheriffs, then town and county police, then everything else; by name within each."""
        order = models.Case(
            *(models.When(kind=kind, then=Value(i)) for i, kind in enumerate(AgencyKind.local())),
            default=Value(len(AgencyKind.local())),
        )
        return self.alias(kind_order=order).order_by("kind_order", "name", "id")

    def named(self, condition: Q, *others: models.QuerySet[Any, Any]) -> AgencyQuerySet:
        """Agencies whose `name_key` or an alias's meets `condition` (a Q on `name_key`), or whose id is in
        one of `others` (querysets of ids). Each side is answered by its own index (the trigram indexes
        for names); one OR across the tables would test every agency's name instead (~150 ms over the
        national roster) and need a DISTINCT."""
        by_name = Agency.objects.filter(condition).order_by().values("pk")
        by_alias = AgencyAlias.objects.filter(condition).order_by().values("agency_id")
        return self.filter(pk__in=by_name.union(by_alias, *others, all=True))

    def search(self, text: str) -> AgencyQuerySet:
        """Agencies whose name or an alias contains the text."""
        return self.named(Q(name_key__contains=normalize_name(text)))


class Agency(models.Model):
    """A law-enforcement body in one state: a sheriff, a police department, a state agency, a jail."""

    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="agencies")
    county = models.ForeignKey(
        County, on_delete=models.SET_NULL, related_name="agencies", null=True, blank=True
    )
    place = models.ForeignKey(
        Place, on_delete=models.SET_NULL, related_name="agencies", null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    slug = models.SlugField(max_length=140, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    ori = models.CharField(
        _("ORI"),
        max_length=9,
        null=True,
        blank=True,
        unique=True,
        help_text=_("FBI Originating Agency Identifier: the agency's identity where the FBI lists it."),
    )
    counties = models.ManyToManyField(
        County,
        related_name="agencies_served",
        blank=True,
        verbose_name=_("counties served"),
        help_text=_("Every county the agency serves; the main one is also `county`."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        related_name="units",
        null=True,
        blank=True,
        verbose_name=_("unit of"),
        help_text=_("The state agency this is a county or regional unit of."),
    )
    fbi_name = models.CharField(_("name in the FBI list"), max_length=200, blank=True)
    roster_digest = models.CharField(
        max_length=16, blank=True, editable=False, help_text="The roster row last loaded into this agency."
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    records_email = models.EmailField(_("records request email"), blank=True)
    records_portal_url = models.URLField(_("records request portal"), blank=True)
    records_postal_address = models.TextField(_("records request postal address"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        indexes = [
            models.Index(fields=["name_key"]),
            models.Index(fields=["state", "name_key"], name="agency_name_in_state"),
            models.Index(fields=["name", "id"], name="agency_by_name"),  # lists and API pages
            GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="agency_name_trgm"),  # search
            # Rows of other tables rolled up by their agency's state (the home page's counts of agreements
            # by state) join agencies through this as an index-only scan, not the wide table: 24 -> 11 ms
            # for 5,000 agreements over 18,500 agencies.
            models.Index(fields=["id"], include=["state"], name="agency_id_state"),
            # A search for "LVMPD" finds the agency by its initials (pages.search) without computing them
            # for every agency: 190 -> 2 ms at national scale.
            models.Index(name_initials(), name="agency_initials"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.state.postal})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = normalize_name(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        """Reversed once per language and URL prefix, then filled in: state pages list 100 agencies."""
        prefix, suffix = _agency_url_pieces(get_language(), get_script_prefix())
        return f"{prefix}{self.slug}{suffix}"

    def get_kind_display(self) -> str:  # type: ignore[no-redef]
        """The kind in words: one lookup (core.choices), where Django's generic display hashes all 12 lazy
        labels (a translation each) on every call, which was a tenth of a state page's time."""
        return choice_label(AgencyKind, self.kind)

    @property
    def is_statewide(self) -> bool:
        return self.kind in AgencyKind.statewide() and self.county_id is None


class AgencyAlias(models.Model):
    """Another spelling of an agency's name, as seen in a source (ICE lists spell agencies many ways)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False)
    source = models.CharField(_("where it was seen"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agency alias")
        verbose_name_plural = _("agency aliases")
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="alias_unique_per_agency")]
        indexes = [
            models.Index(fields=["name_key"]),
            GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="alias_name_trgm"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = normalize_name(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]
