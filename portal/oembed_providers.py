"""oEmbed providers missing from Wagtail's list (``wagtail.embeds.oembed_providers``),
in its format, for the ``providers`` option of Wagtail's oEmbed finder in
``WAGTAILEMBEDS_FINDERS``. Plain data: the settings import it."""

# RuTube publishes an oEmbed endpoint for its videos and shorts.
rutube = {
    "endpoint": "https://rutube.ru/api/oembed/",
    "urls": [
        r"^https?://(?:www\.)?rutube\.ru/video/(?:private/)?[0-9a-zA-Z]+/?(?:\?.*)?$",
        r"^https?://(?:www\.)?rutube\.ru/shorts/[0-9a-zA-Z]+/?(?:\?.*)?$",
    ],
}
