"""Uploaded pictures: checked and stripped of metadata by a filer upload validator
(media_safety.validators, wired in the settings), and recorded as stored (these signals)."""

import logging

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_save, pre_save

logger = logging.getLogger(__name__)


def record_cleaned_upload(sender, instance, raw=False, **kwargs):
    """filer reads a new upload's size, hash and dimensions when the admin's upload form is
    checked, before its validators run; the validator has since rewritten the file (and may have
    turned it upright), so filer reads them again from the file about to be stored."""
    if raw or not instance._state.adding or not instance.file:
        return
    instance.file_data_changed()


def record_stored_size(sender, instance, raw=False, **kwargs):
    """A file replaced through the change form keeps the size of the upload as sent (the
    validator shrank it afterwards): record the size of the file as stored."""
    if raw or not instance.file:
        return
    try:
        stored_size = instance.file.size
    except Exception:  # a storage that cannot answer must not turn a saved upload into an error
        logger.warning("Could not read the stored size of filer image %s", instance.pk)
        return
    if stored_size != instance.size:
        sender.objects.filter(pk=instance.pk).update(_file_size=stored_size)
        instance._file_size = stored_size


class MediaSafetyConfig(AppConfig):
    name = "media_safety"

    def ready(self):
        image_model = apps.get_model(settings.FILER_IMAGE_MODEL)
        pre_save.connect(record_cleaned_upload, sender=image_model, dispatch_uid="media_safety.cleaned_upload")
        post_save.connect(record_stored_size, sender=image_model, dispatch_uid="media_safety.stored_size")
