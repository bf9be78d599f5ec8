"""The guide's plugins. Each renders a namespaced template in conditions/plugins/."""

from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.contrib import admin
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from common.edited_elsewhere import EditedElsewhere, Elsewhere
from coordinators.cms_plugins import coordinator_records
from coordinators.contacts import contact_details, page_coordinators

from . import values_exercise
from .decision_aid import evidence_years, pictures_of
from .images import responsive
from .models import CallCareTeam, Callout, DecisionAid, Figure, KeyFigure, TreatmentComparison, TreatmentOption
from .treatments import comparison_rows, source_numbers, treatment_options


@plugin_pool.register_plugin
class CalloutPlugin(CMSPluginBase):
    model = Callout
    name = _("Callout")
    module = _("Condition guide")
    render_template = "conditions/plugins/callout.html"


class KeyFigureInline(admin.StackedInline):
    model = KeyFigure
    extra = 0
    fields = ["kind", ("low", "high"), "about", "outcome", "detail", "sources", "position"]
    filter_horizontal = ["sources"]
    verbose_name_plural = _("Key figures, drawn as pictures of 100 people in the decision aid")


@plugin_pool.register_plugin
class TreatmentOptionPlugin(CMSPluginBase):
    model = TreatmentOption
    name = _("Treatment option")
    module = _("Condition guide")
    render_template = "conditions/plugins/treatment_option.html"
    filter_horizontal = ["sources"]
    inlines = [KeyFigureInline]
    fieldsets = [
        (None, {"fields": ["name", "anchor", "summary"]}),
        (_("Full description"), {"fields": ["how_it_works", "benefits", "risks", "recovery"]}),
        (
            _("At a glance (also shown in the treatment comparison)"),
            {
                "fields": ["involves", "works_in", "lasts", "success", "main_risks", "recovery_time", "sources"],
                "description": _("Short phrases. Change a figure here and every page that shows it changes."),
            },
        ),
    ]


def on_treatment_page(instance, what) -> Elsewhere:
    """Where a plugin that shows the treatment page's figures has them edited: on that page."""
    page, language = instance.treatment_page, instance.language
    return Elsewhere(
        what=what,
        place=gettext_now("the page “%(title)s”") % {"title": page.get_title(language)},
        url=page.get_absolute_url(language),
    )


@plugin_pool.register_plugin
class TreatmentComparisonPlugin(EditedElsewhere, CMSPluginBase):
    """Reads the figures from the treatment page's options: they are edited in one place."""

    model = TreatmentComparison
    name = _("Treatment comparison")
    module = _("Condition guide")
    render_template = "conditions/plugins/treatment_comparison.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        options = treatment_options(instance.treatment_page, instance.language)
        context["columns"] = TreatmentOption.FIGURES
        context["treatment_url"] = instance.treatment_page.get_absolute_url(instance.language)
        context["rows"] = comparison_rows(options, source_numbers(instance.placeholder, instance.language))
        return context

    def edited_elsewhere(self, instance):
        return on_treatment_page(instance, gettext_now("The figures in this table"))


@plugin_pool.register_plugin
class DecisionAidPlugin(EditedElsewhere, CMSPluginBase):
    """The options' key figures as pictures, a values exercise and a summary to print."""

    model = DecisionAid
    name = _("Decision aid")
    module = _("Condition guide")
    render_template = "conditions/plugins/decision_aid.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        options = treatment_options(instance.treatment_page, instance.language)
        context["aid"] = aid = f"aid-{instance.pk}"
        context["options"] = pictures_of(options, source_numbers(instance.placeholder, instance.language), aid)
        context["evidence_years"] = evidence_years(options)
        context["questions"] = values_exercise.QUESTIONS
        context["always_ask"] = values_exercise.ALWAYS_ASK
        return context

    def edited_elsewhere(self, instance):
        return on_treatment_page(instance, gettext_now("The figures in these pictures"))


@plugin_pool.register_plugin
class CallCareTeamPlugin(EditedElsewhere, CMSPluginBase):
    """The number comes from the coordinator records, never from page text."""

    model = CallCareTeam
    name = _("Call the care team")
    module = _("Condition guide")
    render_template = "conditions/plugins/call_care_team.html"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        page = getattr(context.get("request"), "current_page", None)
        # the same people as the contact section at the foot of the page
        context["contacts"] = contact_details(page_coordinators(page, instance.language))
        return context

    def edited_elsewhere(self, instance):
        return coordinator_records()


@plugin_pool.register_plugin
class SpasmDiaryPlugin(CMSPluginBase):
    """A blank printable diary; with JavaScript, a diary kept only in the patient's browser."""

    model = CMSPlugin
    name = _("Spasm diary")
    module = _("Condition guide")
    render_template = "conditions/plugins/spasm_diary.html"
    FACE_PARTS = [
        ("eye", _("Eye")),
        ("cheek", _("Cheek")),
        ("mouth", _("Mouth")),
        ("chin", _("Chin")),
        ("neck", _("Neck")),
    ]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["face_parts"] = self.FACE_PARTS
        return context


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
