"""The Spanish message catalogue is complete, and the compiled file matches it."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"


# The folders `make messages` reads: every top-level folder but these (see the Makefile).
NOT_SOURCES = {".venv", "staticfiles", "data", "test-artifacts", "tools", "tests", "docs", "static", "locale"}


def sources():
    return sorted(
        path.name
        for path in ROOT.iterdir()
        if path.is_dir() and not path.name.startswith(".") and path.name not in NOT_SOURCES
    )


needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None,
    reason="GNU gettext is not installed (Debian: apt-get install gettext; .ci/run installs it)",
)


def statistics(po_file):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.strip().splitlines()[-1]


@needs_gettext
def test_every_message_is_translated_and_none_is_fuzzy():
    line = statistics(PO)
    assert line.endswith("translated messages."), line
    assert "fuzzy" not in line, line
    assert "untranslated" not in line, line


@needs_gettext
def test_makemessages_finds_no_string_that_is_not_in_the_catalogue(tmp_path, settings, monkeypatch):
    """Extract the strings again from a copy of the code: the catalogue must already have them all."""
    for name in sources():
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["es"], no_location=True, no_obsolete=True, verbosity=0)
    line = statistics(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po")
    assert "fuzzy" not in line, line
    assert "untranslated" not in line, line
    assert line == statistics(PO)


@needs_gettext
def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == PO.with_suffix(".mo").read_bytes(), "run: python manage.py compilemessages"
