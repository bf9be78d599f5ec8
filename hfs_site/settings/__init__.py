"""Settings package: base (shared; pulls in security and cms), dev (default for manage.py), test,
production. environment.py holds `env`, the one reader of environment variables."""
