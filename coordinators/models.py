"""Care coordinators (the people patients reach) and the callback requests patients send them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField

from common.addresses import tel_number
from common.validators import no_control_characters

# What a coordinator's record says about them in words, kept once per language: the English
# field, and a field of the same name plus "_es" for the Spanish site (empty: the English is shown).
TRANSLATED_FIELDS = ["role", "introduction", "languages", "photo_alt_text"]
SPANISH_HELP = _("As Spanish-speaking patients should read it. Leave empty to show the English.")


class CareCoordinator(models.Model):
    """A person on the care team. Their role, introduction, languages and photo description are
    written in English and in Spanish (the `_es` fields); `translated` picks the ones for the
    page being shown. Two languages and four short fields do not need a translation library."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, default=_("Care coordinator"))
    photo = FilerImageField(verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    photo_alt_text = models.CharField(
        _("photo description"),
        max_length=200,
        blank=True,
        help_text=_("Required with a photo. For example: Maria Lopez smiling, in a blue top."),
    )
    phone = models.CharField(_("direct phone"), max_length=40, help_text=_("As patients should dial it."))
    email = models.EmailField(_("e-mail"))
    time_zone = models.CharField(_("time zone of the opening hours"), max_length=60, default=settings.TIME_ZONE)
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: English, Spanish")
    )
    introduction = models.TextField(_("short introduction"), max_length=600, blank=True)
    role_es = models.CharField(_("role in Spanish"), max_length=120, blank=True, help_text=SPANISH_HELP)
    introduction_es = models.TextField(
        _("short introduction in Spanish"), max_length=600, blank=True, help_text=SPANISH_HELP
    )
    languages_es = models.CharField(
        _("languages spoken, in Spanish"),
        max_length=200,
        blank=True,
        help_text=_("For example: inglés, español. Leave empty to show the English."),
    )
    photo_alt_text_es = models.CharField(
        _("photo description in Spanish"), max_length=200, blank=True, help_text=SPANISH_HELP
    )
    guides = models.ManyToManyField(
        "cms.Page",
        verbose_name=_("condition guides"),
        blank=True,
        related_name="care_coordinators",
        help_text=_(
            "The first page of each condition guide whose patients should contact this person. "
            "If a guide names nobody, its pages show every active coordinator."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("care coordinator")
        verbose_name_plural = _("care coordinators")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError({"photo_alt_text": _("Describe the photo for people who cannot see it.")})
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"time_zone": _("Use a time zone name such as America/New_York.")}) from None

    @property
    def tel_link(self):
        return tel_number(self.phone)

    def in_language(self, field, language=None):
        """The text of `field` (one of TRANSLATED_FIELDS) for `language` (default: the active
        one): its own translation when there is one, or else the English."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return getattr(self, f"{field}_{language}", "").strip() or getattr(self, field)

    @property
    def translated(self):
        """{field: text} in the active language, for templates: `person.translated.role`."""
        return {field: self.in_language(field) for field in TRANSLATED_FIELDS}


class OpeningHours(models.Model):
    WEEKDAYS = [
        (0, _("Monday")),
        (1, _("Tuesday")),
        (2, _("Wednesday")),
        (3, _("Thursday")),
        (4, _("Friday")),
        (5, _("Saturday")),
        (6, _("Sunday")),
    ]
    coordinator = models.ForeignKey(CareCoordinator, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The line must close after it opens.")})


class CallbackRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        CLOSED = "closed", _("Closed")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")

    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    best_time = models.CharField(_("best time to call"), max_length=20, choices=BestTime, default=BestTime.ANY)
    heard_about = models.CharField(_("how they heard about us or referral code"), max_length=100, blank=True)
    message = models.TextField(_("message"), max_length=500, blank=True)
    consent = models.BooleanField(_("agreed to be contacted"), default=False)
    language = models.CharField(
        _("language of the site they used"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Call back in this language if you can."),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    notified_at = models.DateTimeField(_("coordinators notified"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("callback request")
        verbose_name_plural = _("callback requests")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Callback request %(number)s") % {"number": self.pk}


class CallbackNote(models.Model):
    """One entry in a callback request's history: who wrote what, and when. Notes are only ever
    added (the admin shows earlier ones read-only), so the history cannot be overwritten."""

    callback = models.ForeignKey(
        CallbackRequest, verbose_name=_("callback request"), on_delete=models.CASCADE, related_name="history"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_at = models.DateTimeField(_("written on"), default=timezone.now)
    text = models.TextField(_("note"), max_length=2000, validators=[no_control_characters])

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["written_at", "pk"]

    def __str__(self):
        return date_format(timezone.localtime(self.written_at), "DATETIME_FORMAT")
