"""The condition facts page extension: what a guide is about, for search engines."""

from cms.extensions import PageContentExtension
from cms.extensions.extension_pool import extension_pool
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConditionFacts(PageContentExtension):
    """What a condition guide is about, for search engines (schema.org MedicalCondition).

    Set on the first page of a guide; the structured data on every page of the guide is built
    from these fields and from the guide's treatment plugins.
    """

    NEUROLOGIC = "Neurologic"
    SPECIALTIES = [(NEUROLOGIC, _("Neurology")), ("Surgical", _("Surgery")), ("PrimaryCare", _("Primary care"))]

    condition_name = models.CharField(_("condition"), max_length=120)
    alternate_names = models.CharField(
        _("other names"), max_length=300, blank=True, help_text=_("Separate names with commas: facial twitch, HFS")
    )
    signs_and_symptoms = models.TextField(_("signs and symptoms"), blank=True, help_text=_("One per line."))
    causes = models.TextField(_("causes"), blank=True, help_text=_("One per line."))
    specialty = models.CharField(_("medical specialty"), max_length=40, choices=SPECIALTIES, default=NEUROLOGIC)

    class Meta:
        verbose_name = _("condition facts")
        verbose_name_plural = _("condition facts")

    def __str__(self):
        return self.condition_name

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    def alternate_name_list(self):
        return [name.strip() for name in self.alternate_names.split(",") if name.strip()]

    def sign_list(self):
        return self._lines(self.signs_and_symptoms)

    def cause_list(self):
        return self._lines(self.causes)


extension_pool.register(ConditionFacts)
