"""Two app servers, one PostgreSQL, one Redis: a publish through one shows on the other at once.

Runs when DATABASE_URL points at PostgreSQL and REDIS_URL is set (`.ci/run` starts both from
Debian's packages; locally: `source .ci/services.sh && start_postgres && start_redis`).
"""

import http.cookiejar
import os
import urllib.parse
import urllib.request

import pytest
from django_otp.oath import totp

from tools.prodserver import FreshPostgresDatabase, ProductionServer

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
    reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL: see .ci/services.sh",
)
PAGE = "/hemifacial-spasm/diagnosis/"
EDITOR = ("scale-editor", "scale-out-password-1")


@pytest.fixture(scope="module")
def database_url():
    with FreshPostgresDatabase(os.environ["DATABASE_URL"], f"hfs_scale_{os.getpid()}") as url:
        yield url


class _SendSecureCookiesOverHttp(http.cookiejar.DefaultCookiePolicy):
    """Production cookies are Secure; these test servers have no TLS proxy in front of them."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    """Just enough of a browser to sign in and press the admin's buttons."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar(policy=_SendSecureCookiesOverHttp())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, body, headers={"Referer": self.base + path})
        with self.opener.open(request) as response:
            return response.read().decode()


def anonymous(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"})) as response:
        return response.read().decode()


def test_a_publish_through_one_server_shows_on_the_other(database_url):
    # every worker checks the page-cache version on every request (by default: once a second)
    env = {"DATABASE_URL": database_url, "REDIS_URL": os.environ["REDIS_URL"], "HOT_PAGE_CACHE_RECHECK": "0"}
    with (
        ProductionServer(workers=2, threads=2, extra_env=env) as first,
        ProductionServer(workers=2, threads=2, share_with=first) as second,
    ):
        # an editor with an authenticator app: production settings require the second factor
        device = first.manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import Group, User; "
            "from django_otp.plugins.otp_totp.models import TOTPDevice; "
            f"u = User.objects.create_user({EDITOR[0]!r}, password={EDITOR[1]!r}, is_staff=True); "
            "u.groups.add(Group.objects.get(name='Content editor')); "
            "d = TOTPDevice.objects.create(user=u, name='phone'); print(d.persistent_id, d.key)",
        ).split()[-2:]
        for _ in range(3):  # both servers have the page in their caches
            assert "often stop just when you are in the doctor" in anonymous(second.url + PAGE)
            assert "often stop just when you are in the doctor" in anonymous(first.url + PAGE)

        editor = Browser(first.url)
        editor.get("/admin/login/")
        code = f"{totp(bytes.fromhex(device[1])):06d}"
        sign_in = {"username": EDITOR[0], "password": EDITOR[1], "otp_device": device[0], "otp_token": code}
        editor.post("/admin/login/?next=/admin/", sign_in)
        assert "logout" in editor.get("/admin/").lower()  # signed in
        # the diagnosis page's published version, its new draft and the draft's first text
        published = first.manage(
            "shell",
            "-c",
            "from cms.models import Page, PageContent; from djangocms_versioning.models import Version; "
            "c = PageContent.objects.get(page=Page.objects.get(reverse_id='hfs-diagnosis'), language='en'); "
            "print(Version.objects.get_for_content(c).pk)",
        ).split()[-1]
        editor.post(f"/admin/djangocms_versioning/pagecontentversion/{published}/edit-redirect/", {})
        draft_ids = first.manage(
            "shell",
            "-c",
            "from cms.models import Page, PageContent; from djangocms_versioning.models import Version; "
            "c = PageContent.admin_manager.filter(page=Page.objects.get(reverse_id='hfs-diagnosis')).latest('pk'); "
            "p = c.get_placeholders().get(slot='content').get_plugins().filter(plugin_type='TextPlugin').first(); "
            "print(Version.objects.get_for_content(c).pk, p.pk)",
        ).split()[-2:]
        editor.post(
            f"/admin/cms/placeholder/edit-plugin/{draft_ids[1]}/",
            {"body": "<p>Published through the first server.</p>"},
        )
        editor.post(f"/admin/djangocms_versioning/pagecontentversion/{draft_ids[0]}/publish/", {})

        html = anonymous(second.url + PAGE)
        assert "Published through the first server." in html
        assert "Published through the first server." in anonymous(first.url + PAGE)
