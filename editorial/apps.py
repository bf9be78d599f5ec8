from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial workflow (see the package's docstring)."""

    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from caching.registry import changes_pages, refresh_on_publish

        from .models import PageReview
        from .publishing import register_publish_rules
        from .rich_text import keep_rich_text_accessible

        register_publish_rules()
        keep_rich_text_accessible()
        # a recorded review shows on its page and in the list of reviews so far
        changes_pages(PageReview, plugins=["ReviewRecordsPlugin"])
        refresh_on_publish("ReviewRecordsPlugin")  # a new version of a page has no review yet
