"""Triage of callback requests: a list that reads on a phone, and notes kept as a dated history;
and the coordinator's own words in the language of the page."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coordinators.models import CallbackNote, CallbackRequest, CareCoordinator
from editorial.roles import CARE_COORDINATOR
from referrals.models import ReferralLink

from .conftest import page_by_id
from .test_coordinators import notes_form

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]
LIST = "/admin/coordinators/callbackrequest/"


@pytest.fixture
def coordinator():
    user = get_user_model().objects.create_user(
        "maria", password="a-long-test-password", is_staff=True, first_name="Maria", last_name="Lopez"
    )
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    return client, user


def change_url(request):
    return f"{LIST}{request.pk}/change/"


def cell(html, field):
    """The text of one column of the (only) request in the list."""
    start = html.index(f'class="field-{field}')
    return html[html.index(">", start) + 1 : html.index("</t", start)]


# --- the list --------------------------------------------------------------------------------------


def test_the_list_shows_who_asked_when_when_to_call_and_in_which_language(coordinator):
    client, _ = coordinator
    CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233", best_time="morning", language="es")
    html = client.get(LIST).content.decode()
    assert ">Ana Diaz</a>" in cell(html, "name")
    assert "Morning" in cell(html, "best_time_to_call")
    assert "Spanish" in cell(html, "call_in")
    assert str(timezone.localdate().year) in cell(html, "asked_on")


def test_a_referral_code_is_shown_as_its_links_label(coordinator):
    client, _ = coordinator
    link = ReferralLink.objects.create(label="Riverside Family Clinic letters", page=page_by_id("hemifacial-spasm"))
    CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233", heard_about=f" {link.code.lower()} ")
    html = client.get(LIST).content.decode()
    assert "Riverside Family Clinic letters" in cell(html, "heard_from")
    assert link.code not in html.upper().split("<TBODY>")[1]


def test_an_answer_that_is_no_code_is_shown_as_the_patient_wrote_it(coordinator):
    client, _ = coordinator
    CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233", heard_about="My neurologist, Dr Patel")
    assert "My neurologist, Dr Patel" in cell(client.get(LIST).content.decode(), "heard_from")


def test_each_cell_names_its_column_for_the_phone_layout(coordinator):
    client, _ = coordinator
    CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233", best_time="morning")
    html = client.get(LIST).content.decode()
    assert '<span class="cell-label">Best time: </span>Morning' in html


# --- notes history ---------------------------------------------------------------------------------


def test_a_note_records_who_wrote_it_and_when(coordinator):
    client, user = coordinator
    request = CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233")
    before = timezone.now()
    response = client.post(change_url(request), {"status": "contacted", **notes_form([], "Left a voicemail.")})
    assert response.status_code == 302
    note = request.history.get()
    assert (note.text, note.author) == ("Left a voicemail.", user)
    assert note.written_at >= before


def test_a_second_note_is_added_below_the_first(coordinator):
    client, _ = coordinator
    request = CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233")
    first = CallbackNote.objects.create(callback=request, text="Left a voicemail.")
    client.post(change_url(request), {"status": "new", **notes_form([first], "Called back, booked a visit.")})
    assert [note.text for note in request.history.all()] == ["Left a voicemail.", "Called back, booked a visit."]


def test_a_note_already_written_cannot_be_changed_or_deleted(coordinator):
    client, _ = coordinator
    request = CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233")
    first = CallbackNote.objects.create(callback=request, text="Left a voicemail.")
    data = {"status": "new", **notes_form([first]), "history-0-text": "Rewritten", "history-0-DELETE": "on"}
    client.post(change_url(request), data)
    assert [note.text for note in request.history.all()] == ["Left a voicemail."]


def test_earlier_notes_are_shown_read_only_with_their_author(coordinator):
    client, user = coordinator
    request = CallbackRequest.objects.create(name="Ana Diaz", phone="555 010 2233")
    CallbackNote.objects.create(callback=request, author=user, text="Left a voicemail.")
    html = client.get(change_url(request)).content.decode()
    assert "Left a voicemail." in html
    assert "Maria Lopez" in html
    assert 'name="history-0-text"' not in html  # no box to rewrite it in
    assert 'name="history-1-text"' in html  # a box for the next note


def test_the_old_notes_box_becomes_the_first_history_entry(tmp_path):
    """Migrating a database that has a request with the old single notes box: its text is the
    first entry of the history, with no author (who wrote it was never recorded)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hfs_site.settings.test", "HFS_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)

    manage("migrate", "coordinators", "0003")
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:
        database.execute(
            "INSERT INTO coordinators_callbackrequest (name, phone, email, best_time, heard_about, message, consent,"
            " language, created_at, status, notes, handled_at) VALUES ('Ana', '5550102233', '', 'any', '', '', 1,"
            " 'en', '2026-11-02 10:00:00', 'contacted', 'Called back, booked a visit.', '2026-11-03 09:30:00')"
        )
    manage("migrate", "coordinators")
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:
        rows = database.execute("SELECT text, author_id, written_at FROM coordinators_callbacknote").fetchall()
    assert rows == [("Called back, booked a visit.", None, "2026-11-03 09:30:00")]


# --- the coordinator's words in Spanish --------------------------------------------------------------


def test_the_spanish_care_team_page_shows_the_coordinators_role_introduction_and_languages_in_spanish(client):
    html = client.get("/es/equipo-de-atencion/").content.decode()
    assert "Coordinadora de atención de neurociencias" in html
    assert "Ayudo a los pacientes con espasmo hemifacial" in html
    assert "Habla: inglés, español" in html


def test_the_spanish_care_team_page_has_none_of_the_english_words(client):
    html = client.get("/es/equipo-de-atencion/").content.decode()
    for english in ("Neuroscience care coordinator", "I help patients", "English, Spanish"):
        assert english not in html


def test_the_english_care_team_page_keeps_the_english_words(client):
    html = client.get("/care-team/").content.decode()
    assert "Neuroscience care coordinator" in html
    assert "Coordinadora" not in html


def test_a_coordinator_with_no_spanish_words_shows_the_english_on_spanish_pages(client):
    CareCoordinator.objects.update(role_es="", introduction_es="", languages_es="")
    html = client.get("/es/equipo-de-atencion/").content.decode()
    assert "Neuroscience care coordinator" in html


def test_the_seed_gives_an_earlier_seeded_coordinator_the_spanish_words():
    CareCoordinator.objects.update(role_es="", introduction_es="", languages_es="")
    call_command("seed_site", verbosity=0)
    maria = CareCoordinator.objects.get(email="hfs.coordinator@example.org")
    assert maria.role_es == "Coordinadora de atención de neurociencias"


def test_the_seed_leaves_spanish_words_staff_wrote_and_english_staff_changed():
    CareCoordinator.objects.update(role_es="Coordinadora", introduction="Changed by staff.", introduction_es="")
    call_command("seed_site", verbosity=0)
    maria = CareCoordinator.objects.get(email="hfs.coordinator@example.org")
    assert (maria.role_es, maria.introduction_es) == ("Coordinadora", "")
