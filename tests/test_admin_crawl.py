"""No admin page gives a 500, for any staff role, with missing or junk parameters.

Each role (a superuser and the three staff groups) opens the admin index, the admin links on it
and on the pages it links to (one link of each shape: the same path with other ids or other
parameter values is not opened again), and every registered model's changelist, add, change,
delete and history pages (for an existing object and for ids that name nothing), plain and with
junk query parameters. Pages a role may not open get no junk variants. About 40 s in all.
"""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import CARE_COORDINATOR, CLINICAL_REVIEWER, CONTENT_EDITOR

pytestmark = pytest.mark.django_db
ROLES = ["superuser", CONTENT_EDITOR, CLINICAL_REVIEWER, CARE_COORDINATOR]
# Junk for the pages that read query parameters: changelists and add forms get all of them,
# change forms those that forms read.
JUNK_QUERIES = [
    "?extended_object=abc",
    "?o=zz",
    "?p=-1",
    "?q=%00",
    "?_changelist_filters=%ff",
    "?e=1",
    "?page__id__exact=x",
    "?language=zz",
    "?_popup=1&_to_field=password",
]
FORM_JUNK = ["?_changelist_filters=%ff", "?language=zz", "?_popup=1&_to_field=password"]
# The content health report takes seconds to build and reads one parameter only.
SLOW = {"admin:editorial_contenthealth": ["?format=zz"]}
JUNK_IDS = ["abc", "999999999", "99999999999999999999999"]
SKIP = ("logout/", "/r/")  # signing out ends the crawl; /r/ leaves the admin for the public site
HREF = re.compile(r'href="([^"#]+)')


def client_for(role):
    user_model = get_user_model()
    if role == "superuser":
        user = user_model.objects.create_superuser("crawl-super", "s@example.org", "x" * 16)
    else:
        user = user_model.objects.create_user(f"crawl-{role.lower().replace(' ', '-')}", password="x" * 16)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=role))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client, user


def admin_links(html):
    admin_root = reverse("admin:index")
    for href in HREF.findall(html):
        url = unescape(href)
        parts = urlsplit(url)
        if parts.netloc or not parts.path.startswith(admin_root) or any(s in parts.path for s in SKIP):
            continue
        yield url


def admin_url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # some admins have no list or no add page (the CMS's user settings)
        return None


def model_urls():
    """(url, junk queries to add) for every registered model's admin pages."""
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        existing = model._base_manager.order_by("pk").values_list("pk", flat=True).first()
        pages = [
            (admin_url(f"{info}_changelist"), SLOW.get(info, JUNK_QUERIES)),
            (admin_url(f"{info}_add"), JUNK_QUERIES),
        ]
        if existing is not None:
            pages += [(admin_url(f"{info}_change", existing), FORM_JUNK)]
            pages += [(admin_url(f"{info}_{view}", existing), []) for view in ("delete", "history")]
        pages += [(admin_url(f"{info}_change", object_id), []) for object_id in JUNK_IDS]
        pages += [(admin_url(f"{info}_delete", JUNK_IDS[0]), []), (admin_url(f"{info}_history", JUNK_IDS[-1]), [])]
        yield from ((url, junk) for url, junk in pages if url)


def shape(url):
    """Links that differ only in ids and parameter values lead to the same kind of page."""
    parts = urlsplit(url)
    names = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair})
    return re.sub(r"/[0-9]+/", "/N/", parts.path), tuple(names)


@pytest.fixture
def something_of_each_kind(editor):
    """Objects for the models the seeded site leaves empty, so their change pages are opened."""
    TOTPDevice.objects.create(user=editor, name="phone")
    StaticDevice.objects.create(user=editor, name="backup").token_set.create(token="abcd1234")  # noqa: S106


def crawl(client, start):
    """Open each URL; follow admin links from the index and the pages it links to, one link of
    each shape. Returns ({url: status}, [(url, status) of every 500])."""
    seen, shapes, failures, queue = {}, set(), [], [(url, junk, 0) for url, junk in start]
    queue.insert(0, (reverse("admin:index"), JUNK_QUERIES, 2))
    while queue:
        url, junk, depth = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code >= 500:
            failures.append((url, response.status_code))
        if response.status_code != 200:
            continue
        queue.extend((url + query, [], 0) for query in junk)
        if depth and response["Content-Type"].startswith("text/html"):
            for link in admin_links(response.content.decode()):
                if shape(link) not in shapes:
                    shapes.add(shape(link))
                    queue.append((link, FORM_JUNK if depth == 2 else [], depth - 1))
    return seen, failures


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_url_gives_a_500(role, something_of_each_kind):
    call_command("setup_roles", verbosity=0)
    client, _user = client_for(role)
    view_on_site = [reverse("admin:view_on_site", args=ids) for ids in (("abc", "1"), ("9" * 25, "9" * 25), ("1", "x"))]
    others = [(reverse("admin:two_factor_enrol"), ["?next=//evil.example/", "?next=%ff"])]
    seen, failures = crawl(client, [*model_urls(), *others, *((url, []) for url in view_on_site)])
    assert len(seen) > 300
    assert not failures, failures
