"""Fingerprints of seeded content: what the site holds, as lines of text, and their hash.

A fingerprint covers what an editor can change: a page's title, menu title and meta
description and every plugin in its content placeholder (each field, the sources it cites and
the records edited with it, such as a treatment option's key figures),
an alias's plugins, a source's or a glossary term's fields. Comparing it with the fingerprint
taken right after seeding tells whether staff have changed the content since.
"""

import hashlib
import json

from cms.models import CMSPlugin
from django.db import models

PAGE_FIELDS = ["title", "menu_title", "meta_description"]
SOURCE_FIELDS = ["authors", "title", "publication", "year", "url", "notes"]
GLOSSARY_FIELDS = ["term", "matches", "definition"]


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _plugin_lines(plugin):
    bound = plugin.get_bound_plugin()
    if bound is None:
        return [f"[{plugin.plugin_type}]"]
    lines = [f"[{plugin.plugin_type}]"]
    for field in bound._meta.get_fields():
        if field.model is CMSPlugin or getattr(field, "parent_link", False) or field.auto_created:
            continue
        if isinstance(field, models.ManyToManyField):
            value = sorted(str(item.pk) for item in getattr(bound, field.name).all())
        elif field.concrete:
            value = getattr(bound, field.attname)
        else:
            continue
        lines.append(f"{field.name}: {value}")
    return lines + _related_lines(bound)


def _record_values(record):
    """A record's own fields and the ids of the records it lists, without its ids and links."""
    values = []
    for field in record._meta.get_fields():
        if field.auto_created or field.primary_key or field.many_to_one:
            continue
        if isinstance(field, models.ManyToManyField):
            values.append(sorted(str(item.pk) for item in getattr(record, field.name).all()))
        elif field.concrete:
            values.append(getattr(record, field.attname))
    return values


def _related_lines(bound):
    """Records that belong to a plugin (a treatment option's key figures), edited in its form."""
    lines = []
    for relation in bound._meta.related_objects:
        if relation.one_to_many and not issubclass(relation.related_model, CMSPlugin):
            for record in getattr(bound, relation.get_accessor_name()).all():
                lines.append(f"{relation.name}: {_record_values(record)}")
    return lines


def placeholder_lines(placeholder, language):
    lines = []
    for plugin in placeholder.get_plugins(language).order_by("position"):
        lines += _plugin_lines(plugin)
    return lines


def page_lines(content):
    lines = [f"{name}: {getattr(content, name) or ''}" for name in PAGE_FIELDS]
    facts = getattr(content, "conditionfacts", None)
    if facts is not None:
        lines += [
            f"condition.{f.name}: {getattr(facts, f.attname)}"
            for f in facts._meta.concrete_fields
            if not f.is_relation and not f.primary_key
        ]
    placeholder = content.get_placeholders().filter(slot="content").first()
    return lines + (placeholder_lines(placeholder, content.language) if placeholder else [])


def alias_lines(alias_content):
    return [f"name: {alias_content.name}"] + placeholder_lines(alias_content.placeholder, alias_content.language)


def record_lines(instance, fields):
    return [f"{name}: {getattr(instance, name)}" for name in fields]


def fingerprint(lines) -> str:
    return digest(lines)
