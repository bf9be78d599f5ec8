"""The plugin that lists the clinical reviews recorded so far."""

from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .reviews import reviewed_pages


@plugin_pool.register_plugin
class ReviewRecordsPlugin(CMSPluginBase):
    """Which pages a clinician has reviewed, read from the review records (never typed in), for
    "How we make this information". Says so plainly when none has been reviewed yet."""

    model = CMSPlugin
    name = _("Clinical reviews so far")
    module = _("Condition guide")  # where editors look for it
    render_template = "editorial/plugins/review_records.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["reviews"] = reviewed_pages(instance.language)
        return context
