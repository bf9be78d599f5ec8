"""What staff read later is safe to open: no formulas in the CSV report, no markup or hidden
characters in reviewer names."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from common.validators import spreadsheet_cell

from .conftest import published_content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert spreadsheet_cell(value) == "'" + value
    assert spreadsheet_cell("Causes of hemifacial spasm") == "Causes of hemifacial spasm"
    assert spreadsheet_cell(7.5) == 7.5


def test_the_csv_report_writes_a_hostile_page_title_as_text(capsys):
    content = published_content("hfs-causes")
    content.title = '=HYPERLINK("http://evil.example","Click")'
    content.save()
    call_command("content_report", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    titles = [row["title"] for row in rows if row["url"] == "/hemifacial-spasm/causes/"]
    assert titles == ["'" + content.title]


@pytest.mark.parametrize(
    "name",
    ["<img src=x onerror=alert(1)>", "Dr Ana\u202eziuR", "Dr Ana\x00Ruiz", "Dr Ana\nRuiz", "Dr\x1bAna"],
)
def test_reviewer_names_with_markup_or_hidden_characters_are_refused(editor_client, name):
    content = published_content("hfs-treatment")
    url = reverse("admin:editorial_pagereview_add") + f"?extended_object={content.pk}"
    response = editor_client.post(url, {"reviewed_by": name, "reviewer_credentials": "MD", "reviewed_on": "2026-11-02"})
    assert response.status_code == 200  # the form again, with the error
    assert "errorlist" in response.content.decode()
    assert not hasattr(published_content("hfs-treatment"), "pagereview")
