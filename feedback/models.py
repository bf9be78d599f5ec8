"""One visitor's answer to "Did this page help you?"."""

from cms.models import Page
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """Stored with its page, language and date only: no address, cookie or time of day."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    helped = models.BooleanField(_("did the page help?"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    done = models.BooleanField(_("done"), default=False, help_text=_("Tick when the comment has been dealt with."))
    action_taken = models.TextField(
        _("what we changed"),
        blank=True,
        help_text=_("What was changed on the page because of this comment, if anything."),
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_on", "-pk"]
        indexes = [models.Index(fields=["page", "language", "created_on"])]

    def __str__(self):
        answer = _("helped") if self.helped else _("did not help")
        return f"{self.created_on:%Y-%m-%d} {answer}"
