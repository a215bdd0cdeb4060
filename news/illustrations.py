"""Illustrations for the demo news, drawn with Pillow: school objects, landscapes and
geometric compositions — never people, so no consent question arises.

Each picture is deterministic (a seeded ``random.Random``), drawn at twice the size
and scaled down for smooth edges, and stored through Wagtail's image model like an
upload.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675
SCALE = 2

PALETTES = {
    "sky": [(214, 234, 248), (163, 204, 235)],
    "dawn": [(255, 236, 210), (250, 190, 160)],
    "mint": [(222, 245, 232), (170, 220, 196)],
    "lilac": [(236, 228, 250), (196, 180, 232)],
    "sand": [(250, 243, 224), (236, 214, 170)],
    "night": [(40, 52, 96), (86, 70, 140)],
}


class Canvas:
    """A supersampled drawing surface with a vertical gradient background."""

    def __init__(self, palette, seed):
        self.random = random.Random(seed)  # noqa: S311 — drawing, not secrets
        self.w, self.h = WIDTH * SCALE, HEIGHT * SCALE
        top, bottom = PALETTES[palette]
        self.image = PILImage.new("RGB", (self.w, self.h), top)
        self.draw = ImageDraw.Draw(self.image)
        for y in range(self.h):
            t = y / (self.h - 1)
            colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            self.draw.line([(0, y), (self.w, y)], fill=colour)

    def s(self, *values):
        """Scale coordinates given at the final size."""
        return [value * SCALE for value in values]

    def rect(self, box, fill, radius=0, outline=None, width=0):
        self.draw.rounded_rectangle(
            self.s(*box), radius=radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self.s(*box), fill=fill, outline=outline, width=width * SCALE)

    def polygon(self, points, fill):
        self.draw.polygon([tuple(self.s(x, y)) for x, y in points], fill=fill)

    def line(self, points, fill, width):
        self.draw.line([tuple(self.s(x, y)) for x, y in points], fill=fill, width=width * SCALE)

    def confetti(self, count, colours, area=(0, 0, WIDTH, HEIGHT)):
        left, top, right, bottom = area
        for _ in range(count):
            x, y = self.random.uniform(left, right), self.random.uniform(top, bottom)
            size = self.random.uniform(6, 16)
            colour = self.random.choice(colours)
            if self.random.random() < 0.5:
                self.ellipse((x, y, x + size, y + size), colour)
            else:
                self.rect((x, y, x + size * 1.6, y + size * 0.7), colour, radius=2)

    def jpeg_bytes(self):
        picture = self.image.resize((WIDTH, HEIGHT), PILImage.LANCZOS)
        picture = picture.filter(ImageFilter.SMOOTH_MORE)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=88, optimize=True)
        return buffer.getvalue()


BRIGHT = [(231, 76, 60), (241, 196, 15), (46, 204, 113), (52, 152, 219), (155, 89, 182)]


def hills(c, colours, base=520):
    for n, colour in enumerate(colours):
        offset = c.random.uniform(0, math.pi)
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 40, 40):
            y = base + n * 45 - 40 * math.sin(x / (220 + n * 60) + offset)
            points.append((x, y))
        points.append((WIDTH, HEIGHT))
        c.polygon(points, colour)


def sun(c, x, y, radius, colour=(255, 205, 90)):
    for ring in range(3, 0, -1):
        glow = tuple(min(255, v + 20 * ring) for v in colour)
        r = radius + ring * 18
        c.ellipse((x - r, y - r, x + r, y + r), glow)
    c.ellipse((x - radius, y - radius, x + radius, y + radius), colour)


def tree(c, x, ground, height, crown_colour):
    c.rect((x - 9, ground - height * 0.45, x + 9, ground), (120, 84, 52), radius=4)
    r = height * 0.32
    for dx, dy in ((-r * 0.6, 0), (r * 0.6, 0), (0, -r * 0.7)):
        cx, cy = x + dx, ground - height * 0.62 + dy
        c.ellipse((cx - r, cy - r, cx + r, cy + r), crown_colour)


def trophy(c):
    """Olympiad results: a cup on a podium under stars."""
    c.rect((380, 470, 540, 600), (86, 101, 176), radius=8)
    c.rect((540, 410, 700, 600), (58, 76, 160), radius=8)
    c.rect((700, 500, 860, 600), (110, 124, 190), radius=8)
    for x, label_y, n in ((460, 530, 2), (620, 480, 1), (780, 545, 3)):
        for k in range(n):
            c.ellipse(
                (
                    x - 14 + (k - (n - 1) / 2) * 34,
                    label_y,
                    x + 14 + (k - (n - 1) / 2) * 34,
                    label_y + 28,
                ),
                (255, 255, 255),
            )
    gold = (244, 190, 40)
    c.polygon([(540, 150), (700, 150), (680, 300), (560, 300)], gold)
    c.ellipse((560, 250, 680, 330), gold)
    c.rect((605, 320, 635, 370), (214, 160, 30))
    c.rect((570, 365, 670, 400), (190, 140, 30), radius=6)
    c.ellipse((490, 170, 560, 250), None, outline=gold, width=14)
    c.ellipse((680, 170, 750, 250), None, outline=gold, width=14)
    for _ in range(14):
        x, y = c.random.uniform(80, 1120), c.random.uniform(40, 360)
        r = c.random.uniform(10, 22)
        star = [
            (x + r * (1 if k % 2 == 0 else 0.45) * math.cos(math.pi / 2 + k * math.pi / 5),
             y - r * (1 if k % 2 == 0 else 0.45) * math.sin(math.pi / 2 + k * math.pi / 5))
            for k in range(10)
        ]  # fmt: skip
        c.polygon(star, (255, 230, 120))
    c.confetti(40, BRIGHT, (60, 40, 1140, 420))


def school_building(c):
    """Open day: the school with open doors, balloons and a path."""
    sun(c, 1020, 120, 55)
    hills(c, [(150, 200, 140), (120, 180, 110)], base=540)
    c.rect((260, 230, 940, 560), (236, 214, 190), radius=6)
    c.polygon([(230, 240), (600, 110), (970, 240)], (178, 74, 60))
    c.rect((560, 150, 640, 210), (255, 255, 255), radius=30)
    for row in range(2):
        for col in range(6):
            if col in (2, 3) and row == 1:
                continue
            x, y = 300 + col * 105, 270 + row * 120
            c.rect((x, y, x + 70, y + 80), (120, 170, 220), radius=4)
            c.line([(x + 35, y), (x + 35, y + 80)], (255, 255, 255), 4)
    c.rect((540, 410, 660, 560), (110, 70, 40), radius=6)
    c.rect((548, 418, 598, 560), (250, 230, 160))
    c.polygon([(540, 560), (660, 560), (760, 675), (440, 675)], (210, 200, 180))
    for n, x in enumerate((170, 215, 1010, 1060)):
        colour = BRIGHT[n % len(BRIGHT)]
        c.line([(x, 470), (x + 8, 330)], (90, 90, 90), 2)
        c.ellipse((x - 25, 260, x + 40, 340), colour)


def study_desk(c):
    """Exam consultations and essays: an open notebook, a pencil and a calendar."""
    c.rect((0, 470, WIDTH, HEIGHT), (196, 150, 110))
    c.rect((150, 230, 650, 560), (255, 255, 255), radius=10)
    c.line([(400, 230), (400, 560)], (200, 200, 210), 3)
    for k in range(8):
        y = 270 + k * 34
        c.line([(175, y), (380, y)], (170, 190, 230), 2)
        length = c.random.uniform(90, 200)
        c.line([(420, y), (420 + length, y)], (170, 190, 230), 2)
    c.line([(440, 300), (520, 300)], (40, 70, 150), 5)
    c.line([(440, 330), (560, 330)], (40, 70, 150), 5)
    c.polygon([(620, 600), (880, 380), (905, 405), (645, 625)], (245, 190, 40))
    c.polygon([(620, 600), (645, 625), (600, 640)], (240, 210, 170))
    c.rect((760, 120, 1080, 420), (255, 255, 255), radius=10)
    c.rect((760, 120, 1080, 175), (200, 70, 60), radius=10)
    for row in range(4):
        for col in range(6):
            x, y = 780 + col * 50, 195 + row * 52
            fill = (230, 236, 248) if (row * 6 + col) % 7 else (255, 214, 120)
            c.rect((x, y, x + 38, y + 38), fill, radius=5)


def stadium(c):
    """Sports day: a running track, flags, a ball."""
    c.rect((0, 330, WIDTH, HEIGHT), (96, 170, 90))
    for lane in range(5):
        top = 400 + lane * 50
        c.polygon([(0, top), (WIDTH, top - 60), (WIDTH, top - 30), (0, top + 30)], (214, 96, 70))
        c.line([(0, top + 30), (WIDTH, top - 30)], (255, 255, 255), 3)
    for n, x in enumerate(range(80, WIDTH, 140)):
        c.line([(x, 330), (x, 200)], (110, 110, 110), 4)
        c.polygon([(x, 200), (x + 60, 220), (x, 240)], BRIGHT[n % len(BRIGHT)])
    c.ellipse((930, 470, 1050, 590), (255, 255, 255))
    c.polygon([(990, 500), (1015, 520), (1005, 550), (975, 550), (965, 520)], (40, 40, 40))
    sun(c, 160, 110, 50)


def bookshelf(c):
    """Library exhibition: shelves of colourful book spines and a reading lamp."""
    c.rect((100, 80, 1100, 620), (140, 98, 64), radius=8)
    for shelf in range(3):
        top = 110 + shelf * 170
        c.rect((120, top + 150, 1080, top + 165), (110, 74, 46))
        x = 130
        while x < 1060:
            width = c.random.uniform(26, 52)
            height = c.random.uniform(100, 148)
            colour = c.random.choice(
                [(190, 60, 60), (60, 110, 170), (80, 150, 100), (230, 180, 60), (120, 80, 150),
                 (230, 120, 70), (70, 160, 170)]
            )  # fmt: skip
            if c.random.random() < 0.08:
                c.polygon(
                    [(x, top + 150), (x + width, top + 150), (x + width + 30, top + 150 - height),
                     (x + 30, top + 150 - height)],
                    colour,
                )  # fmt: skip
                x += width + 34
                continue
            c.rect((x, top + 150 - height, x + width, top + 150), colour, radius=3)
            c.line(
                [(x + 6, top + 170 - height), (x + width - 6, top + 170 - height)],
                (255, 240, 200),
                3,
            )
            x += width + 4


def assembly_hall(c):
    """Parents' meeting: a hall with rows of chairs facing a board."""
    c.rect((0, 430, WIDTH, HEIGHT), (200, 170, 130))
    c.rect((330, 90, 870, 360), (44, 90, 70), radius=8)
    c.rect((320, 80, 880, 96), (150, 110, 70))
    c.line([(380, 160), (620, 160)], (240, 240, 240), 6)
    c.line([(380, 210), (760, 210)], (240, 240, 240), 6)
    c.line([(380, 260), (560, 260)], (240, 240, 240), 6)
    for row in range(3):
        y = 470 + row * 62
        shrink = row * 20
        for col in range(9):
            x = 140 + shrink + col * (105 - row * 4)
            c.rect((x, y, x + 70, y + 22), (60, 90, 160), radius=6)
            c.rect((x, y - 38, x + 70, y - 4), (80, 110, 180), radius=8)
            c.line([(x + 8, y + 22), (x + 8, y + 50)], (60, 60, 60), 4)
            c.line([(x + 62, y + 22), (x + 62, y + 50)], (60, 60, 60), 4)


def laboratory(c):
    """Science week: flasks, an atom and bubbles."""
    c.rect((0, 520, WIDTH, HEIGHT), (120, 130, 150))
    for x, colour in ((250, (90, 200, 160)), (470, (240, 120, 150)), (690, (120, 160, 240))):
        c.rect((x - 25, 250, x + 25, 340), (230, 240, 250))
        c.polygon([(x - 25, 340), (x + 25, 340), (x + 110, 520), (x - 110, 520)], (230, 240, 250))
        c.polygon([(x - 60, 420), (x + 60, 420), (x + 110, 520), (x - 110, 520)], colour)
        for _ in range(6):
            bx, by = x + c.random.uniform(-40, 40), c.random.uniform(150, 330)
            r = c.random.uniform(6, 14)
            c.ellipse((bx - r, by - r, bx + r, by + r), (255, 255, 255))
    cx, cy = 960, 260
    for angle in (0, 60, 120):
        points = []
        for k in range(61):
            t = 2 * math.pi * k / 60
            x, y = 150 * math.cos(t), 55 * math.sin(t)
            a = math.radians(angle)
            points.append(
                (cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a))
            )
        c.line(points, (255, 255, 255), 5)
    c.ellipse((cx - 28, cy - 28, cx + 28, cy + 28), (250, 110, 80))


def gears(c):
    """Robotics: interlocking gears and a circuit."""
    for cx, cy, r, teeth, colour in (
        (400, 330, 170, 14, (90, 110, 140)),
        (680, 250, 110, 10, (230, 160, 60)),
        (780, 470, 130, 12, (70, 150, 170)),
    ):
        points = []
        for k in range(teeth * 4):
            t = 2 * math.pi * k / (teeth * 4)
            radius = r if k % 4 in (0, 1) else r * 0.82
            points.append((cx + radius * math.cos(t), cy + radius * math.sin(t)))
        c.polygon(points, colour)
        c.ellipse((cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.35), (236, 240, 246))
    for y in (600, 630):
        c.line([(0, y), (300, y), (340, y - 40), (1200, y - 40)], (60, 200, 140), 4)
    for x in (340, 620, 900):
        c.ellipse((x - 10, 550, x + 10, 570), (60, 200, 140))


def autumn_park(c):
    """Ecology: a park with autumn trees and a recycling bin."""
    sun(c, 980, 130, 60)
    hills(c, [(190, 200, 120), (150, 180, 100), (120, 160, 80)], base=470)
    for n, x in enumerate(range(90, WIDTH, 150)):
        colour = [(230, 130, 50), (240, 190, 60), (200, 80, 50), (120, 170, 80)][n % 4]
        tree(
            c, x + c.random.uniform(-20, 20), 560 + (n % 2) * 25, c.random.uniform(220, 280), colour
        )
    c.rect((560, 520, 660, 640), (60, 140, 90), radius=10)
    c.rect((550, 505, 670, 530), (40, 110, 70), radius=8)
    for k in range(3):
        t = 2 * math.pi * k / 3
        x, y = 610 + 26 * math.cos(t), 585 + 26 * math.sin(t)
        c.ellipse((x - 9, y - 9, x + 9, y + 9), (255, 255, 255))
    c.confetti(50, [(230, 130, 50), (240, 190, 60), (200, 80, 50)], (0, 560, WIDTH, HEIGHT))


def concert(c):
    """A concert: a piano keyboard and notes over a stage."""
    for x in (200, 480, 760, 1040):
        c.polygon([(x - 18, 0), (x + 18, 0), (x + 130, 420), (x - 130, 420)], (92, 86, 150))
    for _ in range(30):
        x, y = c.random.uniform(0, WIDTH), c.random.uniform(0, 300)
        c.ellipse((x, y, x + 5, y + 5), (255, 240, 200))
    c.rect((0, 420, WIDTH, HEIGHT), (120, 60, 70))
    keys = 22
    for k in range(keys):
        x = 100 + k * 45
        c.rect((x, 470, x + 42, 640), (255, 255, 255), radius=4)
    for k in range(keys - 1):
        if k % 7 in (2, 6):
            continue
        x = 100 + k * 45 + 30
        c.rect((x, 470, x + 26, 570), (30, 30, 40), radius=3)
    for _ in range(9):
        x, y = c.random.uniform(150, 1050), c.random.uniform(90, 360)
        colour = c.random.choice([(255, 214, 110), (255, 255, 255), (250, 160, 140)])
        c.ellipse((x, y, x + 40, y + 30), colour)
        c.line([(x + 38, y + 15), (x + 38, y - 70)], colour, 5)
        c.line([(x + 38, y - 70), (x + 70, y - 50)], colour, 5)


def chessboard(c):
    """A chess tournament: a board in perspective with pieces as simple shapes."""
    left, right, top, bottom = 250, 950, 180, 620
    for row in range(8):
        for col in range(8):
            y0 = top + (bottom - top) * row / 8
            y1 = top + (bottom - top) * (row + 1) / 8

            def at(column, y):
                t = (y - top) / (bottom - top)
                width = (right - left) * (0.7 + 0.3 * t)
                start = (left + right) / 2 - width / 2
                return start + width * column / 8

            fill = (240, 222, 190) if (row + col) % 2 == 0 else (140, 96, 70)
            c.polygon(
                [
                    (at(col, y0), y0),
                    (at(col + 1, y0), y0),
                    (at(col + 1, y1), y1),
                    (at(col, y1), y1),
                ],
                fill,
            )
    for x, y, dark in ((420, 300, True), (620, 420, False), (760, 260, True), (520, 520, False)):
        colour = (40, 40, 50) if dark else (250, 250, 250)
        c.polygon([(x - 28, y + 40), (x + 28, y + 40), (x + 12, y - 20), (x - 12, y - 20)], colour)
        c.ellipse((x - 18, y - 52, x + 18, y - 16), colour)


DRAWINGS = {
    "trophy": ("lilac", trophy),
    "school": ("sky", school_building),
    "desk": ("sand", study_desk),
    "stadium": ("sky", stadium),
    "books": ("dawn", bookshelf),
    "hall": ("sand", assembly_hall),
    "lab": ("mint", laboratory),
    "gears": ("sky", gears),
    "park": ("dawn", autumn_park),
    "concert": ("night", concert),
    "chess": ("mint", chessboard),
}


def picture_bytes(kind, seed):
    """The JPEG bytes of one illustration (the same for the same kind and seed)."""
    palette, painter = DRAWINGS[kind]
    canvas = Canvas(palette, seed)
    painter(canvas)
    return canvas.jpeg_bytes()


def create_image(title, kind, seed, collection=None):
    """A Wagtail image of an illustration, through the image model like an upload."""
    from wagtail.images import get_image_model

    fields = {"collection": collection} if collection is not None else {}
    file = ImageFile(io.BytesIO(picture_bytes(kind, seed)), name=f"novost-{kind}-{seed}.jpg")
    return get_image_model().objects.create(title=title, file=file, **fields)
