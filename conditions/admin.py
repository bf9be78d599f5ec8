from cms.extensions import PageContentExtensionAdmin
from django.contrib import admin

from .models import PageReview


@admin.register(PageReview)
class PageReviewAdmin(PageContentExtensionAdmin):
    fields = ["reviewed_by", "reviewer_credentials", "reviewed_on", "next_review_due"]
