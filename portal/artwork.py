"""Generated artwork for the demo school: its emblem, the home page's wide picture and
teachers' avatars, drawn with Pillow.

Geometric and abstract only — no photographs and no people, so the demo raises no
consent question. Every picture is deterministic (fixed shapes, a seeded
``random.Random``), drawn at twice its size and scaled down for smooth edges, and
saved through Wagtail's image model like an upload.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

SCALE = 2
# DejaVu comes with Debian and most Linux systems; Pillow's own font is the fallback.
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
]
# Calm colours that carry white text (each has at least 4.5:1 contrast with white).
AVATAR_COLOURS = [
    (31, 78, 156),
    (30, 107, 47),
    (141, 47, 120),
    (166, 64, 0),
    (0, 105, 120),
    (90, 70, 160),
    (160, 38, 60),
    (70, 84, 100),
]


def font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def hex_to_rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def finish(image, size, image_format="PNG"):
    """Scale the supersampled drawing down and encode it."""
    picture = image.resize(size, PILImage.Resampling.LANCZOS)
    out = io.BytesIO()
    if image_format == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def centred_text(draw, box, text, size, fill):
    left, top, right, bottom = box
    face = font(size)
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=face)
    x = left + (right - left - (x1 - x0)) / 2 - x0
    y = top + (bottom - top - (y1 - y0)) / 2 - y0
    draw.text((x, y), text, font=face, fill=fill)


def emblem_bytes(colour, label="12"):
    """A round school emblem: an open book under a rising sun, the school's number."""
    side = 256 * SCALE
    primary = hex_to_rgb(colour)
    image = PILImage.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([0, 0, side - 1, side - 1], fill=(255, 255, 255, 255))
    pad = 10 * SCALE
    draw.ellipse([pad, pad, side - pad, side - pad], fill=primary)
    centre = side / 2
    # The sun and its rays.
    sun = 34 * SCALE
    sun_y = centre - 10 * SCALE
    gold = (255, 200, 70)
    for ray in range(9):
        angle = math.pi + ray * math.pi / 8
        inner, outer = sun + 8 * SCALE, sun + 30 * SCALE
        draw.line(
            [
                (centre + inner * math.cos(angle), sun_y + inner * math.sin(angle)),
                (centre + outer * math.cos(angle), sun_y + outer * math.sin(angle)),
            ],
            fill=gold,
            width=6 * SCALE,
        )
    draw.pieslice([centre - sun, sun_y - sun, centre + sun, sun_y + sun], 180, 360, fill=gold)
    # The open book: two pages meeting at the spine.
    book_top, book_bottom = sun_y + 4 * SCALE, sun_y + 56 * SCALE
    for direction in (-1, 1):
        edge = centre + direction * 82 * SCALE
        draw.polygon(
            [
                (centre, book_top + 10 * SCALE),
                (edge, book_top),
                (edge, book_bottom - 12 * SCALE),
                (centre, book_bottom),
            ],
            fill=(255, 255, 255),
        )
    draw.line(
        [(centre, book_top + 10 * SCALE), (centre, book_bottom)], fill=primary, width=3 * SCALE
    )
    centred_text(
        draw,
        (0, book_bottom + 2 * SCALE, side, side - 26 * SCALE),
        label,
        44 * SCALE,
        (255, 255, 255),
    )
    return finish(image, (256, 256))


def banner_bytes(colour, seed=12, size=(1600, 560)):
    """A wide abstract banner in the school's colour: soft waves, circles and a grid of
    dots, lighter towards the left where the motto is written."""
    rng = random.Random(seed)  # noqa: S311 — drawing, not secrets
    width, height = size[0] * SCALE, size[1] * SCALE
    primary = hex_to_rgb(colour)
    light = mix(primary, (255, 255, 255), 0.55)
    image = PILImage.new("RGB", (width, height), primary)
    draw = ImageDraw.Draw(image, "RGBA")
    for x in range(width):
        draw.line([(x, 0), (x, height)], fill=mix(mix(primary, (0, 0, 0), 0.25), light, x / width))
    # Waves from the bottom, each a little lighter.
    for band in range(5):
        base = height * (0.62 + band * 0.08)
        amplitude = height * (0.05 + 0.02 * band)
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + amplitude * math.sin(phase + x / width * math.tau * (1.2 + band * 0.3)))
            for x in range(0, width + 8, 8)
        ]
        shade = mix(primary, (255, 255, 255), 0.15 + band * 0.12)
        draw.polygon([*points, (width, height), (0, height)], fill=(*shade, 150))
    # Floating circles and rings on the right half.
    for _ in range(14):
        radius = rng.uniform(0.03, 0.12) * height * 2
        x = rng.uniform(0.45, 1.0) * width
        y = rng.uniform(0.05, 0.6) * height
        tone = rng.choice([(255, 255, 255), (255, 200, 70), light])
        if rng.random() < 0.5:
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*tone, 60))
        else:
            draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius],
                outline=(*tone, 120),
                width=5 * SCALE,
            )
    # A grid of small dots, like squared exercise-book paper.
    step = 36 * SCALE
    for gx in range(width // 2, width, step):
        for gy in range(step, int(height * 0.55), step):
            draw.ellipse([gx - 3, gy - 3, gx + 3, gy + 3], fill=(255, 255, 255, 90))
    return finish(image, size, "JPEG")


def initials(name):
    """Two letters for an avatar from the first two words of the name, as the school
    writes it (surname first): "Белов Андрей Петрович" → "БА"."""
    words = [word for word in name.replace(".", " ").split() if word]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def avatar_bytes(name, seed):
    """A square avatar: initials on a coloured background with a few soft shapes."""
    rng = random.Random(seed)  # noqa: S311 — drawing, not secrets
    side = 400 * SCALE
    background = AVATAR_COLOURS[seed % len(AVATAR_COLOURS)]
    image = PILImage.new("RGB", (side, side), background)
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(4):
        radius = rng.uniform(0.2, 0.45) * side
        x, y = rng.uniform(0, side), rng.uniform(0, side)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, 28))
    centred_text(draw, (0, 0, side, side), initials(name), 150 * SCALE, (255, 255, 255))
    return finish(image, (400, 400))


def save_image(title, data, filename, collection=None):
    """Store generated bytes as a Wagtail image (renditions, focal point and all)."""
    from wagtail.images import get_image_model

    fields = {"collection": collection} if collection is not None else {}
    file = ImageFile(io.BytesIO(data), name=filename)
    return get_image_model().objects.create(title=title, file=file, **fields)
