"""Models of the condition guide: its plugins and the condition facts extension."""

from cms.extensions import PageContentExtension
from cms.extensions.extension_pool import extension_pool
from cms.models import CMSPlugin
from cms.models.fields import PageField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from djangocms_text.fields import HTMLField
from filer.fields.image import FilerImageField


class Callout(CMSPlugin):
    """A boxed message: information, a warning, or an emergency ("call 911 now")."""

    INFORMATION = "information"
    WARNING = "warning"
    EMERGENCY = "emergency"
    VARIANTS = [
        (INFORMATION, _("Information")),
        (WARNING, _("Warning")),
        (EMERGENCY, _("Emergency")),
    ]

    variant = models.CharField(_("kind"), max_length=20, choices=VARIANTS, default=INFORMATION)
    title = models.CharField(_("title"), max_length=120)
    body = HTMLField(_("text"))

    def __str__(self):
        return f"{self.get_variant_display()}: {self.title}"


class TreatmentOption(CMSPlugin):
    """One treatment, always described under the same headings."""

    name = models.CharField(_("name"), max_length=120)
    anchor = models.SlugField(
        _("link anchor"),
        max_length=80,
        blank=True,
        help_text=_("Used in links to this section, e.g. #microvascular-decompression. Made from the name if empty."),
    )
    summary = HTMLField(_("what it is"))
    how_it_works = HTMLField(_("how it works"))
    benefits = HTMLField(_("how well it works (full text)"))
    risks = HTMLField(_("risks and side effects"))
    recovery = HTMLField(_("recovery"))
    # Short figures, shown in the "at a glance" box here and in the treatment comparison: an
    # editor changes a figure once and both pages show it.
    involves = models.CharField(_("what it involves (short)"), max_length=200, blank=True)
    works_in = models.CharField(_("how soon it works"), max_length=200, blank=True)
    lasts = models.CharField(_("how long it lasts"), max_length=200, blank=True)
    success = models.CharField(_("how well it works (short)"), max_length=200, blank=True)
    main_risks = models.CharField(_("main risks (short)"), max_length=500, blank=True)
    recovery_time = models.CharField(_("recovery (short)"), max_length=200, blank=True)
    sources = models.ManyToManyField(
        "references.Source",
        verbose_name=_("sources of the figures"),
        blank=True,
        related_name="+",
    )

    # (field, label) of the short figures, in the order both pages show them
    FIGURES = [
        ("involves", _("What it involves")),
        ("works_in", _("How soon it works")),
        ("lasts", _("How long it lasts")),
        ("success", _("How well it works")),
        ("main_risks", _("Main risks")),
        ("recovery_time", _("Recovery")),
    ]

    def __str__(self):
        return self.name

    def copy_relations(self, oldinstance):
        self.sources.set(oldinstance.sources.all())

    def figures(self):
        """[(label, value)] of the short figures that are filled in."""
        return [(label, getattr(self, field)) for field, label in self.FIGURES if getattr(self, field)]

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class TreatmentComparison(CMSPlugin):
    """A side-by-side comparison of the treatment options on another page (the treatment page)."""

    caption = models.CharField(_("table caption"), max_length=200)
    treatment_page = PageField(
        verbose_name=_("treatment page"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The page whose treatment options are compared. Their figures are edited there."),
    )

    def __str__(self):
        return self.caption


class CallCareTeam(CMSPlugin):
    """A list of reasons to call the care team, shown with the coordinator's phone number."""

    title = models.CharField(_("title"), max_length=120)
    body = HTMLField(
        _("text"),
        help_text=_("Do not type a phone number: the care team's number is added from the coordinator record."),
    )

    def __str__(self):
        return self.title


class Figure(CMSPlugin):
    """An image from django-filer with alt text (or marked decorative) and an optional caption."""

    image = FilerImageField(verbose_name=_("image"), on_delete=models.PROTECT, related_name="+")
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = models.BooleanField(
        _("decorative only"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text. Screen readers will skip it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    width = models.PositiveIntegerField(
        _("widest size on a computer screen (pixels)"),
        default=720,
        help_text=_(
            "How wide the picture may be shown, in pixels (the dots of a screen). 720 is about as wide "
            "as the text. On phones it fits the screen, and a small picture is never enlarged."
        ),
    )

    def __str__(self):
        return self.alt_text or (self.image.label if self.image_id else "")

    def clean(self):
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": _("Add alternative text, or tick 'decorative only' if the image adds no information.")}
            )
        if self.decorative and self.alt_text.strip():
            raise ValidationError({"alt_text": _("A decorative image has no alternative text. Clear it or untick.")})


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
