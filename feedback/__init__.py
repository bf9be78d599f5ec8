"""Page feedback: "Did this page help you?" at the end of every guide page.

Visitors answer yes or no and may add a short comment. Each answer is stored with its page,
language and date, and nothing about the visitor. Editors read the answers in content health
and in the admin, mark comments "done" with what they changed, and old comments are purged by
`manage.py purge_page_feedback`. The form is in the cached page, so it carries no CSRF token:
the view accepts only posts that come from this site (their Origin or Referer header).
"""
