import pytest
from django.core.management import call_command

from jurisdictions.models import County, State, ZipCode


def test_every_state_dc_and_territory_is_loaded(db):
    assert State.objects.filter(is_territory=False).count() == 51  # 50 states and DC
    assert set(State.objects.filter(is_territory=True).values_list("postal", flat=True)) == {
        "AS",
        "GU",
        "MP",
        "PR",
        "VI",
    }


def test_every_county_equivalent_has_a_five_digit_fips(db):
    assert County.objects.count() > 3200
    assert not County.objects.exclude(fips__regex=r"^\d{5}$").exists()
    clark = County.objects.get(fips="32003")
    assert (clark.name, clark.state.postal) == ("Clark County", "NV")


def test_counties_known_under_two_names_keep_the_current_one(db):
    kusilvak = County.objects.get(fips="02158")
    assert kusilvak.name == "Kusilvak Census Area"
    assert "Wade Hampton Census Area" in kusilvak.other_names


def test_zip_codes_know_their_county(db):
    zip_code = ZipCode.objects.select_related("county", "place").get(code="89101")
    assert zip_code.county and zip_code.place
    assert zip_code.county.fips == "32003"
    assert zip_code.place.name == "Las Vegas"


@pytest.mark.slow
def test_loading_twice_adds_nothing(db):
    before = (State.objects.count(), County.objects.count(), ZipCode.objects.count())
    call_command("load_reference_data", verbosity=0)
    assert (State.objects.count(), County.objects.count(), ZipCode.objects.count()) == before
