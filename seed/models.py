"""What seed_site last put on the site, so corrections can reach running sites safely."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("page")
        ALIAS = "alias", _("shared content")
        SOURCE = "source", _("source")
        GLOSSARY = "glossary", _("glossary term")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(
        _("name"),
        max_length=200,
        help_text=_(
            "What the seed files call it: the page's reverse ID, the shared content's name, the source's "
            "short name or the glossary term's link anchor."
        ),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    seed_hash = models.CharField(_("seed file hash"), max_length=64, blank=True)
    live_hash = models.CharField(
        _("fingerprint after seeding"), max_length=64, blank=True, help_text=_("Empty when staff had changed it.")
    )
    pending_spec = models.JSONField(
        _("newer seed content"),
        null=True,
        blank=True,
        help_text=_("A newer seed entry not applied because staff changed this."),
    )
    updated_at = models.DateTimeField(_("last seeded"), auto_now=True)

    class Meta:
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")
        constraints = [models.UniqueConstraint(fields=["kind", "key", "language"], name="seed_record_unique")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key} ({self.language})" if self.language else self.key

    @property
    def has_newer_seed(self):
        return self.pending_spec is not None
