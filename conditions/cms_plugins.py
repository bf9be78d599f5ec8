"""The guide's plugins. Each renders a namespaced template in conditions/plugins/."""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .images import responsive
from .models import Callout, Figure, TreatmentOption


@plugin_pool.register_plugin
class CalloutPlugin(CMSPluginBase):
    model = Callout
    name = _("Callout")
    module = _("Condition guide")
    render_template = "conditions/plugins/callout.html"


@plugin_pool.register_plugin
class TreatmentOptionPlugin(CMSPluginBase):
    model = TreatmentOption
    name = _("Treatment option")
    module = _("Condition guide")
    render_template = "conditions/plugins/treatment_option.html"


@plugin_pool.register_plugin
class FigurePlugin(CMSPluginBase):
    model = Figure
    name = _("Picture")
    module = _("Condition guide")
    render_template = "conditions/plugins/figure.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["picture"] = responsive(instance.image, instance.width)
        return context
