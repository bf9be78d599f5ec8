"""The clinical review of a page version, and the admin's "Content health" report's place."""

import calendar

from cms.extensions import PageContentExtension
from cms.extensions.extension_pool import extension_pool
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.validators import no_markup, single_line


class PageReview(PageContentExtension):
    """Clinical review of one page in one language, edited from the toolbar's Page menu."""

    reviewed_by = models.CharField(_("reviewed by"), max_length=120, blank=True, validators=[single_line, no_markup])
    reviewer_credentials = models.CharField(
        _("reviewer's credentials"),
        max_length=120,
        blank=True,
        help_text=_("For example: MD, Consultant neurologist"),
        validators=[single_line, no_markup],
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the review date plus the usual review period (24 months)."),
    )

    class Meta:
        db_table = "conditions_pagereview"  # made by the conditions app, before this app existed
        verbose_name = _("clinical review")
        verbose_name_plural = _("clinical reviews")

    def __str__(self):
        return f"{self.reviewed_by} {self.reviewed_on or ''}".strip()

    def clean(self):
        if bool(self.reviewed_by.strip()) != bool(self.reviewed_on):
            raise ValidationError(_("Give both the reviewer's name and the review date, or neither."))
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": _("The review date cannot be in the future.")})
        if self.next_review_due and not self.reviewed_on:
            raise ValidationError({"next_review_due": _("Set the review date first.")})
        if self.next_review_due and self.reviewed_on and self.next_review_due <= self.reviewed_on:
            raise ValidationError({"next_review_due": _("The next review must be after the last review.")})

    def save(self, *args, **kwargs):
        if self.reviewed_on and not self.next_review_due:
            self.next_review_due = add_months(self.reviewed_on, settings.CLINICAL_REVIEW_INTERVAL_MONTHS)
        super().save(*args, **kwargs)


def add_months(day, months):
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


extension_pool.register(PageReview)


class ContentHealth(PageReview):
    """No data of its own: gives the admin's "Content health" report a place and a permission."""

    class Meta:
        proxy = True
        verbose_name = _("content health")
        verbose_name_plural = _("content health")
        default_permissions = ("view",)
