"""Caching: what makes a page fast, and what makes a change show at once.

A visitor's page passes through two layers: django CMS's page cache (shared by every worker:
diskcache files or Redis) and, in front of it, each worker's copy of finished anonymous pages
(`hot_pages`). A page that is rendered afresh reuses the parts around its content (menus,
guide navigation, dates, contacts) from the shared cache (`fragments`). All of it depends on
one number, the site's content version (`versions`). Apps declare which of their models change
which pages (`registry.changes_pages`); saving one, like publishing, moving or deleting a page
(`cms_events`), bumps that version and clears the CMS caches of the pages concerned.
"""
