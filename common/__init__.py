"""Small helpers every app may use; nothing here imports an app of the site."""
