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
)
from .streams import BaseStreamBlock

__all__ = [
    "RICH_TEXT_FEATURES",
    "BaseStreamBlock",
    "CalloutBlock",
    "CaptionedEmbedBlock",
    "DocumentBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "TimetableBlock",
]
