"""The site's public addresses and phone links, built one way everywhere."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` on the site's public address (PUBLIC_BASE_URL): for canonical and sharing links,
    structured data, sitemaps, printed guides, e-mails and QR codes."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def public_host() -> str:
    """The host name of PUBLIC_BASE_URL ("hfs.example.org")."""
    return settings.PUBLIC_BASE_URL.split("://", 1)[1].rstrip("/")


def public_scheme() -> str:
    return settings.PUBLIC_BASE_URL.split("://", 1)[0]


def tel_number(phone: str) -> str:
    """The number for a tel: link: digits, with + kept for international numbers."""
    digits = "".join(character for character in phone if character.isdigit())
    return ("+" if phone.strip().startswith("+") else "") + digits
