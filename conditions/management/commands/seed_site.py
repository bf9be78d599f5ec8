"""Load the site from conditions/content/: pages, shared content, illustration, coordinators,
and the Spanish version of each page and shared content from conditions/content/es/.

Idempotent: a page (found by its reverse_id), a translation of it, a shared alias (by name), a
source (by key), a glossary term (by language and slug) or a coordinator (by e-mail) that
already exists is left alone, so running the command again changes nothing and never
overwrites an editor's work. --force deletes the seeded pages and shared content first and
builds them again (coordinators, which staff keep in the admin, are never deleted).
"""

import datetime
import tomllib
from pathlib import Path

from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.files import File
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_versioning.models import Version
from filer.models import Folder, Image

from conditions.models import ConditionFacts
from coordinators.models import CareCoordinator
from references.models import GlossaryTerm, Source

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
# Other languages: conditions/content/<code>/pages/*.toml, one file per page it translates
# (matched by reverse_id), and <code>/shared.toml.
TRANSLATIONS = ["es"]
SHARED_CATEGORY = "Shared content"
SEED_USERNAME = "site-seed"


def _load(path):
    return tomllib.loads(path.read_text())


def _load_pages(folder):
    return [_load(path) for path in sorted((folder / "pages").glob("*.toml"))]


def _delete_versions(content_type, object_ids):
    """Versions point at content without a foreign key, and at each other (source): unlink, then delete."""
    versions = Version.objects.filter(content_type=content_type, object_id__in=list(object_ids))
    versions.update(source=None)
    versions.delete()


class Command(BaseCommand):
    help = "Create the hemifacial spasm guide: pages, shared content, illustration, coordinators (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete the seeded pages and shared content and create them again from the files.",
        )

    def handle(self, *args, force=False, **options):
        self.language = settings.LANGUAGE_CODE
        self.site = Site.objects.get_current()
        specs = _load_pages(CONTENT_DIR)
        shared = _load(CONTENT_DIR / "shared.toml")["aliases"]
        people = _load(CONTENT_DIR / "coordinators.toml")["coordinators"]
        with transaction.atomic():
            call_command("setup_roles", verbosity=0)
            self.user = self._seed_user()
            if force:
                self._delete_seeded(specs, shared)
            sources = [
                spec["key"] for spec in _load(CONTENT_DIR / "sources.toml")["sources"] if self._ensure_source(spec)
            ]
            terms = self._ensure_glossary(CONTENT_DIR, self.language)
            terms += sum((self._ensure_glossary(CONTENT_DIR / language, language) for language in TRANSLATIONS), 0)
            aliases = [spec["name"] for spec in shared if self._ensure_alias(spec, self.language)]
            created = [spec["reverse_id"] for spec in specs if self._ensure_page(spec)]
            translated = []
            for language in TRANSLATIONS:
                folder = CONTENT_DIR / language
                shared_here = _load(folder / "shared.toml")["aliases"]
                aliases += [spec["name"] for spec in shared_here if self._ensure_alias(spec, language)]
                translated += [
                    f"{spec['reverse_id']} ({language})"
                    for spec in _load_pages(folder)
                    if self._ensure_translation(spec, language)
                ]
            coordinators = [spec["name"] for spec in people if self._ensure_coordinator(spec)]
        self.stdout.write(
            f"Pages created: {len(created)} ({', '.join(created) or 'none'}); "
            f"left as they were: {len(specs) - len(created)}. "
            f"Translations created: {len(translated)}. "
            f"Shared content created: {len(aliases)}. Coordinators created: {len(coordinators)}. "
            f"Sources created: {len(sources)}. Glossary terms created: {terms}."
        )

    # --- pages ------------------------------------------------------------------------------

    def _seed_user(self):
        """The author recorded on seeded versions: an account nobody can sign in with."""
        user, created = get_user_model().objects.get_or_create(
            username=SEED_USERNAME, defaults={"is_active": False, "first_name": "Site", "last_name": "seed"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        return user

    def _find_page(self, reverse_id):
        return Page.objects.filter(reverse_id=reverse_id, site=self.site).first()

    def _ensure_page(self, spec) -> bool:
        if self._find_page(spec["reverse_id"]):
            return False
        parent = self._find_page(spec["parent"]) if spec.get("parent") else None
        page = create_page(
            title=spec["title"],
            menu_title=spec.get("menu_title"),
            template=spec["template"],
            language=self.language,
            slug=spec["slug"],
            parent=parent,
            reverse_id=spec["reverse_id"],
            meta_description=spec["meta_description"],
            in_navigation=spec.get("in_navigation", True),
            created_by=self.user,
        )
        self._fill_and_publish(PageContent.admin_manager.get(page=page, language=self.language), spec)
        if spec.get("home"):
            page.set_as_homepage(self.user)
        return True

    def _ensure_translation(self, spec, language) -> bool:
        """The page's content in another language, made from that language's file."""
        page = self._find_page(spec["reverse_id"])
        if page is None or PageContent.admin_manager.filter(page=page, language=language).exists():
            return False
        original = PageContent.admin_manager.filter(page=page, language=self.language).first()
        content = create_page_content(
            language,
            spec["title"],
            page,
            menu_title=spec.get("menu_title"),
            slug=spec["slug"],
            meta_description=spec["meta_description"],
            template=original.template,
            in_navigation=original.in_navigation,
            created_by=self.user,
        )
        self._fill_and_publish(content, spec)
        return True

    def _fill_and_publish(self, content, spec):
        placeholder = content.get_placeholders().get(slot="content")
        for block in spec.get("blocks", []):
            self._add_block(placeholder, block, content.language)
        if "condition" in spec:
            ConditionFacts.objects.create(extended_object=content, **spec["condition"])
        Version.objects.get_for_content(content).publish(self.user)

    def _add_block(self, placeholder, block, language):
        kind = block["type"]
        fields = {key: value for key, value in block.items() if key != "type"}
        if kind == "text":
            add_plugin(placeholder, "TextPlugin", language, body=fields["body"])
        elif kind == "callout":
            add_plugin(placeholder, "CalloutPlugin", language, **fields)
        elif kind == "treatment":
            keys = fields.pop("sources", [])
            plugin = add_plugin(placeholder, "TreatmentOptionPlugin", language, **fields)
            plugin.sources.set(Source.objects.filter(key__in=keys))
        elif kind == "comparison":
            treatment_page = self._find_page(fields.get("treatment_page", "hfs-treatment"))
            add_plugin(
                placeholder,
                "TreatmentComparisonPlugin",
                language,
                caption=fields["caption"],
                treatment_page=treatment_page,
            )
        elif kind == "call_care_team":
            add_plugin(placeholder, "CallCareTeamPlugin", language, **fields)
        elif kind == "diary":
            add_plugin(placeholder, "SpasmDiaryPlugin", language)
        elif kind == "sources":
            plugin = add_plugin(placeholder, "SourceListPlugin", language)
            plugin.sources.set(Source.objects.filter(key__in=fields["keys"]))
        elif kind == "glossary":
            add_plugin(placeholder, "GlossaryPlugin", language)
        elif kind == "figure":
            image = self._ensure_image(fields.pop("image"), fields["alt_text"])
            add_plugin(placeholder, "FigurePlugin", language, image=image, **fields)
        elif kind == "shared":
            add_plugin(placeholder, "Alias", language, alias=self._find_alias(fields["name"]))
        elif kind == "coordinators":
            add_plugin(placeholder, "CareCoordinatorsPlugin", language)
        elif kind == "callback_form":
            add_plugin(placeholder, "CallbackFormPlugin", language)
        else:
            raise ValueError(f"Unknown block type {kind!r} in seed content")

    def _delete_seeded(self, specs, shared):
        page_type = ContentType.objects.get_for_model(PageContent)
        for spec in reversed(specs):
            page = self._find_page(spec["reverse_id"])
            if page is None:
                continue
            content_ids = PageContent.admin_manager.filter(
                page__in=page.get_descendant_pages() | Page.objects.filter(pk=page.pk)
            ).values_list("pk", flat=True)
            _delete_versions(page_type, content_ids)
            page.delete()
        alias_type = ContentType.objects.get_for_model(AliasContent)
        for spec in shared:
            alias = self._find_alias(spec["name"])
            if alias:
                content_ids = AliasContent.admin_manager.filter(alias=alias).values_list("pk", flat=True)
                _delete_versions(alias_type, content_ids)
                alias.delete()

    # --- images -----------------------------------------------------------------------------

    def _ensure_image(self, filename, alt_text):
        folder, _ = Folder.objects.get_or_create(name="Illustrations", parent=None)
        image = Image.objects.filter(folder=folder, original_filename=filename).first()
        if image:
            return image
        with (CONTENT_DIR / "images" / filename).open("rb") as source:
            return Image.objects.create(
                owner=self.user,
                folder=folder,
                original_filename=filename,
                name=filename.rsplit(".", 1)[0].replace("-", " ").capitalize(),
                default_alt_text=alt_text,
                file=File(source, name=filename),
            )

    # --- shared content (aliases) -----------------------------------------------------------

    def _find_alias(self, name):
        """Shared content is named in the site's default language, whatever language it is shown in."""
        content = AliasContent.admin_manager.filter(name=name, language=self.language).first()
        return content.alias if content else None

    def _ensure_alias(self, spec, language) -> bool:
        alias = self._find_alias(spec["name"])
        if alias is None and language != self.language:
            return False  # a translation of shared content that is not there
        if alias is not None and AliasContent.admin_manager.filter(alias=alias, language=language).exists():
            return False
        if alias is None:
            category = Category.objects.filter(translations__name=SHARED_CATEGORY).first()
            if category is None:
                category = Category.objects.create(name=SHARED_CATEGORY)
            alias = Alias.objects.create(category=category)
        content = AliasContent.objects.with_user(self.user).create(alias=alias, name=spec["name"], language=language)
        for block in spec["blocks"]:
            self._add_block(content.placeholder, block, language)
        Version.objects.get_for_content(content).publish(self.user)
        return True

    # --- sources and glossary ---------------------------------------------------------------

    def _ensure_source(self, spec) -> bool:
        _source, created = Source.objects.get_or_create(key=spec["key"], defaults=spec)
        return created

    def _ensure_glossary(self, folder, language) -> int:
        """Terms missing from the glossary of `language`; terms editors already have are kept."""
        created = 0
        for spec in _load(folder / "glossary.toml")["terms"]:
            defaults = {"term": spec["term"], "matches": "\n".join(spec["matches"]), "definition": spec["definition"]}
            created += GlossaryTerm.objects.get_or_create(language=language, slug=spec["slug"], defaults=defaults)[1]
        return created

    # --- care coordinators ------------------------------------------------------------------

    def _ensure_coordinator(self, spec) -> bool:
        if CareCoordinator.objects.filter(email=spec["email"]).exists():
            return False
        fields = {key: value for key, value in spec.items() if key not in ("hours", "guides")}
        coordinator = CareCoordinator.objects.create(**fields)
        for slot in spec.get("hours", []):
            for day in slot["days"]:
                coordinator.opening_hours.create(
                    weekday=day,
                    opens=datetime.time.fromisoformat(slot["opens"]),
                    closes=datetime.time.fromisoformat(slot["closes"]),
                )
        coordinator.guides.set(Page.objects.filter(reverse_id__in=spec.get("guides", []), site=self.site))
        return True
