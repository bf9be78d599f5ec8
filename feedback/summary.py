"""What visitors said about each page, for content health."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import PageFeedback

NEWEST_COMMENTS = 5


@dataclass
class Answers:
    yes: int = 0
    no: int = 0
    comments: list = field(default_factory=list)  # the newest open comments: {"date", "helped", "comment", "id"}


def answers_by_page(since) -> dict[tuple[int, str], Answers]:
    """(page id, language) -> yes and no counts since `since`, and the newest open comments."""
    result = defaultdict(Answers)
    recent = PageFeedback.objects.filter(created_on__gte=since)
    counts = recent.values("page_id", "language").annotate(
        yes=Count("pk", filter=Q(helped=True)), no=Count("pk", filter=Q(helped=False))
    )
    for row in counts:
        answers = result[(row["page_id"], row["language"])]
        answers.yes, answers.no = row["yes"], row["no"]
    for item in recent.exclude(comment="").filter(done=False).order_by("-created_on", "-pk"):
        answers = result[(item.page_id, item.language)]
        if len(answers.comments) < NEWEST_COMMENTS:
            answers.comments.append(
                {"id": item.pk, "date": item.created_on, "helped": item.helped, "comment": item.comment}
            )
    return dict(result)
