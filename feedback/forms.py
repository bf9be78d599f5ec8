"""The "Did this page help you?" form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.validators import no_control_characters

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    template_name = "feedback/fields.html"

    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    helped = forms.TypedChoiceField(
        label=_("Did this page help you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("How could we make this page better? (optional)"),
        help_text=_(
            "Up to 500 characters. Do not include personal or medical details, such as your name or phone "
            "number. We cannot reply."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={"max_length": _("Your comment must be 500 characters or fewer.")},
    )
    # Honeypot: hidden from people (and screen readers); bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        no_control_characters(comment)
        return comment

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
