"""Russian names of the two tree roots Wagtail creates as "Root".

The root page (above the Russian and English home pages) and the root collection
show in the admin's breadcrumbs, choosers and collection lists; their stored names
are data, not translatable strings, so the portal names them in Russian itself
(migration ``portal.0005``, the demo and the test factories).
"""

ROOT_PAGE_TITLE = "Все сайты"
ROOT_COLLECTION_NAME = "Все коллекции"
