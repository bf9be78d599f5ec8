"""Refuse request paths with control characters (NUL and friends) before anything looks them up.

No page has them, and PostgreSQL refuses a NUL in a query, which would otherwise end in a 500.
"""

import re

from django.core.exceptions import SuspiciousOperation

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            raise SuspiciousOperation("Control character in the request path")
        return self.get_response(request)
