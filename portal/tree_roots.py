"""Russian title of the tree's root page, which Wagtail creates as "Root".

The root page (above the Russian and English home pages) shows in the admin's
breadcrumbs and listings; its stored title is data, not a translatable string, so
the portal names it in Russian itself (migration ``portal.0005``, the demo and the
test factories).
"""

ROOT_PAGE_TITLE = "Все сайты"
