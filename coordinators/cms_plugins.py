"""Plugins for the care team page: the coordinators, and the callback form.

Both are dynamic (the form carries a per-visitor CSRF token), so they opt out of the CMS cache;
only the page that holds them is rendered fresh each time.
"""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.edited_elsewhere import EditedElsewhere, Elsewhere

from .contacts import contact_details, coordinators_for
from .views import new_callback_form


def coordinator_records():
    """Where the contact details plugins show are changed: the coordinator records."""
    return Elsewhere(
        what=gettext("The care team’s names, phone numbers and hours"),
        place=gettext("the care coordinator records"),
        url=reverse("admin:coordinators_carecoordinator_changelist"),
    )


@plugin_pool.register_plugin
class CareCoordinatorsPlugin(EditedElsewhere, CMSPluginBase):
    name = _("Care coordinators")
    module = _("Care team")
    render_template = "coordinators/plugins/care_coordinators.html"
    cache = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["contacts"] = contact_details(coordinators_for())
        return context

    def edited_elsewhere(self, instance):
        return coordinator_records()


@plugin_pool.register_plugin
class CallbackFormPlugin(CMSPluginBase):
    name = _("Callback request form")
    module = _("Care team")
    render_template = "coordinators/plugins/callback_form.html"
    cache = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["form"] = new_callback_form(context["request"])
        return context
