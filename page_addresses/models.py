"""The addresses published pages have had, so that each old one can redirect to the page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageAddress(models.Model):
    """One address (the URL path, with its language prefix) that a published page has had.

    An address belongs to the last page that had it: when a new page takes an old address, the
    row moves to the new page. `page` is empty once the page is deleted; the address is kept,
    and redirects nowhere, until another page takes it.
    """

    path = models.CharField(_("address"), max_length=255, unique=True)
    language = models.CharField(_("language"), max_length=10)
    page = models.ForeignKey(
        "cms.Page", verbose_name=_("page"), null=True, on_delete=models.SET_NULL, related_name="past_addresses"
    )
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)

    class Meta:
        verbose_name = _("page address")
        verbose_name_plural = _("page addresses")
        ordering = ["path"]

    def __str__(self):
        return self.path
