"""General-purpose content blocks: text, headings, images, files, embeds, tables."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.embeds import find_embed_or_none, video_address

from .media import video_context
from .safety import SafeRenderMixin, normalized_table, refuse_table

# Rich text everywhere uses one feature list; headings come from HeadingBlock so the
# document outline stays valid (h1 is the page title).
RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "superscript",
    "subscript",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]


def paragraph_block():
    """The rich-text paragraph of every stream (a function, not a subclass, so that
    migrations keep deconstructing it as Wagtail's own ``RichTextBlock``)."""
    return blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Текст"),
        template="blocks/paragraph_block.html",
    )


class HeadingBlock(SafeRenderMixin, blocks.StructBlock):
    """A section heading; level 2–4 because the page title is the only h1."""

    text = blocks.CharBlock(label=_("Текст"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Уровень 2")), ("h3", _("Уровень 3")), ("h4", _("Уровень 4"))],
        default="h2",
        label=_("Уровень"),
        # The level is layout, not text: keep "Уровень 2" out of search snippets.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Заголовок")
        template = "blocks/heading_block.html"


class CalloutBlock(SafeRenderMixin, blocks.StructBlock):
    """A highlighted note: a rule to remember, a warning, an important date."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("info", _("Заметка")),
            ("remember", _("Запомните")),
            ("warning", _("Внимание")),
        ],
        default="info",
        label=_("Вид"),
        search_index=False,
    )
    title = blocks.CharBlock(required=False, max_length=200, label=_("Заголовок"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Текст"))

    class Meta:
        icon = "warning"
        label = _("Выноска")
        template = "blocks/callout_block.html"


class ImageBlock(SafeRenderMixin, blocks.StructBlock):
    """An image with its caption and an alternative text for screen readers."""

    image = ImageChooserBlock(label=_("Изображение"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Альтернативный текст"),
        help_text=_("Что изображено — для незрячих посетителей. Пусто: название изображения."),
    )
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Подпись"))

    class Meta:
        icon = "image"
        label = _("Изображение")
        template = "blocks/image_block.html"


class DocumentBlock(SafeRenderMixin, blocks.StructBlock):
    """A downloadable file (handout, worksheet) with a short description."""

    document = DocumentChooserBlock(label=_("Документ"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Название"),
        help_text=_("Пусто: название документа."),
    )
    description = blocks.TextBlock(required=False, max_length=500, label=_("Описание"))

    class Meta:
        icon = "doc-full"
        label = _("Документ")
        template = "blocks/document_block.html"


class OfflineVideoEmbedBlock(EmbedBlock):
    """Wagtail's embed block that takes a RuTube / VK Video / YouTube address without
    asking the service (``portal.embeds.video_address``); other addresses still need
    an oEmbed answer, as in Wagtail."""

    def clean(self, value):
        if isinstance(value, EmbedValue) and video_address(value.url) is not None:
            # URLBlock's own check only: the address is well-formed and recognised.
            return super(EmbedBlock, self).clean(value)
        return super().clean(value)


class CaptionedEmbedBlock(SafeRenderMixin, blocks.StructBlock):
    """Embedded media from an oEmbed provider, with a caption.

    Videos get the click-to-load placeholder of ``VideoBlock``; anything else is shown
    as a link with its oEmbed title, so no third-party frame loads by itself.
    """

    embed = OfflineVideoEmbedBlock(label=_("Адрес (URL)"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Подпись"))

    class Meta:
        icon = "media"
        label = _("Встраиваемое содержимое")
        template = "blocks/embed_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        url = value["embed"].url if value.get("embed") else ""
        context["video"] = video_context(url) if url else None
        context["link_title"] = ""
        if url and context["video"] is None:
            embed = find_embed_or_none(url)
            context["link_title"] = embed.title if embed is not None else ""
        return context


class TimetableBlock(SafeRenderMixin, TableBlock):
    """A table (timetable, list of dates); its caption names it for screen readers.

    Its data is free JSON from the table editor: ``clean()`` refuses what the template
    could not show (cells that are not text, merges without a size or outside the
    table), and what was stored before is shown in its ``normalized_table`` form.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("table_options", {"startRows": 4, "startCols": 3})
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value if isinstance(value, dict) else {})

    def clean(self, value):
        if value:
            refuse_table(value)
        return super().clean(value)

    def render(self, value, context=None):
        return super().render(normalized_table(value) if value else value, context)

    def get_searchable_content(self, value):
        return super().get_searchable_content(normalized_table(value))

    class Meta:
        icon = "table"
        label = _("Таблица")
        template = "blocks/table_block.html"


class GalleryBlock(SafeRenderMixin, blocks.StructBlock):
    """A photo report: a titled grid of images; each opens full size without JS.

    When pupils can be recognised in the photos, each needs a parent's consent (the
    model named by ``settings.PORTAL_CONSENT_MODEL``, with an ``is_valid()`` method); a
    gallery whose consents are no longer valid shows a neutral notice instead of the
    photos.
    """

    title = blocks.CharBlock(required=False, max_length=200, label=_("Заголовок"))
    images = blocks.ListBlock(ImageBlock(), min_num=1, label=_("Фотографии"))
    pupils_recognisable = blocks.BooleanBlock(
        required=False,
        label=_("На фото узнаваемы ученики"),
        help_text=_("Тогда нужно согласие на публикацию для каждого узнаваемого ученика."),
    )
    consents = blocks.ListBlock(
        SnippetChooserBlock(settings.PORTAL_CONSENT_MODEL, label=_("Согласие")),
        default=[],
        label=_("Согласия на публикацию"),
    )

    class Meta:
        icon = "image"
        label = _("Фотогалерея")
        template = "blocks/gallery_block.html"

    @staticmethod
    def consents_valid(value):
        """True when the photos may be shown: no recognisable pupils, or every consent
        chosen and valid today."""
        if not value.get("pupils_recognisable"):
            return True
        consents = [consent for consent in value.get("consents") or [] if consent is not None]
        return bool(consents) and all(consent.is_valid() for consent in consents)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("pupils_recognisable"):
            return value
        consents = [consent for consent in value.get("consents") or [] if consent is not None]
        if not consents:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "consents": ValidationError(
                        _("На фото узнаваемы ученики: выберите согласия на публикацию.")
                    )
                }
            )
        invalid = [consent for consent in consents if not consent.is_valid()]
        if invalid:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "consents": ValidationError(
                        _("Согласие «%(consent)s» не действует.") % {"consent": invalid[0]}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["photos_allowed"] = self.consents_valid(value)
        return context
