"""Referral links (/r/<code>/) that coordinators print on letters, and their daily visit counts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.addresses import absolute_url

from . import codes


class ReferralLink(models.Model):
    label = models.CharField(
        _("label"), max_length=120, help_text=_("Who or what the link is for, e.g. Riverside Family Clinic letters.")
    )
    page = models.ForeignKey(
        "cms.Page",
        verbose_name=_("target page"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="referral_links",
        help_text=_("The link follows this page if it is moved or renamed."),
    )
    anchor = models.SlugField(
        _("section of the page"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional: the part of the page the link opens at. Type the words of one of the page's headings "
            "(or the end of a link to it, after the #)."
        ),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, help_text=_("Empty: the default.")
    )
    code = models.CharField(
        _("code"),
        max_length=codes.MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_("6 to 8 letters and digits, no 0, O, 1, I or L. Leave empty to make one."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True, help_text=_("Last day the link works."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("referral link")
        verbose_name_plural = _("referral links")
        ordering = ["label"]

    def __str__(self):
        return f"{self.label} ({self.code})"

    def save(self, *args, **kwargs):
        if self.code:
            self.code = codes.normalize(self.code)
            return super().save(*args, **kwargs)
        for _attempt in range(10):  # a clash is rare: 31^7 codes
            self.code = codes.generate()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not ReferralLink.objects.filter(code=self.code).exists():
                    raise
        raise IntegrityError("Could not find a free referral code")

    def clean(self):
        if self.code:
            self.code = codes.normalize(self.code)
            if not codes.is_valid(self.code):
                raise ValidationError(
                    {"code": _("Use 6 to 8 characters from %(alphabet)s.") % {"alphabet": codes.ALPHABET}}
                )

    @property
    def short_path(self):
        return reverse("referrals:follow", args=[self.code])

    @property
    def short_url(self):
        return absolute_url(self.short_path)

    def is_usable(self, today=None):
        today = today or timezone.localdate()
        return self.is_active and self.page_id is not None and (self.expires_on is None or self.expires_on >= today)

    def target_url(self):
        language = self.language or settings.LANGUAGE_CODE
        url = self.page.get_absolute_url(language)
        return f"{url}#{self.anchor}" if self.anchor else url

    def count_visit(self):
        today = timezone.localdate()
        updated = ReferralVisit.objects.filter(link=self, day=today).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    ReferralVisit.objects.create(link=self, day=today, count=1)
            except IntegrityError:  # another request created today's row first
                ReferralVisit.objects.filter(link=self, day=today).update(count=F("count") + 1)

    def total_visits(self):
        return self.visits.aggregate(total=Sum("count"))["total"] or 0


class ReferralVisit(models.Model):
    """How many times a link was followed on one day. Nothing about who followed it."""

    link = models.ForeignKey(ReferralLink, on_delete=models.CASCADE, related_name="visits")
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["link", "day"], name="one_count_per_link_and_day")]

    def __str__(self):
        return f"{self.day}: {self.count}"
