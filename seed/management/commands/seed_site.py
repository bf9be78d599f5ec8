"""Load the site from seed/content/ and keep it up to date with those files: pages, shared
content, sources, glossary, illustration, coordinators, and the Spanish version of each page
and of the shared content from seed/content/es/.

Running it again changes nothing that staff changed: a page (found by its reverse_id and
language), a shared alias (by name), a source (by key) or a glossary term (by language and
slug) is created when missing, updated when its seed entry changed and the site still holds
exactly what was seeded (pages and aliases as a new published version, so it shows in the
history and can be reverted), and otherwise left alone and flagged "newer seed content
available" in content health (seed.sync). Coordinators are only ever created. --dry-run says
what it would do; --force deletes the seeded pages and shared content and builds them again."""

import tomllib
from pathlib import Path

from cms.api import create_page, create_page_content
from cms.constants import X_FRAME_OPTIONS_DENY
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from conditions.models import ConditionFacts
from references.models import GlossaryTerm, Source
from seed.blocks import BlockBuilder
from seed.fingerprints import GLOSSARY_FIELDS, SOURCE_FIELDS, alias_lines, page_lines, record_lines
from seed.models import SeedRecord
from seed.people import ensure_coordinator, seed_user
from seed.sync import CREATED, EDITED, UNCHANGED, Seeded, sync

CONTENT_DIR = Path(settings.BASE_DIR) / "seed" / "content"
# Other languages: seed/content/<code>/pages/*.toml, one file per page it translates
# (matched by reverse_id), and <code>/shared.toml.
TRANSLATIONS = ["es"]
SHARED_CATEGORY = "Shared content"
PAGE_SPEC_FIELDS = ("title", "menu_title", "meta_description")


def _load(path):
    return tomllib.loads(path.read_text())


def _load_pages(folder):
    return [_load(path) for path in sorted((folder / "pages").glob("*.toml"))]


def _versions(contents):
    content_type = ContentType.objects.get_for_model(contents.model)
    return Version.objects.filter(content_type=content_type, object_id__in=list(contents.values_list("pk", flat=True)))


def _delete_versions(contents):
    """Versions point at content without a foreign key, and at each other (source): unlink, then delete."""
    versions = _versions(contents)
    versions.update(source=None)
    versions.delete()


class Command(BaseCommand):
    help = "Create the site's seeded content, or bring untouched seeded content up to date (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would change, and change nothing.")
        parser.add_argument(
            "--force", action="store_true", help="Delete the seeded pages and shared content and create them again."
        )
        parser.add_argument("--content-dir", type=Path, default=CONTENT_DIR, help="Where the seed files are.")

    def handle(self, *args, dry_run=False, force=False, content_dir=CONTENT_DIR, **options):
        self.language = settings.LANGUAGE_CODE
        self.site = Site.objects.get_current()
        self.results = {}
        specs = _load_pages(content_dir)
        shared = _load(content_dir / "shared.toml")["aliases"]
        with transaction.atomic():
            call_command("setup_roles", verbosity=0)
            self.user = seed_user()
            self.blocks = BlockBuilder(self.site, self.user, self.language, content_dir)
            if force:
                self._delete_seeded(specs, shared)
            for spec in _load(content_dir / "sources.toml")["sources"]:
                self._sync_source(spec)
            for language in [self.language, *TRANSLATIONS]:
                folder = content_dir if language == self.language else content_dir / language
                for spec in _load(folder / "glossary.toml")["terms"]:
                    self._sync_term(spec, language)
            for language in [self.language, *TRANSLATIONS]:
                folder = content_dir if language == self.language else content_dir / language
                for spec in shared if language == self.language else _load(folder / "shared.toml")["aliases"]:
                    self._sync_alias(spec, language)
                for spec in specs if language == self.language else _load_pages(folder):
                    self._sync_page(spec, language)
            people = _load(content_dir / "coordinators.toml")["coordinators"]
            created = [spec["name"] for spec in people if ensure_coordinator(spec, self.site)]
            self._note("coordinator", CREATED, created)
            if dry_run:
                transaction.set_rollback(True)
        self._report(dry_run)

    def _note(self, kind, result, labels):
        self.results.setdefault(result, []).extend(f"{kind} {label}" for label in labels)

    def _report(self, dry_run):
        for result, labels in sorted(self.results.items()):
            if result == UNCHANGED or not labels:
                continue
            verb = f"Would be {result}" if dry_run else result.capitalize()
            self.stdout.write(f"{verb} ({len(labels)}): {', '.join(labels)}")
            if result == EDITED:
                self.stdout.write(
                    "  These were not updated, because staff changed them. The newer seed text waits in "
                    "Admin > Content health ('Compare with the newer seed content')."
                )
        unchanged = len(self.results.get(UNCHANGED, []))
        self.stdout.write(f"Already up to date: {unchanged}." + (" Dry run: nothing was changed." if dry_run else ""))

    def _run(self, item, spec, **steps):
        result = sync(item, spec, **steps)
        self._note(item.kind, result, [item.label()])

    def _sync_page(self, spec, language):
        page = self.blocks.find_page(spec["reverse_id"])
        if page is None and language != self.language:
            return  # a translation of a page that is not there

        def contents():
            return PageContent.admin_manager.filter(page=page, language=language)

        def current():
            published = PageContent.objects.filter(page=page, language=language).first() if page else None
            return page_lines(published) if published else (["(not published)"] if page and contents() else None)

        def only_seeded_versions():
            versions = _versions(contents())
            return versions.count() == 1 and versions.filter(created_by=self.user, state=constants.PUBLISHED).exists()

        def create():
            nonlocal page
            if page is None:
                page = self._create_page(spec)
            else:
                self._create_translation(page, spec, language)

        def update():
            published = PageContent.objects.get(page=page, language=language)
            draft = Version.objects.get_for_content(published).copy(self.user).content
            for name in PAGE_SPEC_FIELDS:
                setattr(draft, name, spec.get(name) or (draft.title if name == "menu_title" else ""))
            draft.save()
            self._fill_and_publish(draft, spec)

        self._run(
            Seeded(SeedRecord.Kind.PAGE, spec["reverse_id"], language),
            spec,
            current=current,
            create=create,
            update=update,
            can_update=lambda: not _versions(contents()).filter(state=constants.DRAFT).exists(),
            untouched_legacy=only_seeded_versions,
        )

    def _create_page(self, spec):
        parent = self.blocks.find_page(spec["parent"]) if spec.get("parent") else None
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
            xframe_options=X_FRAME_OPTIONS_DENY,  # the site's policy, stated: no lookup of the ancestors' settings
            created_by=self.user,
        )
        self._fill_and_publish(PageContent.admin_manager.get(page=page, language=self.language), spec)
        if spec.get("home"):
            page.set_as_homepage(self.user)
        return page

    def _create_translation(self, page, spec, language):
        """The page's content in another language, made from that language's file."""
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
            xframe_options=original.xframe_options,
            created_by=self.user,
        )
        self._fill_and_publish(content, spec)

    def _fill_and_publish(self, content, spec):
        placeholder = content.get_placeholders().get(slot="content")
        placeholder.clear(content.language)
        self.blocks.fill(placeholder, spec.get("blocks", []), content.language)
        if "condition" in spec:
            ConditionFacts.objects.update_or_create(extended_object=content, defaults=spec["condition"])
        Version.objects.get_for_content(content).publish(self.user)

    def _delete_seeded(self, specs, shared):
        for spec in reversed(specs):
            page = self.blocks.find_page(spec["reverse_id"])
            if page is None:
                continue
            pages = page.get_descendant_pages() | Page.objects.filter(pk=page.pk)
            _delete_versions(PageContent.admin_manager.filter(page__in=pages))
            page.delete()
        for spec in shared:
            alias = self.blocks.find_alias(spec["name"])
            if alias:
                _delete_versions(AliasContent.admin_manager.filter(alias=alias))
                alias.delete()
        SeedRecord.objects.filter(kind__in=[SeedRecord.Kind.PAGE, SeedRecord.Kind.ALIAS]).delete()

    # --- shared content (aliases) -----------------------------------------------------------

    def _sync_alias(self, spec, language):
        alias = self.blocks.find_alias(spec["name"])
        if alias is None and language != self.language:
            return  # a translation of shared content that is not there

        def contents():
            return AliasContent.admin_manager.filter(alias=alias, language=language)

        def current():
            published = AliasContent.objects.filter(alias=alias, language=language).first() if alias else None
            return alias_lines(published) if published else (["(not published)"] if alias and contents() else None)

        def create():
            nonlocal alias
            if alias is None:
                category = Category.objects.filter(translations__name=SHARED_CATEGORY).first()
                alias = Alias.objects.create(category=category or Category.objects.create(name=SHARED_CATEGORY))
            content = AliasContent.objects.with_user(self.user).create(
                alias=alias, name=spec["name"], language=language
            )
            self._fill_alias(content, spec)

        def update():
            published = AliasContent.objects.get(alias=alias, language=language)
            self._fill_alias(Version.objects.get_for_content(published).copy(self.user).content, spec)

        self._run(
            Seeded(SeedRecord.Kind.ALIAS, spec["name"], language),
            spec,
            current=current,
            create=create,
            update=update,
            can_update=lambda: not _versions(contents()).filter(state=constants.DRAFT).exists(),
            untouched_legacy=lambda: (
                _versions(contents()).exclude(created_by=self.user).count() == 0 and _versions(contents()).count() == 1
            ),
        )

    def _fill_alias(self, content, spec):
        content.placeholder.clear(content.language)
        self.blocks.fill(content.placeholder, spec["blocks"], content.language)
        Version.objects.get_for_content(content).publish(self.user)

    # --- sources and glossary ---------------------------------------------------------------

    def _sync_source(self, spec):
        fields = {name: spec.get(name, None if name == "year" else "") for name in SOURCE_FIELDS}
        self._sync_record(
            Seeded(SeedRecord.Kind.SOURCE, spec["key"]), Source, {"key": spec["key"]}, fields, SOURCE_FIELDS
        )

    def _sync_term(self, spec, language):
        fields = {"term": spec["term"], "matches": "\n".join(spec["matches"]), "definition": spec["definition"]}
        lookup = {"language": language, "slug": spec["slug"]}
        self._sync_record(
            Seeded(SeedRecord.Kind.GLOSSARY, spec["slug"], language), GlossaryTerm, lookup, fields, GLOSSARY_FIELDS
        )

    def _sync_record(self, item, model, lookup, fields, names):
        def current():
            instance = model.objects.filter(**lookup).first()
            return record_lines(instance, names) if instance else None

        self._run(
            item,
            fields,
            current=current,
            create=lambda: model.objects.create(**lookup, **fields),
            update=lambda: model.objects.filter(**lookup).update(**fields),
        )
