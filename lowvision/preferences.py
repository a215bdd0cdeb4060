"""A visitor's settings of the version for the visually impaired and their cookie.

The cookie holds four short codes (``"2.bw.1.0"``: font step, colour scheme, images
shown, letter-spacing step). No cookie means the normal version; anything the cookie
cannot be read as is treated the same way, so a damaged cookie never breaks a page.
"""

from dataclasses import dataclass, replace

COOKIE_NAME = "low_vision"
# A year: the setting is meant to outlive a browser session (ГОСТ Р 52872-2019 asks
# that the version be kept once chosen).
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

# Root font size of each step, in per cent of the browser's own size.
FONT_STEPS = {"1": 125, "2": 150, "3": 200}
# Scheme code: (text colour, background colour).
SCHEMES = {
    "bw": ("#000000", "#ffffff"),
    "wb": ("#ffffff", "#000000"),
    "blue": ("#063462", "#9dd1ff"),
}
# Letter and word spacing of each step (CSS lengths; "" is the font's own spacing).
SPACING_STEPS = {"0": ("", ""), "1": ("0.12em", "0.16em"), "2": ("0.25em", "0.35em")}
IMAGE_CHOICES = {"1": True, "0": False}


@dataclass(frozen=True)
class Preferences:
    """What the visitor chose; the defaults are what «Версия для слабовидящих» turns on."""

    font: str = "2"
    scheme: str = "bw"
    images: str = "1"
    spacing: str = "0"

    @classmethod
    def from_cookie(cls, value):
        """The preferences in a cookie value, or ``None`` for the normal version."""
        if not value:
            return None
        parts = value.split(".")
        if len(parts) != 4:
            return None
        font, scheme, images, spacing = parts
        if (
            font not in FONT_STEPS
            or scheme not in SCHEMES
            or images not in IMAGE_CHOICES
            or spacing not in SPACING_STEPS
        ):
            return None
        return cls(font=font, scheme=scheme, images=images, spacing=spacing)

    @classmethod
    def from_request(cls, request):
        return cls.from_cookie(request.COOKIES.get(COOKIE_NAME))

    def to_cookie(self):
        return ".".join((self.font, self.scheme, self.images, self.spacing))

    def updated(self, params):
        """These preferences with the valid choices in ``params`` applied (others kept)."""
        changes = {}
        for name, choices in (
            ("font", FONT_STEPS),
            ("scheme", SCHEMES),
            ("images", IMAGE_CHOICES),
            ("spacing", SPACING_STEPS),
        ):
            value = params.get(name)
            if value in choices:
                changes[name] = value
        return replace(self, **changes)

    @property
    def font_percent(self):
        return FONT_STEPS[self.font]

    @property
    def colours(self):
        return SCHEMES[self.scheme]

    @property
    def show_images(self):
        return IMAGE_CHOICES[self.images]

    @property
    def letter_spacing(self):
        return SPACING_STEPS[self.spacing][0]

    @property
    def word_spacing(self):
        return SPACING_STEPS[self.spacing][1]
