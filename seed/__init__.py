"""The seed: `manage.py seed_site` builds the site's pages, shared content, sources, glossary and
first coordinator from the files in seed/content/, and keeps them up to date.

Each seeded page (per language), shared alias, source and glossary term has a SeedRecord: a hash
of the seed file's entry and a fingerprint of what the site held right after seeding. A later
run publishes a changed seed entry as a new version only where the site still holds exactly what
was seeded; where staff have changed it, the record is marked "newer seed content available" and
content health links to a comparison.
"""
