"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(code, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS")}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=60
    )


def manage(*args, **env):
    return run(f"import sys; sys.argv = ['manage.py', *{list(args)!r}]; import manage; manage.main()", **env)


SHOW_DB = (
    "import django; django.setup(); from django.conf import settings; "
    "db = settings.DATABASES['default']; print(db['ENGINE'], db['NAME'])"
)


def test_database_url_switches_to_postgresql(tmp_path):
    result = run(
        SHOW_DB,
        DJANGO_SETTINGS_MODULE="hfs_site.settings.dev",
        HFS_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgres://hfs:pw@db.internal:5432/hfs",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "hfs"], result.stderr


def test_without_database_url_dev_uses_sqlite_in_the_data_folder_with_a_kept_secret(tmp_path):
    result = run(SHOW_DB, DJANGO_SETTINGS_MODULE="hfs_site.settings.dev", HFS_DATA_DIR=str(tmp_path))
    assert result.stdout.split() == ["django.db.backends.sqlite3", str(tmp_path / "db.sqlite3")], result.stderr
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    run(SHOW_DB, DJANGO_SETTINGS_MODULE="hfs_site.settings.dev", HFS_DATA_DIR=str(tmp_path))
    assert key_file.read_text() == first


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="hfs_site.settings.production", ALLOWED_HOSTS="hfs.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DJANGO_SETTINGS_MODULE="hfs_site.settings.production", SECRET_KEY="x" * 64)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_deploy_check_is_clean():
    import secrets

    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="hfs_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="hfs.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_uploads_go_to_object_storage_when_a_bucket_is_configured(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.files.storage import storages; "
        "print(settings.STORAGES['default']['BACKEND'], type(storages['default']).__name__, settings.SERVE_MEDIA)"
    )
    result = run(
        code,
        DJANGO_SETTINGS_MODULE="hfs_site.settings.dev",
        HFS_DATA_DIR=str(tmp_path),
        AWS_STORAGE_BUCKET_NAME="hfs-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "S3Storage", "False"], result.stderr


def test_several_servers_share_the_cache_through_redis(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default'])"
    result = run(
        code,
        DJANGO_SETTINGS_MODULE="hfs_site.settings.dev",
        HFS_DATA_DIR=str(tmp_path),
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert "hfs_site.cache.FailSoftRedisCache" in result.stdout
    assert "redis://cache.internal:6379/0" in result.stdout


SHOW = "import django; django.setup(); from django.conf import settings; print(repr(settings.{}))"


def production(code, **env):
    return run(
        code, DJANGO_SETTINGS_MODULE="hfs_site.settings.production", **{"ALLOWED_HOSTS": "hfs.example.org", **env}
    )


def test_a_number_that_is_not_a_number_stops_the_site_naming_the_variable(tmp_path):
    result = manage(
        "check",
        DJANGO_SETTINGS_MODULE="hfs_site.settings.dev",
        HFS_DATA_DIR=str(tmp_path),
        CALLBACK_RETENTION_DAYS="abc",
    )
    assert result.returncode != 0
    expected = "ImproperlyConfigured: The CALLBACK_RETENTION_DAYS environment variable must be a whole number"
    assert f"{expected}, not 'abc'" in result.stderr


def test_a_yes_or_no_that_is_neither_stops_the_site_instead_of_switching_off_the_second_factor():
    result = production(SHOW.format("OTP_REQUIRED"), SECRET_KEY="x" * 64, OTP_REQUIRED="maybe")
    assert result.returncode != 0
    assert "The OTP_REQUIRED environment variable must be 1 or 0" in result.stderr
    assert "'maybe'" in result.stderr


def test_yes_or_no_values_take_the_usual_words_and_empty_means_no(monkeypatch):
    from hfs_site.settings.environment import env

    words = ("1", "true", "Yes", "on", " ON ", "0", "false", "No", "off", "")
    answers = {}
    for word in words:
        monkeypatch.setenv("HFS_TEST_SWITCH", word)
        answers[word] = env.bool("HFS_TEST_SWITCH", default=True)
    assert answers == dict(zip(words, [True] * 5 + [False] * 5, strict=True))
    monkeypatch.delenv("HFS_TEST_SWITCH")
    assert env.bool("HFS_TEST_SWITCH", default=True) is True


def test_values_that_start_with_a_dollar_sign_are_read_as_written():
    # A generated secret key or a mail password may start with "$"; it is not a reference to another variable.
    key = "$" + "k" * 50 + r"\$HOME"
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECRET_KEY); print(settings.EMAIL_HOST_PASSWORD)"
    )
    result = production(code, SECRET_KEY=key, EMAIL_HOST_PASSWORD="$HOME")
    assert result.stdout.splitlines() == [key, "$HOME"], result.stderr


def test_allowed_hosts_are_stripped_and_a_blank_list_is_refused():
    result = production(
        SHOW.format("ALLOWED_HOSTS"), SECRET_KEY="x" * 64, ALLOWED_HOSTS=" hfs.example.org, .example.net ,"
    )
    assert result.stdout.strip() == "['hfs.example.org', '.example.net']", result.stderr
    blank = manage(
        "check", DJANGO_SETTINGS_MODULE="hfs_site.settings.production", SECRET_KEY="x" * 64, ALLOWED_HOSTS=" , "
    )
    assert blank.returncode != 0
    assert "Production settings need the ALLOWED_HOSTS environment variable" in blank.stderr
