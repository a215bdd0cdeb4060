"""The shared StreamField block library.

Every page body in the portal is built from these blocks, so editors learn one
toolbox. Apps extend the library by composing ``BaseStreamBlock`` with their own
blocks rather than defining private copies of the common ones.
"""

from .basic import (
    RICH_TEXT_FEATURES,
    CalloutBlock,
    CaptionedEmbedBlock,
    DocumentBlock,
    GalleryBlock,
    HeadingBlock,
    ImageBlock,
    TimetableBlock,
    paragraph_block,
)
from .latex import LatexError, latex_to_mathml, render_math
from .math import LatexBlock, MathBlock, MathRichText, MathRichTextBlock, MathTextBlock
from .media import VideoBlock
from .quiz import QuizBlock
from .streams import BaseStreamBlock, StudyStreamBlock
from .study import LiteratureBlock, SolvedProblemBlock, UsefulLinksBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "BaseStreamBlock",
    "CalloutBlock",
    "CaptionedEmbedBlock",
    "DocumentBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "LatexBlock",
    "LatexError",
    "LiteratureBlock",
    "MathBlock",
    "MathRichText",
    "MathRichTextBlock",
    "MathTextBlock",
    "QuizBlock",
    "SolvedProblemBlock",
    "StudyStreamBlock",
    "TimetableBlock",
    "UsefulLinksBlock",
    "VideoBlock",
    "latex_to_mathml",
    "paragraph_block",
    "render_math",
]
