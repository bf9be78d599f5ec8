"""Decide, for one seeded thing, whether to create it, update it to a newer seed, or leave it.

`sync()` is the one rule for pages, shared content, sources and glossary terms:
- missing: create it, and record the seed entry's hash and the fingerprint it then has;
- seed entry unchanged since it was last applied: nothing to do;
- changed, and the site still holds exactly what was seeded (same fingerprint; for content
  seeded before records were kept, `untouched_legacy()` decides): apply the new entry;
- changed, but staff changed the content (or a draft is waiting): leave it, and keep the new
  entry on the record so content health can say "newer seed content available".
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .fingerprints import digest, fingerprint
from .models import SeedRecord

CREATED, UPDATED, UNCHANGED, EDITED = "created", "updated", "unchanged", "edited by staff"
# Fingerprints of sources and glossary terms as earlier releases seeded them (before records
# were kept), so that a running site's untouched ones can still be recognised and corrected.
PREVIOUS_SEEDS = json.loads((Path(__file__).parent / "previous_seeds.json").read_text())


@dataclass
class Seeded:
    kind: str
    key: str
    language: str = ""

    def label(self):
        return f"{self.key} ({self.language})" if self.language else self.key

    def legacy_fingerprints(self):
        return PREVIOUS_SEEDS.get(self.kind, {}).get(f"{self.language}/{self.key}", [])


def sync(item, spec, *, current, create, update, can_update=lambda: True, untouched_legacy=None) -> str:
    """`current()` gives the fingerprint lines of what the site holds, or None when missing."""
    spec_hash = digest(spec)
    record = SeedRecord.objects.filter(kind=item.kind, key=item.key, language=item.language).first()
    lines = current()
    if lines is None:
        create()
        _remember(item, record, spec_hash, current())
        return CREATED
    if record and record.seed_hash == spec_hash:
        if record.pending_spec is not None:  # a newer entry that the files no longer have
            record.pending_spec = None
            record.save()
        return UNCHANGED
    if record:
        untouched = bool(record.live_hash) and fingerprint(lines) == record.live_hash
    elif untouched_legacy is not None:
        untouched = untouched_legacy()
    else:
        untouched = fingerprint(lines) in item.legacy_fingerprints()
    if untouched and can_update():
        update()
        _remember(item, record, spec_hash, current())
        return UPDATED
    record = record or SeedRecord(kind=item.kind, key=item.key, language=item.language)
    if record.pending_spec != spec:
        record.pending_spec = spec
        record.save()
    return EDITED


def _remember(item, record, spec_hash, lines):
    record = record or SeedRecord(kind=item.kind, key=item.key, language=item.language)
    record.seed_hash, record.live_hash, record.pending_spec = spec_hash, fingerprint(lines), None
    record.save()
