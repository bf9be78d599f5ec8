"""Plugins: the A-Z glossary and a page's numbered sources."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .glossary import a_to_z
from .models import SourceList


@plugin_pool.register_plugin
class GlossaryPlugin(CMSPluginBase):
    name = _("Glossary (all terms, A to Z)")
    module = _("Condition guide")
    render_template = "references/plugins/glossary.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["letters"] = a_to_z(instance.language)
        return context


@plugin_pool.register_plugin
class SourceListPlugin(CMSPluginBase):
    model = SourceList
    name = _("Sources")
    module = _("Condition guide")
    render_template = "references/plugins/sources.html"
    filter_horizontal = ["sources"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["sources"] = instance.ordered_sources()
        return context
