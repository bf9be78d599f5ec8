"""The project package, on top of every app: settings (split by topic under `settings/`), URLs,
the admin site with its second factor and staff sign-in, the client address behind a proxy,
cache backends that fail soft, request checks and the health probes."""
