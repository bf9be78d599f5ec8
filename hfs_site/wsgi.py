"""WSGI entry point (gunicorn hfs_site.wsgi). Defaults to production settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hfs_site.settings.production")

application = get_wsgi_application()
