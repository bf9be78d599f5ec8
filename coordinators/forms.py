"""The "Ask us to call you back" form: lenient where people differ, strict where it matters."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.validators import no_control_characters, no_markup, single_line

from .models import CallbackRequest

PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-]+$")


class CallbackRequestForm(forms.ModelForm):
    template_name = "coordinators/includes/callback_fields.html"

    # Honeypot: hidden from people (and screen readers); bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this empty"), max_length=200)
    consent = forms.BooleanField(
        required=True,
        label=_("I agree that the care team may contact me by phone or e-mail about this request."),
        error_messages={"required": _("Tick the box to say we may contact you.")},
    )

    class Meta:
        model = CallbackRequest
        fields = ["name", "phone", "email", "best_time", "heard_about", "message", "consent"]
        labels = {
            "name": _("Your name"),
            "phone": _("Phone number"),
            "email": _("E-mail address"),
            "best_time": _("Best time to call"),
            "heard_about": _("How did you hear about us? (optional)"),
            "message": _("Short message (optional)"),
        }
        help_texts = {
            "phone": _("Give a phone number, an e-mail address, or both."),
            "heard_about": _("For example, your doctor's name, or the code on your referral letter."),
            "message": _("500 characters at most. Please do not include detailed medical information."),
        }
        widgets = {
            "best_time": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {
                "required": _("Enter your name."),
                "max_length": _("Your name must be 100 characters or fewer."),
            },
            "phone": {"max_length": _("The phone number must be 30 characters or fewer.")},
            "email": {
                "invalid": _("Enter an e-mail address in the right format, like name@example.com."),
                "max_length": _("The e-mail address must be 254 characters or fewer."),
            },
            "heard_about": {"max_length": _("This answer must be 100 characters or fewer.")},
            "message": {"max_length": _("Your message must be 500 characters or fewer.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel", "inputmode": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["message"].widget.attrs["maxlength"] = 500
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name in ("name", "heard_about", "message"):
            self.fields[name].validators.append(no_markup)
        for name in ("name", "heard_about", "phone"):
            self.fields[name].validators.append(single_line)
        self.fields["message"].validators.append(no_control_characters)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Enter your name."), code="required")
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        digits = sum(ch.isdigit() for ch in phone)
        if not PHONE_CHARACTERS.match(phone) or not 7 <= digits <= 15:
            raise ValidationError(
                _("Enter a phone number using digits, spaces, dashes, brackets and +, like (555) 010-4477."),
                code="invalid",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # Only software fills in the hidden field; say so without pointing at a field people cannot see.
            self.add_error(
                None,
                ValidationError(
                    _("This form could not be sent. Please call the care coordinator instead."), code="honeypot"
                ),
            )
        contact_given = cleaned.get("phone") or cleaned.get("email")
        contact_invalid = "phone" in self.errors or "email" in self.errors
        if not contact_given and not contact_invalid:
            self.add_error("phone", ValidationError(_("Enter a phone number or an e-mail address."), code="contact"))
        return cleaned
