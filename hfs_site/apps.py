from django.contrib.admin.apps import AdminConfig


class SiteAdminConfig(AdminConfig):
    """django.contrib.admin, using the site in hfs_site.admin_site (optional second factor)."""

    default_site = "hfs_site.admin_site.SiteAdmin"
