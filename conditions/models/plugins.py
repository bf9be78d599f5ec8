"""The condition guide's plugins and the key figures of its treatment options."""

from cms.models import CMSPlugin
from cms.models.fields import PageField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
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
        for figure in oldinstance.key_figures.all():
            sources = list(figure.sources.all())
            figure.pk, figure.option = None, self
            figure.save()
            figure.sources.set(sources)

    def figure_text(self, field) -> str:
        """A short figure as the pages show it: for "how well it works" and "main risks", the key
        figures in words come first, then the short text."""
        kind = {"success": KeyFigure.BENEFIT, "main_risks": KeyFigure.HARM}.get(field)
        sentences = [figure.caption() for figure in self.key_figures.all() if figure.kind == kind]
        return " ".join([*sentences, getattr(self, field)]).strip()

    def figures(self):
        """[(label, value)] of the short figures that are filled in."""
        shown = [(label, self.figure_text(field)) for field, label in self.FIGURES]
        return [(label, value) for label, value in shown if value]

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = slugify(self.name)[:80]
        super().save(*args, **kwargs)


class KeyFigure(models.Model):
    """A figure of a treatment option, counted in 100 people: "2 to 5 in 100 people have hearing
    loss on that side for good". It is typed once: the comparison and the "at a glance" box say
    it in words, and the decision aid draws it as a picture of 100 people."""

    BENEFIT, HARM = "benefit", "harm"
    KINDS = [(BENEFIT, _("how many it helps")), (HARM, _("a risk: how many have it"))]

    option = models.ForeignKey(TreatmentOption, on_delete=models.CASCADE, related_name="key_figures")
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS, default=BENEFIT)
    low = models.PositiveSmallIntegerField(
        _("how many in 100"),
        validators=[MaxValueValidator(100)],
        help_text=_("A whole number from 0 to 100. If the studies give a range, the lowest number."),
    )
    high = models.PositiveSmallIntegerField(
        _("up to"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Only if the studies give a range: the highest number. Otherwise leave it empty."),
    )
    about = models.BooleanField(
        _("say “about”"),
        default=True,
        help_text=_("Tick it when the number is rounded: 0.9 in 100 is shown as “about 1 in 100”."),
    )
    outcome = models.CharField(
        _("what happens to them"),
        max_length=160,
        help_text=_("Ends the sentence “… in 100 people …”. For example: have hearing loss on that side for good"),
    )
    detail = models.CharField(
        _("exact figures"),
        max_length=300,
        blank=True,
        help_text=_("Optional. For example: 2.3 in 100 in a review of 22 studies"),
    )
    sources = models.ManyToManyField("references.Source", verbose_name=_("sources"), related_name="+")
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("key figure (a picture of 100 people)")
        verbose_name_plural = _("key figures (pictures of 100 people)")

    def __str__(self):
        return self.sentence()

    def clean(self):
        if self.high is not None and self.low is not None and self.high <= self.low:
            raise ValidationError({"high": _("Make this more than “how many in 100”, or leave it empty.")})

    def phrase(self) -> str:
        """ "About 2 to 5 in 100 people lose hearing on that side for good", with no full stop."""
        numbers = {"low": self.low, "high": self.high, "outcome": self.outcome.strip().rstrip(".")}
        if self.high is None and self.about:
            text = _("About %(low)s in 100 people %(outcome)s")
        elif self.high is None:
            text = _("%(low)s in 100 people %(outcome)s")
        elif self.about:
            text = _("About %(low)s to %(high)s in 100 people %(outcome)s")
        else:
            text = _("%(low)s to %(high)s in 100 people %(outcome)s")
        return text % numbers

    def sentence(self) -> str:
        return f"{self.phrase()}."

    def caption(self) -> str:
        """The sentence with the exact figures: the text alternative of its picture."""
        return f"{self.phrase()} ({self.detail.strip()})." if self.detail.strip() else self.sentence()


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


class DecisionAid(CMSPlugin):
    """The decision aid: the treatment options' key figures as pictures of 100 people, a "what
    matters to you" exercise and a summary to print. Figures come from the treatment page."""

    treatment_page = PageField(
        verbose_name=_("treatment page"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The page whose treatment options and key figures are shown. Their figures are edited there."),
    )

    def __str__(self):
        return str(_("Decision aid"))


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
