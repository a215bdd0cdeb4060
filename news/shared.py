"""What the news pages and their feeds both use, kept apart so neither imports the other."""

# Renditions: the cards of listings, of the home page and of the feeds share one; the
# page shows a wider one; social networks get the 1.91:1 picture they crop to anyway.
CARD_RENDITION = "fill-640x360"
PAGE_RENDITION = "max-960x640"
SHARE_RENDITION = "fill-1200x630"


def route_url(index, request, name, *args):
    """The public URL of a route of the news index ``index`` (listing, month, rubric, feed)."""
    resolver = index.specific_class.get_resolver()
    return index.get_url(request) + resolver.reverse(name, *args)
