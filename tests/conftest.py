"""Shared fixtures: a test database seeded once with the whole site, and the people who use it."""

from urllib.parse import urlencode

import pytest
from cms.models import Page, PageContent
from django.contrib.auth import get_user_model
from django.core.management import call_command
from djangocms_versioning.models import Version

# The seeded site's pages and their <h1>, in the order of the seed files.
SEEDED_PAGES = {
    "/": "Hemifacial spasm: a guide for patients and families",
    "/hemifacial-spasm/": "Hemifacial spasm",
    "/hemifacial-spasm/causes/": "Causes of hemifacial spasm",
    "/hemifacial-spasm/symptoms/": "Symptoms of hemifacial spasm",
    "/hemifacial-spasm/diagnosis/": "How hemifacial spasm is diagnosed",
    "/hemifacial-spasm/treatment/": "Treatment for hemifacial spasm",
    "/care-team/": "Your care team",
    "/accessibility/": "Accessibility statement",
    "/hemifacial-spasm/choosing-a-treatment/": "Choosing a treatment for hemifacial spasm",
    "/hemifacial-spasm/after-surgery/": "After microvascular decompression surgery",
    "/hemifacial-spasm/living-with/": "Living with hemifacial spasm",
    "/hemifacial-spasm/your-appointment/": "Getting ready for your appointment",
    "/glossary/": "Glossary: medical words explained",
    "/hemifacial-spasm/questions/": "Questions people ask",
    "/about-our-information/": "How we make this information",
}
# The same pages in Spanish (English address: Spanish address and <h1>).
SPANISH_PAGES = {
    "/": ("/es/", "Espasmo hemifacial: una guía para pacientes y familias"),
    "/hemifacial-spasm/": ("/es/espasmo-hemifacial/", "Espasmo hemifacial"),
    "/hemifacial-spasm/causes/": ("/es/espasmo-hemifacial/causas/", "Causas del espasmo hemifacial"),
    "/hemifacial-spasm/symptoms/": ("/es/espasmo-hemifacial/sintomas/", "Síntomas del espasmo hemifacial"),
    "/hemifacial-spasm/diagnosis/": (
        "/es/espasmo-hemifacial/diagnostico/",
        "Cómo se diagnostica el espasmo hemifacial",
    ),
    "/hemifacial-spasm/treatment/": ("/es/espasmo-hemifacial/tratamiento/", "Tratamiento del espasmo hemifacial"),
    "/care-team/": ("/es/equipo-de-atencion/", "Su equipo de atención"),
    "/accessibility/": ("/es/accesibilidad/", "Declaración de accesibilidad"),
    "/hemifacial-spasm/choosing-a-treatment/": (
        "/es/espasmo-hemifacial/elegir-un-tratamiento/",
        "Cómo elegir un tratamiento para el espasmo hemifacial",
    ),
    "/hemifacial-spasm/after-surgery/": (
        "/es/espasmo-hemifacial/despues-de-la-cirugia/",
        "Después de la cirugía de descompresión microvascular",
    ),
    "/hemifacial-spasm/living-with/": (
        "/es/espasmo-hemifacial/vivir-con-espasmo-hemifacial/",
        "Vivir con espasmo hemifacial",
    ),
    "/hemifacial-spasm/your-appointment/": ("/es/espasmo-hemifacial/su-cita/", "Cómo prepararse para su cita"),
    "/glossary/": ("/es/glosario/", "Glosario: palabras médicas explicadas"),
    "/hemifacial-spasm/questions/": ("/es/espasmo-hemifacial/preguntas/", "Preguntas frecuentes"),
    "/about-our-information/": ("/es/sobre-nuestra-informacion/", "Cómo hacemos esta información"),
}
# Every public page in every language: address -> <h1>
ALL_PAGES = SEEDED_PAGES | {url: title for url, title in SPANISH_PAGES.values()}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Seed the site once; each test then runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_site", verbosity=0)


def _forget_worker_state():
    """What outlives a test's rolled-back transaction: every configured cache (the CMS page,
    menu, placeholder and page-URL caches, the rate-limit counters and fragments all live there),
    what each worker keeps for itself (its reading of the content version, caching.versions),
    Django's cache of the current Site, and the active language (a request to a Spanish page
    leaves Spanish active in the thread, as on a real server until the next request). The
    per-worker copy of finished pages (caching.hot_pages) lives in each Client's middleware, so
    each test's new client starts without one."""
    from django.contrib.sites.models import Site
    from django.core.cache import caches
    from django.utils import translation

    from caching.versions import content_version

    for cache in caches.all():
        cache.clear()
    content_version.forget()
    Site.objects.clear_cache()
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_worker_state():
    """Every test starts cold, in English, whatever ran before it (the suite runs in random
    order: pytest-randomly) and leaves nothing for the next one."""
    _forget_worker_state()
    yield
    _forget_worker_state()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def page_by_id(reverse_id):
    return Page.objects.get(reverse_id=reverse_id)


def published_content(reverse_id, language="en"):
    return PageContent.objects.get(page=page_by_id(reverse_id), language=language)


def first_text_plugin(content):
    placeholder = content.get_placeholders().get(slot="content")
    return placeholder.get_plugins().filter(plugin_type="TextPlugin").order_by("position").first().get_bound_plugin()


def edit_and_publish(reverse_id, user, new_text, publish=True):
    """What an editor does: make a draft of a published page, change its first text, publish."""
    published = published_content(reverse_id)
    draft_version = Version.objects.get_for_content(published).copy(user)
    draft = draft_version.content
    plugin = first_text_plugin(draft)
    plugin.body = new_text
    plugin.save()
    if publish:
        draft_version.publish(user)
    return draft


def post_form(client, url, data, **extra):
    """Post a form as a browser sends one without files: URL-encoded (the public forms refuse
    multipart bodies, which Django's test client sends by default)."""
    return client.post(url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded", **extra)
