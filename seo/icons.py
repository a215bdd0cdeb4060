"""The favicon, made from the school's logo (``SchoolSettings.logo``) or, without a
logo, drawn here: a blue rounded square with an open book, the portal's colours."""

import io

from PIL import Image, ImageDraw, ImageOps

PRIMARY = (31, 78, 156, 255)  # --color-primary of site.css
WHITE = (255, 255, 255, 255)
# What browsers pick from a favicon.ico.
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]


def drawn_icon(size):
    """The fallback icon: an open book on the portal's blue, ``size`` pixels square."""
    scale = 4  # drawn large and shrunk, for smooth edges
    side = size * scale
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, side - 1, side - 1), radius=side // 6, fill=PRIMARY)
    unit = side / 16
    # Two pages meeting at the spine, their top edges rising to the outside.
    left = [
        (3 * unit, 5 * unit),
        (7.5 * unit, 6 * unit),
        (7.5 * unit, 12.5 * unit),
        (3 * unit, 11.5 * unit),
    ]
    right = [
        (8.5 * unit, 6 * unit),
        (13 * unit, 5 * unit),
        (13 * unit, 11.5 * unit),
        (8.5 * unit, 12.5 * unit),
    ]
    draw.polygon(left, fill=WHITE)
    draw.polygon(right, fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def logo_icon(file, size):
    """The logo fitted into a transparent square (its proportions kept)."""
    with Image.open(file) as logo:
        logo = ImageOps.exif_transpose(logo).convert("RGBA")
        logo.thumbnail((size, size), Image.Resampling.LANCZOS)
        square = Image.new("RGBA", (size, size), (0, 0, 0, 0))
        square.paste(logo, ((size - logo.width) // 2, (size - logo.height) // 2), logo)
        return square


def icon_image(logo, size):
    """The site's icon at ``size``: from the logo image if there is one and it opens."""
    if logo is not None:
        try:
            with logo.open_file() as file:
                return logo_icon(file, size)
        except (OSError, ValueError, Image.DecompressionBombError):
            pass  # a missing or broken file: the drawn icon instead of an error
    return drawn_icon(size)


def encode(image, kind):
    """PNG or ICO bytes of ``image``."""
    buffer = io.BytesIO()
    if kind == "ico":
        image.save(buffer, format="ICO", sizes=ICO_SIZES)
    else:
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
