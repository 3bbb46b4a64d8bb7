from agreements.ice_download import list_links
from tests.agreements.test_import_command import ICE_PAGE


def test_list_links_are_found_and_made_absolute() -> None:
    links = list_links(ICE_PAGE, base_url="https://www.ice.gov/identify-and-arrest/287g")
    assert links == {
        "participating": "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies07092025am.xlsx",
        "pending": "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies07092025am.xlsx",
    }


def test_other_links_are_ignored() -> None:
    assert list_links('<a href="/doclib/x/participating.xlsx">x</a>', base_url="https://www.ice.gov/") == {}
