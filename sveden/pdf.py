"""Small real PDF files for the demo school's documents (and the tests).

ReportLab writes them; Cyrillic needs a TrueType font with Cyrillic glyphs, taken from
the system (DejaVu or Liberation, which Debian's Chromium pulls in). Without one the
text is transliterated into Latin with ReportLab's bundled Vera font, so the demo
never fails for lack of a font.
"""

import io
from functools import cache
from pathlib import Path

from anyascii import anyascii

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
]


@cache
def _font():
    """(font name, needs transliteration)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("SvedenSans", candidate))
            return "SvedenSans", False
    return "Helvetica", True


def pdf_bytes(title, paragraphs):
    """An A4 PDF with a title and wrapped paragraphs (a page or two)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    font, transliterate = _font()

    def text(value):
        return anyascii(value) if transliterate else value

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(text(title))
    width, height = A4
    left, top, line_height = 20 * mm, height - 25 * mm, 6 * mm
    y = top
    pdf.setFont(font, 14)
    for line in simpleSplit(text(title), font, 14, width - 2 * left):
        pdf.drawString(left, y, line)
        y -= line_height * 1.3
    pdf.setFont(font, 11)
    for paragraph in paragraphs:
        y -= line_height / 2
        for line in simpleSplit(text(paragraph), font, 11, width - 2 * left):
            if y < 20 * mm:
                pdf.showPage()
                pdf.setFont(font, 11)
                y = top
            pdf.drawString(left, y, line)
            y -= line_height
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
