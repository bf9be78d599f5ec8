"""The editorial workflow: how staff keep the pages medically up to date and safe to publish.

Clinical reviews of page versions and the list of reviews so far, the staff roles and their
permissions, the rules a page must meet before it is published, the accessible rich text
allowed in pages, the content health report (readability, links, reviews, feedback) and the
toolbar entries that lead there, and what signed-in staff need from the browser to edit.
"""
