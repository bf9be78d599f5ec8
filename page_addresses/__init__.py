"""Page addresses that never break.

Addresses of guide pages are printed on referral letters. Every address a published page has had
keeps working: it answers with a permanent redirect (301) to the page's address now, in every
language (`history`, served by django.contrib.redirects through `middleware`). Moving a
published page to another place in the tree, or deleting it, first shows the editor what
changes: the new addresses, and the pages and referral links that point to it (`moves`,
`deletes`, `pointers`).
"""
