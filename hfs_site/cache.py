"""The single-server cache: diskcache (SQLite files in DATA_DIR/cache), shared by every worker.

Django's own file cache lists its whole directory on every write once it holds many entries,
which made each page-cache miss slower the longer the site ran. diskcache keeps entries in
SQLite and evicts the least recently stored when it reaches its size limit.
"""

from diskcache import DjangoCache


class PersistentDiskCache(DjangoCache):
    """Keeps its SQLite connections open between requests. Django closes every cache when a
    request finishes; for diskcache that means reconnecting (and setting up SQLite again) on
    the next request, which cost more than serving a cached page."""

    def close(self, **kwargs):
        pass
