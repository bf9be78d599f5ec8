"""Load the site's pages, contact section and illustration from conditions/content/.

Idempotent: a page (found by its reverse_id) or contact section that already exists is left
alone, so running the command again changes nothing and never overwrites an editor's work.
--force deletes the seeded pages and contact section first and builds them again.
"""

import tomllib
from pathlib import Path

from cms.api import add_plugin, create_page
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction
from djangocms_alias.constants import DEFAULT_STATIC_ALIAS_CATEGORY_NAME
from djangocms_alias.models import Alias, AliasContent, Category
from djangocms_versioning.models import Version
from filer.models import Folder, Image

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
CONTACT_ALIAS = "care-contact"
SEED_USERNAME = "site-seed"


def _delete_versions(content_type, object_ids):
    """Versions point at content without a foreign key, and at each other (source): unlink, then delete."""
    versions = Version.objects.filter(content_type=content_type, object_id__in=list(object_ids))
    versions.update(source=None)
    versions.delete()


class Command(BaseCommand):
    help = "Create the hemifacial spasm guide: pages, contact section and illustration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete the seeded pages and contact section and create them again from the files.",
        )

    def handle(self, *args, force=False, **options):
        self.language = settings.LANGUAGE_CODE
        self.site = Site.objects.get_current()
        specs = [tomllib.loads(path.read_text()) for path in sorted((CONTENT_DIR / "pages").glob("*.toml"))]
        with transaction.atomic():
            self.user = self._seed_user()
            if force:
                self._delete_seeded(specs)
            created = [spec["reverse_id"] for spec in specs if self._ensure_page(spec)]
            contact_created = self._ensure_contact()
        self.stdout.write(
            f"Pages created: {len(created)} ({', '.join(created) or 'none'}); "
            f"left as they were: {len(specs) - len(created)}. "
            f"Contact section {'created' if contact_created else 'left as it was'}."
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
        content = PageContent.admin_manager.get(page=page, language=self.language)
        placeholder = content.get_placeholders().get(slot="content")
        for block in spec.get("blocks", []):
            self._add_block(placeholder, block)
        Version.objects.get_for_content(content).publish(self.user)
        if spec.get("home"):
            page.set_as_homepage(self.user)
        return True

    def _add_block(self, placeholder, block):
        kind = block["type"]
        fields = {key: value for key, value in block.items() if key != "type"}
        if kind == "text":
            add_plugin(placeholder, "TextPlugin", self.language, body=fields["body"])
        elif kind == "callout":
            add_plugin(placeholder, "CalloutPlugin", self.language, **fields)
        elif kind == "treatment":
            add_plugin(placeholder, "TreatmentOptionPlugin", self.language, **fields)
        elif kind == "figure":
            image = self._ensure_image(fields.pop("image"), fields["alt_text"])
            add_plugin(placeholder, "FigurePlugin", self.language, image=image, **fields)
        else:
            raise ValueError(f"Unknown block type {kind!r} in seed content")

    def _delete_seeded(self, specs):
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
        alias = Alias.objects.filter(static_code=CONTACT_ALIAS, site__isnull=True).first()
        if alias:
            alias_type = ContentType.objects.get_for_model(AliasContent)
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

    # --- the contact section on every page ---------------------------------------------------

    def _ensure_contact(self) -> bool:
        if Alias.objects.filter(static_code=CONTACT_ALIAS, site__isnull=True).exists():
            return False
        spec = tomllib.loads((CONTENT_DIR / "contact.toml").read_text())
        category = Category.objects.filter(translations__name=DEFAULT_STATIC_ALIAS_CATEGORY_NAME).first()
        if category is None:
            category = Category.objects.create(name=DEFAULT_STATIC_ALIAS_CATEGORY_NAME)
        alias = Alias.objects.create(
            category=category, static_code=CONTACT_ALIAS, creation_method=Alias.CREATION_BY_TEMPLATE
        )
        content = AliasContent.objects.with_user(self.user).create(
            alias=alias, name=spec["alias_name"], language=self.language
        )
        add_plugin(content.placeholder, "CareContactPlugin", self.language, **spec["contact"])
        Version.objects.get_for_content(content).publish(self.user)
        return True
