"""Coordinators: one record drives every page's contact section; hours and status in words."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from filer.models import Image

from coordinators.contacts import contact_details
from coordinators.hours import describe_hours, line_status
from coordinators.models import CallbackRequest, CareCoordinator, OpeningHours
from editorial.roles import CARE_COORDINATOR

from .conftest import page_by_id

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


def weekdays(opens="08:30", closes="16:30", days=range(5)):
    return [
        OpeningHours(weekday=d, opens=datetime.time.fromisoformat(opens), closes=datetime.time.fromisoformat(closes))
        for d in days
    ]


def maria():
    return CareCoordinator.objects.get(email="hfs.coordinator@example.org")


# 2026-11-23 is a Monday.
@pytest.mark.parametrize(
    "now,is_open,moment",
    [
        (at(2026, 11, 23, 9), True, at(2026, 11, 23, 16, 30)),  # Monday morning: open until 4:30 pm
        (at(2026, 11, 23, 8, 29), False, at(2026, 11, 23, 8, 30)),  # just before opening
        (at(2026, 11, 23, 16, 30), False, at(2026, 11, 24, 8, 30)),  # closing time: tomorrow
        (at(2026, 11, 27, 18), False, at(2026, 11, 30, 8, 30)),  # Friday evening: Monday
        (at(2026, 11, 29, 12), False, at(2026, 11, 30, 8, 30)),  # Sunday: tomorrow
    ],
)
def test_line_status_knows_when_the_line_is_open_and_when_it_reopens(now, is_open, moment):
    status = line_status(weekdays(), "America/New_York", now)
    assert status.is_open is is_open
    assert (status.closes_at if is_open else status.reopens_at) == moment


def test_line_status_uses_the_coordinators_time_zone():
    # 14:00 UTC on a Monday is 9 am in New York (open) but 6 am in Los Angeles (closed)
    now = datetime.datetime(2026, 11, 23, 14, tzinfo=datetime.UTC)
    assert line_status(weekdays(), "America/New_York", now).is_open
    assert not line_status(weekdays(), "America/Los_Angeles", now).is_open


def test_opening_hours_are_described_in_words():
    assert describe_hours(weekdays()) == ["Monday to Friday, 8:30 a.m. to 4:30 p.m."]
    mixed = weekdays(days=[0, 2]) + weekdays("10:00", "14:00", days=[5])
    assert describe_hours(mixed) == ["Monday, Wednesday, 8:30 a.m. to 4:30 p.m.", "Saturday, 10 a.m. to 2 p.m."]


def test_closed_status_on_the_page_says_when_the_line_reopens_and_what_to_do():
    [contact] = contact_details([maria()], now=at(2026, 11, 27, 18))
    assert contact.reopens == "Monday at 8:30 a.m."
    assert contact.zone == "Eastern Time"


def test_every_page_shows_the_contact_from_the_coordinator_record(client):
    html = client.get("/hemifacial-spasm/causes/").content.decode()
    status = line_status(list(maria().opening_hours.all()), "America/New_York")
    expected = "The phone line is open now" if status.is_open else "The phone line is closed now."
    assert expected in html
    assert "Monday to Friday, 8:30 a.m. to 4:30 p.m. (Eastern Time)" in html
    assert "In an emergency, call 911." in html


def test_changing_a_phone_number_once_changes_every_cached_page(client):
    urls = ["/", "/hemifacial-spasm/", "/hemifacial-spasm/treatment/"]
    for url in urls:
        assert "(555) 010-4477" in client.get(url).content.decode()
    person = maria()
    person.phone = "(555) 010-8800"
    person.save()
    for url in urls:
        html = client.get(url).content.decode()
        assert 'href="tel:5550108800">(555) 010-8800</a>' in html
        assert "010-4477" not in html


def test_a_guide_shows_its_own_coordinators_and_other_pages_show_everyone(client):
    CareCoordinator.objects.create(name="Sam Okafor", phone="555 010 5000", email="sam@example.org")
    guide_html = client.get("/hemifacial-spasm/symptoms/").content.decode()
    assert "Maria Lopez" in guide_html
    assert "Sam Okafor" not in guide_html
    home_html = client.get("/").content.decode()
    assert "Maria Lopez" in home_html
    assert "Sam Okafor" in home_html
    assert "Talk to a care coordinator" in home_html


def test_inactive_coordinators_are_not_shown(client):
    CareCoordinator.objects.create(name="Sam Okafor", phone="555 010 5000", email="sam@example.org", is_active=False)
    assert "Sam Okafor" not in client.get("/").content.decode()


def test_a_coordinator_photo_needs_a_description():
    person = maria()
    person.photo = Image.objects.first()
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "Describe the photo" in str(error.value)
    person.photo_alt_text = "Maria Lopez smiling"
    person.full_clean()


def test_opening_hours_must_close_after_they_open():
    with pytest.raises(ValidationError):
        OpeningHours(coordinator=maria(), weekday=0, opens=datetime.time(17), closes=datetime.time(9)).full_clean()


def test_a_coordinator_put_on_a_guide_shows_on_its_pages_at_once_and_leaves_when_taken_off(client):
    sam = CareCoordinator.objects.create(name="Sam Okafor", phone="555 010 5000", email="sam@example.org")
    assert "Sam Okafor" not in client.get("/hemifacial-spasm/symptoms/").content.decode()
    sam.guides.add(page_by_id("hemifacial-spasm"))
    html = client.get("/hemifacial-spasm/symptoms/").content.decode()
    assert "Sam Okafor" in html
    assert "Maria Lopez" in html
    sam.guides.clear()
    assert "Sam Okafor" not in client.get("/hemifacial-spasm/symptoms/").content.decode()


# --- the Care coordinator role --------------------------------------------------------------


def notes_form(notes, new_text=""):
    """The notes history part of a callback request's form: the notes shown, and a new one."""
    data = {
        "history-TOTAL_FORMS": str(len(notes) + 1),
        "history-INITIAL_FORMS": str(len(notes)),
        "history-MIN_NUM_FORMS": "0",
        "history-MAX_NUM_FORMS": "1000",
    }
    for index, note in enumerate(notes):
        data |= {f"history-{index}-id": str(note.pk), f"history-{index}-callback": str(note.callback_id)}
    data[f"history-{len(notes)}-text"] = new_text
    return data


@pytest.fixture
def coordinator_client():
    user = get_user_model().objects.create_user("maria", "maria@example.org", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    return client, user


def test_a_coordinator_can_triage_callback_requests(coordinator_client):
    client, user = coordinator_client
    request = CallbackRequest.objects.create(name="Ana", phone="5550102233", consent=True)
    listing = client.get("/admin/coordinators/callbackrequest/?status__exact=new")
    assert listing.status_code == 200
    assert f"/admin/coordinators/callbackrequest/{request.pk}/change/" in listing.content.decode()
    assert ">Ana</a></th>" in listing.content.decode()
    assert client.get("/admin/coordinators/callbackrequest/?q=Ana").status_code == 200
    response = client.post(
        f"/admin/coordinators/callbackrequest/{request.pk}/change/",
        {"status": "closed", **notes_form([], "Called back, booked a visit.")},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.handled_by) == ("closed", user)
    assert [note.text for note in request.history.all()] == ["Called back, booked a visit."]
    assert request.handled_at is not None
    assert request.closed_at is not None
    assert request.name == "Ana"  # what the patient sent cannot be changed


def test_a_coordinator_cannot_edit_pages_users_or_coordinators(coordinator_client):
    client, user = coordinator_client
    for url in [
        "/admin/cms/pagecontent/",
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/filer/folder/",
        "/admin/coordinators/callbackrequest/add/",
        f"/admin/coordinators/carecoordinator/{maria().pk}/delete/",
    ]:
        assert client.get(url).status_code == 403, url
    assert not user.has_perm("cms.change_page")
    assert not user.has_perm("coordinators.delete_callbackrequest")
    assert sorted(user.get_all_permissions()) == [
        "coordinators.add_callbacknote",
        "coordinators.change_callbackrequest",
        "coordinators.view_callbacknote",
        "coordinators.view_callbackrequest",
        "coordinators.view_carecoordinator",
        "referrals.add_referrallink",
        "referrals.change_referrallink",
        "referrals.view_referrallink",
        "referrals.view_referralvisit",
    ]


# --- the "open now" sentence on a rendered page ---------------------------------------------


def open_all_day_today(person):
    """Open today from midnight to 11:30 pm, in a time zone where 11:30 pm is still to come (the
    test must not depend on the hour it runs)."""
    import django.utils.timezone

    for zone in ["America/New_York", "Pacific/Honolulu"]:
        if django.utils.timezone.now().astimezone(ZoneInfo(zone)).hour < 22:
            break
    today = django.utils.timezone.now().astimezone(ZoneInfo(zone)).weekday()
    person.time_zone = zone
    person.save()
    person.opening_hours.all().delete()
    OpeningHours.objects.create(coordinator=person, weekday=today, opens=datetime.time(0), closes=datetime.time(23, 30))


@pytest.mark.parametrize("url", ["/hemifacial-spasm/causes/", "/es/espasmo-hemifacial/causas/", "/", "/es/"])
def test_the_open_now_sentence_has_one_full_stop(client, url):
    import lxml.html

    open_all_day_today(maria())
    page = lxml.html.fromstring(client.get(url).content)
    [status] = page.xpath('//p[@class="care-contact__status"]')
    sentence = status.text_content().strip()
    assert "11:30 p.m." in sentence, sentence
    assert ".." not in sentence, sentence
