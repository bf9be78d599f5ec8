"""Refuse requests that nothing on the site can read, before anything else looks at them.

- Paths with control characters (NUL and friends), and query strings with a NUL: no page has
  them, and PostgreSQL refuses a NUL in a query (an admin search, say), which would otherwise
  end in a 500.
- Form bodies in any character set but UTF-8: Django refuses them anyway (BadRequest), but
  only when something first reads request.POST, which several layers do (the view, the CMS
  toolbar's language lookup), each failing and logging again. Refused here, they get one 400
  page in the site's design and one log line.
"""

import re

from django.core.exceptions import BadRequest, SuspiciousOperation

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            raise SuspiciousOperation("Control character in the request path")
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:  # e.g. an admin search for NUL: PostgreSQL refuses it
            raise SuspiciousOperation("NUL in the query string")
        return self.get_response(request)


FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
UTF8 = {"utf-8", "utf8"}


class RejectUnreadableFormsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type in FORM_TYPES:
            charset = request.content_params.get("charset", "utf-8").strip().strip('"').lower()
            if charset not in UTF8:
                raise BadRequest("Form body is not UTF-8")
        return self.get_response(request)


class TidyVaryHeaderMiddleware:
    """django CMS replays cached pages with `Vary: , Accept-Language, ...` (an empty first
    element), which some caches read as "varies on nothing". Write each name once, no empties."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Vary"):
            names = []
            for name in (part.strip() for part in response["Vary"].split(",")):
                if name and name.lower() not in {n.lower() for n in names}:
                    names.append(name)
            response["Vary"] = ", ".join(names)
        return response
