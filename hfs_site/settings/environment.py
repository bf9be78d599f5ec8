"""The one reader of environment variables for the settings: django-environ, made strict.

Every setting that comes from the environment is one line, e.g. `env.int("CALLBACK_RETENTION_DAYS",
default=90)` (the style of cookiecutter-django's config/settings/base.py). No `.env` file is read:
operators set real environment variables, as they always have.

django-environ (pinned 0.12.0) is used as it is, except where that would break what operators
were promised:

- A value is read as written. django-environ takes a value that starts with `$` for the name of
  another variable, and has no switch to turn that off; a generated SECRET_KEY or a mail
  password can start with `$`. So `$` is escaped on the way in and django-environ's own
  `escape_proxy` turns it back.
- A yes/no value is `1` or `0` (also true/false, yes/no, on/off; empty means no). Anything else
  stops the site at start instead of quietly meaning "no", so `OTP_REQUIRED=maybe` cannot switch
  off the second factor.
- A value that is not a number where a number belongs stops the site with an error that names
  the variable, not with a bare `ValueError`.
- Lists are comma-separated, each item stripped, empty items dropped.
"""

import os
from collections.abc import Iterator, Mapping

import environ
from django.core.exceptions import ImproperlyConfigured

NOTSET = environ.Env.NOTSET
YES = frozenset({"1", "true", "yes", "on"})
NO = frozenset({"0", "false", "no", "off", ""})


class _ValuesAsWritten(Mapping):
    """os.environ with every `$` escaped, so django-environ never reads a value as a reference."""

    def __getitem__(self, name: str) -> str:
        return os.environ[name].replace("$", r"\$")

    def __iter__(self) -> Iterator[str]:
        return iter(os.environ)

    def __len__(self) -> int:
        return len(os.environ)


def _yes_or_no(value: str) -> bool:
    word = value.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise ValueError(value)


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


class Env(environ.Env):
    """django-environ's reader with strict yes/no values, named errors and values read as written."""

    ENVIRON = _ValuesAsWritten()

    def __init__(self, **scheme):
        super().__init__(**scheme)
        self.escape_proxy = True  # undoes _ValuesAsWritten's escaping

    def bool(self, var, default=NOTSET):
        return self._cast(var, _yes_or_no, default, "1 or 0 (or true/false, yes/no, on/off)")

    def int(self, var, default=NOTSET):
        return self._cast(var, int, default, "a whole number")

    def float(self, var, default=NOTSET):
        return self._cast(var, float, default, "a number")

    def list(self, var, cast=None, default=NOTSET):
        items = self.get_value(var, cast=_items, default=default)
        return [cast(item) for item in items] if cast else items

    def _cast(self, var, cast, default, expected):
        try:
            return self.get_value(var, cast=cast, default=default)
        except ValueError:
            value = os.environ.get(var, "")
            raise ImproperlyConfigured(f"The {var} environment variable must be {expected}, not {value!r}.") from None


env = Env()
