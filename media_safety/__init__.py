"""Uploads are pictures only: filer's upload validator checks each file by its content (JPEG,
PNG, GIF or WebP), refuses anything else or anything too large, and re-encodes what it keeps
without its metadata (location, camera, author)."""
