"""The care team's main phone line from settings, for pages that must not touch the database."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from common.addresses import tel_number

register = template.Library()


@register.simple_tag
def care_team_phone_link():
    phone = settings.CARE_TEAM_PHONE
    return format_html('<a href="tel:{}">{}</a>', tel_number(phone), phone)
