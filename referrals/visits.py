"""What a browser that followed a referral link carries: one signed cookie, nothing on the server.

The cookie holds the last code followed (to fill in the callback form), the day, and the codes
already counted for this browser that day, so following a link again the same day does not
count again. It says nothing about who the visitor is, and it is signed (django.core.signing):
a cookie the site did not write, or one older than a day, is ignored.
"""

from django.utils import timezone

from . import codes

COOKIE_NAME = "hfs_referral"
COOKIE_AGE = 60 * 60 * 24  # seconds: a day
SALT = "referrals.visit"
MAX_COUNTED = 20  # codes remembered per day; a browser following more just counts again


class ReferralCookie:
    def __init__(self, code="", day="", counted=()):
        self.code, self.day, self.counted = code, day, list(counted)

    @classmethod
    def read(cls, request):
        """The cookie this site wrote, or an empty one for anything else (never an error)."""
        value = request.get_signed_cookie(COOKIE_NAME, default=None, salt=SALT, max_age=COOKIE_AGE)
        parts = value.split("|") if value else []
        if len(parts) != 3:
            return cls()
        code, day, counted = parts
        counted = [c for c in counted.split(",") if codes.is_valid(c)]
        return cls(code if codes.is_valid(code) else "", day, counted[:MAX_COUNTED])

    def record_visit(self, code):
        """Remember `code` for the form; True if this browser has not been counted for it today."""
        today = timezone.localdate().isoformat()
        if self.day != today:
            self.day, self.counted = today, []
        self.code = code
        if code in self.counted:
            return False
        self.counted = [*self.counted, code][-MAX_COUNTED:]
        return True

    def write(self, request, response):
        response.set_signed_cookie(
            COOKIE_NAME,
            f"{self.code}|{self.day}|{','.join(self.counted)}",
            salt=SALT,
            max_age=COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )


def referral_code(request):
    """The referral code this browser last followed (in the last day), or ""."""
    return ReferralCookie.read(request).code
