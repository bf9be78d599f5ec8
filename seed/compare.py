"""Side by side for staff: what the site holds now, and the newer seed entry it did not take.

Both sides are written as an editor reads them: a block's kind, then the words of its text
fields (markup removed, one line per paragraph, heading or list item), so a line differs only
where the words differ. Internal fields (plugin type, language, positions, file names) are left
out of both sides.
"""

import difflib

import lxml.html
from cms.models import CMSPlugin, PageContent
from djangocms_alias.models import AliasContent

from references.models import GlossaryTerm, Source

from .blocks import SIMPLE
from .fingerprints import GLOSSARY_FIELDS, PAGE_FIELDS, SOURCE_FIELDS
from .models import SeedRecord

BLOCK_OF_PLUGIN = {plugin: block for block, plugin in SIMPLE.items()} | {
    "TreatmentOptionPlugin": "treatment",
    "TreatmentComparisonPlugin": "comparison",
    "SourceListPlugin": "sources",
    "FigurePlugin": "figure",
    "Alias": "shared",
}


# Fields an editor never types: CMS bookkeeping, and seed-file keys that name other records.
INTERNAL = {"type", "language", "plugin_type", "position", "rte", "anchor", "image", "width", "variant"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption", "figcaption"}


def _words(value):
    """The text of a field as lines: each paragraph, heading or list item of HTML on its own."""
    if "<" not in value:
        return [" ".join(value.split())] if value.strip() else []
    root = lxml.html.fragment_fromstring(value, create_parent="div")
    blocks = [" ".join(el.text_content().split()) for el in root.iter() if el.tag in BLOCK_TAGS]
    return [line for line in blocks if line] or [" ".join(root.text_content().split())]


def _block_lines(kind, fields):
    lines = [f"[{kind}]"]
    for name in sorted(fields):
        value = fields[name]
        if isinstance(value, str) and name not in INTERNAL:
            lines += [f"{name}: {line}" for line in _words(value)]
    return lines


def _spec_lines(record):
    spec = record.pending_spec
    if record.kind in (SeedRecord.Kind.SOURCE, SeedRecord.Kind.GLOSSARY):
        return [f"{name}: {spec.get(name)}" for name in sorted(spec)]
    head = [f"{name}: {spec.get(name) or ''}" for name in PAGE_FIELDS] if record.kind == SeedRecord.Kind.PAGE else []
    blocks = spec.get("blocks", [])
    return head + [line for block in blocks for line in _block_lines(block["type"], block)]


def _plugin_lines(placeholder, language):
    lines = []
    for plugin in placeholder.get_plugins(language).order_by("position"):
        bound = plugin.get_bound_plugin()
        fields = {
            f.name: getattr(bound, f.name)
            for f in bound._meta.concrete_fields
            if not f.is_relation and f.model is not CMSPlugin
        }
        lines += _block_lines(BLOCK_OF_PLUGIN.get(plugin.plugin_type, plugin.plugin_type), fields)
    return lines


def _live_lines(record):
    if record.kind == SeedRecord.Kind.SOURCE:
        source = Source.objects.filter(key=record.key).first()
        return [f"{name}: {getattr(source, name)}" for name in sorted(SOURCE_FIELDS)] if source else []
    if record.kind == SeedRecord.Kind.GLOSSARY:
        term = GlossaryTerm.objects.filter(slug=record.key, language=record.language).first()
        return [f"{name}: {getattr(term, name)}" for name in sorted(GLOSSARY_FIELDS)] if term else []
    if record.kind == SeedRecord.Kind.ALIAS:
        content = AliasContent.objects.filter(alias__contents__name=record.key, language=record.language).first()
        return _plugin_lines(content.placeholder, record.language) if content else []
    content = PageContent.objects.filter(page__reverse_id=record.key, language=record.language).first()
    if content is None:
        return []
    head = [f"{name}: {getattr(content, name) or ''}" for name in PAGE_FIELDS]
    placeholder = content.get_placeholders().filter(slot="content").first()
    return head + (_plugin_lines(placeholder, record.language) if placeholder else [])


def title_of(record):
    """What staff call it: the page's title, the alias's name, the source or term."""
    if record.kind == SeedRecord.Kind.PAGE:
        content = PageContent.admin_manager.filter(page__reverse_id=record.key, language=record.language).first()
        if content is not None:
            return f"{content.title} ({record.language})"
    return str(record)


def compare(record) -> list[tuple[str, str]]:
    """(kind, line) pairs of a unified diff: kind is "added", "removed", "same" or "hunk"."""
    diff = difflib.unified_diff(_live_lines(record), _spec_lines(record), "live", "seed", n=2, lineterm="")
    rows = []
    for line in list(diff)[2:]:
        kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "same")
        rows.append((kind, line[1:] if kind != "hunk" else line))
    return rows
