"""The referral link form: its section is typed as staff see it, a heading's words, or its id."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from .models import ReferralLink
from .page_headings import find_heading, page_headings


class SectionInput(forms.TextInput):
    """A text box that offers the headings of the link's page."""

    template_name = "referrals/widgets/section_input.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.headings = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.headings:
            context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}_headings"
        context["widget"]["headings"] = self.headings
        return context


class ReferralLinkForm(forms.ModelForm):
    anchor = forms.CharField(
        required=False, max_length=ReferralLink._meta.get_field("anchor").max_length, widget=SectionInput
    )

    class Meta:
        model = ReferralLink
        fields = ["label", "page", "anchor", "language", "code", "is_active", "expires_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = ReferralLink._meta.get_field("anchor")
        self.fields["anchor"].label = field.verbose_name.capitalize()
        self.fields["anchor"].help_text = field.help_text
        if self.instance.page_id:
            self.fields["anchor"].widget.headings = page_headings(self.instance.page, self._language()) or []

    def _language(self):
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return data.get("language") or self.instance.language or settings.LANGUAGE_CODE

    def clean(self):
        cleaned = super().clean()
        typed = (cleaned.get("anchor") or "").strip()
        if typed and cleaned.get("page") is not None:
            try:
                typed = self._section_id(typed, cleaned["page"])
            except ValidationError as error:
                self.add_error("anchor", error)
        cleaned["anchor"] = typed
        return cleaned

    def _section_id(self, typed, page):
        """The id of the heading typed (by its words or its id); or an error that lists the
        page's headings when none matches."""
        headings = page_headings(page, self._language())
        if headings is None:  # not published in that language: its headings cannot be read
            try:
                validate_slug(typed.removeprefix("#"))
            except ValidationError:
                message = _(
                    "This page is not published in this language, so its headings cannot be read. "
                    "Type the end of a link to the section, after the #."
                )
                raise ValidationError(message) from None
            return typed.removeprefix("#")
        self.fields["anchor"].widget.headings = headings
        heading = find_heading(headings, typed)
        if heading is not None:
            return heading.id
        if not headings:
            raise ValidationError(_("This page has no headings to link to. Leave the section empty."))
        raise ValidationError(
            _("No heading of this page matches “%(typed)s”. Its headings are: %(headings)s.")
            % {"typed": typed, "headings": "; ".join(h.title for h in headings)}
        )
