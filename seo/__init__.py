"""Search engines and sharing: the sitemap, robots.txt, the structured data (JSON-LD) each page
carries, including the questions page's FAQPage, and the absolute addresses that canonical,
hreflang and sharing tags use."""
