"""Each request's old single notes box becomes the first entry of its notes history.

Who wrote the old text was never recorded, so the entry has no author; its date is when the
request was last handled (or, if never, when it arrived). Going back joins the history into the
box again, oldest first.
"""

from django.db import migrations


def notes_to_history(apps, schema_editor):
    CallbackRequest = apps.get_model("coordinators", "CallbackRequest")
    CallbackNote = apps.get_model("coordinators", "CallbackNote")
    for request in CallbackRequest.objects.exclude(notes=""):
        if request.notes.strip():
            CallbackNote.objects.create(
                callback=request, author=None, written_at=request.handled_at or request.created_at, text=request.notes
            )


def history_to_notes(apps, schema_editor):
    CallbackRequest = apps.get_model("coordinators", "CallbackRequest")
    for request in CallbackRequest.objects.filter(history__isnull=False).distinct():
        request.notes = "\n\n".join(request.history.order_by("written_at", "pk").values_list("text", flat=True))
        request.save(update_fields=["notes"])


class Migration(migrations.Migration):
    dependencies = [
        ("coordinators", "0003_callback_notes_and_spanish_coordinator_fields"),
    ]

    operations = [migrations.RunPython(notes_to_history, history_to_notes)]
