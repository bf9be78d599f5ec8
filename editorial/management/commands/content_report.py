"""Print the content health report. With --strict, exit 1 when any page needs attention."""

import json

from django.core.management.base import BaseCommand, CommandError

from editorial.content_health import PageHealth, build_report, write_csv


class Command(BaseCommand):
    help = "Content health of every page and language: publishing, review, readability, links, feedback."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
        parser.add_argument(
            "--strict", action="store_true", help="Exit with status 1 if any published page has a flag."
        )

    def handle(self, *args, format, strict, **options):
        rows = build_report()
        if format == "json":
            self.stdout.write(json.dumps([row.as_dict() for row in rows], indent=2, default=str))
        elif format == "csv":
            write_csv(rows, self.stdout)
        else:
            self._table(rows)
        flagged = [row for row in rows if row.flags]
        if strict and flagged:
            raise CommandError(f"{len(flagged)} page(s) need attention.", returncode=1)

    def _table(self, rows: list[PageHealth]):
        for row in rows:
            if row.grade is not None:
                readability = f"grade {row.grade:>5.1f}"
            elif row.inflesz is not None:
                readability = f"INFLESZ {row.inflesz:>5.1f}"
            else:
                readability = "-"
            flags = "; ".join(row.flags) or "ok"
            self.stdout.write(
                f"{row.url or '(not published)':<45} {row.language} {row.status:<11} {readability:<13} "
                f"words {row.words or 0:>4}  review: {row.review:<12} {flags}"
            )
