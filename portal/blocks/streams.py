"""Stream blocks that group the library for page bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .basic import (
    CalloutBlock,
    CaptionedEmbedBlock,
    DocumentBlock,
    GalleryBlock,
    HeadingBlock,
    ImageBlock,
    TimetableBlock,
    paragraph_block,
)
from .math import MathBlock, MathRichTextBlock
from .media import VideoBlock
from .quiz import QuizBlock
from .study import LiteratureBlock, SolvedProblemBlock, UsefulLinksBlock


class BaseStreamBlock(blocks.StreamBlock):
    """The common body of every page: text, headings, media, files, notes, tables."""

    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    gallery = GalleryBlock()
    document = DocumentBlock()
    embed = CaptionedEmbedBlock()
    callout = CalloutBlock()
    table = TimetableBlock()


class StudyStreamBlock(BaseStreamBlock):
    """The body of study material (free pages, topics, exam tasks): everything in
    ``BaseStreamBlock`` plus mathematics, video, solved problems, quizzes,
    literature and useful links. Paragraphs here understand inline math."""

    paragraph = MathRichTextBlock(
        icon="pilcrow",
        label=_("Текст"),
        template="blocks/paragraph_block.html",
    )
    math = MathBlock()
    video = VideoBlock()
    solved_problem = SolvedProblemBlock()
    quiz = QuizBlock()
    literature = LiteratureBlock()
    links = UsefulLinksBlock()
