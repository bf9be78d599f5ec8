"""Shared helpers at the bottom of the site: any app may use them, and they import no app of the
site. The public addresses and phone links (`addresses`), which guide a page belongs to
(`guide_tree`), the lxml toolkit for reading and changing rendered HTML (`html`), requests the
site makes to itself through Django's WSGI handler (`site_requests`) and text checks
(`validators`)."""
