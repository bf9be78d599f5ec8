"""Turn a seed file's blocks (see seed/content/README.md) into CMS plugins."""

from cms.api import add_plugin
from cms.models import Page
from django.core.files import File
from djangocms_alias.models import AliasContent
from filer.models import Folder, Image

from conditions.models import KeyFigure
from references.models import Source

# Block types whose fields go to the plugin as they are.
SIMPLE = {
    "text": "TextPlugin",
    "callout": "CalloutPlugin",
    "call_care_team": "CallCareTeamPlugin",
    "diary": "SpasmDiaryPlugin",
    "glossary": "GlossaryPlugin",
    "coordinators": "CareCoordinatorsPlugin",
    "callback_form": "CallbackFormPlugin",
    "reviews": "ReviewRecordsPlugin",
}


class BlockBuilder:
    def __init__(self, site, user, default_language, content_dir):
        self.site, self.user, self.default_language, self.content_dir = site, user, default_language, content_dir

    def find_page(self, reverse_id):
        return Page.objects.filter(reverse_id=reverse_id, site=self.site).first()

    def find_alias(self, name):
        """Shared content is named in the site's default language, whatever language it is shown in."""
        content = AliasContent.admin_manager.filter(name=name, language=self.default_language).first()
        return content.alias if content else None

    def fill(self, placeholder, blocks, language):
        for block in blocks:
            self.add(placeholder, block, language)

    def add(self, placeholder, block, language):
        kind = block["type"]
        fields = {key: value for key, value in block.items() if key != "type"}
        if kind in SIMPLE:
            add_plugin(placeholder, SIMPLE[kind], language, **fields)
        elif kind == "treatment":
            keys = fields.pop("sources", [])
            key_figures = fields.pop("key_figures", [])
            plugin = add_plugin(placeholder, "TreatmentOptionPlugin", language, **fields)
            plugin.sources.set(Source.objects.filter(key__in=keys))
            for position, figure in enumerate(key_figures):
                values = {key: value for key, value in figure.items() if key != "sources"}
                made = KeyFigure.objects.create(option=plugin, position=position, **values)
                made.sources.set(Source.objects.filter(key__in=figure["sources"]))
        elif kind == "comparison":
            treatment_page = self.find_page(fields.get("treatment_page", "hfs-treatment"))
            add_plugin(
                placeholder,
                "TreatmentComparisonPlugin",
                language,
                caption=fields["caption"],
                treatment_page=treatment_page,
            )
        elif kind == "decision_aid":
            treatment_page = self.find_page(fields.get("treatment_page", "hfs-treatment"))
            add_plugin(placeholder, "DecisionAidPlugin", language, treatment_page=treatment_page)
        elif kind == "sources":
            plugin = add_plugin(placeholder, "SourceListPlugin", language)
            plugin.sources.set(Source.objects.filter(key__in=fields["keys"]))
        elif kind == "figure":
            image = self._image(fields.pop("image"), fields["alt_text"])
            add_plugin(placeholder, "FigurePlugin", language, image=image, **fields)
        elif kind == "shared":
            add_plugin(placeholder, "Alias", language, alias=self.find_alias(fields["name"]))
        else:
            raise ValueError(f"Unknown block type {kind!r} in seed content")

    def _image(self, filename, alt_text):
        folder, _ = Folder.objects.get_or_create(name="Illustrations", parent=None)
        image = Image.objects.filter(folder=folder, original_filename=filename).first()
        if image:
            return image
        with (self.content_dir / "images" / filename).open("rb") as source:
            return Image.objects.create(
                owner=self.user,
                folder=folder,
                original_filename=filename,
                name=filename.rsplit(".", 1)[0].replace("-", " ").capitalize(),
                default_alt_text=alt_text,
                file=File(source, name=filename),
            )
