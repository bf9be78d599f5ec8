"""Checks for text that people type into the site and staff later read (names, messages,
comments, reviewers), and for text written into spreadsheets."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters other than tab and newlines, and the bidirectional overrides and isolates
# that can make text read differently to staff than it was written.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = re.compile("[\r\n\u2028\u2029]")
MARKUP = re.compile(r"[<>]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def no_control_characters(value):
    """For text of several lines (messages, comments): no hidden control characters."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(_("Remove the hidden control characters."), code="control")


def single_line(value):
    """For names and other one-line text: no control characters and no line breaks."""
    no_control_characters(value)
    if LINE_BREAKS.search(value or ""):
        raise ValidationError(_("Write this on one line."), code="line_break")


def no_markup(value):
    if MARKUP.search(value or ""):
        raise ValidationError(_("Remove the < and > symbols."), code="markup")


def spreadsheet_cell(value):
    """A value for a CSV cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
