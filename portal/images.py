"""Photos of pupils must not tell where they were taken.

Phones write the place (GPS), the device and the time into a photo's EXIF and XMP
metadata. Wagtail keeps an original's EXIF in every rendition it makes, so the portal
removes metadata from the original when it is uploaded: the stored file and every
rendition cut from it carry none. The picture is first turned upright by its EXIF
orientation, since that tag goes too.

Images uploaded before this existed are cleaned by ``manage.py strip_image_metadata``.
"""

import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import capfirst
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import Image
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

# Formats Pillow writes back. AVIF is what recent phones save; HEIF (HEIC) only opens
# when pillow-heif is installed, and the portal does not accept HEIC uploads without it
# (WAGTAILIMAGES_EXTENSIONS), but a site that adds both gets its photos cleaned too.
CLEANED_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF", "HEIF", "GIF"}
ANIMATED_FORMATS = {"PNG", "WEBP", "AVIF", "GIF"}
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment")
ORIENTATION = 0x0112


def has_metadata(picture):
    return any(key in picture.info for key in METADATA_KEYS) or bool(picture.getexif())


def save_options(picture, image_format, rotated):
    """Encoder options that keep what the school uploaded as far as the format allows."""
    if image_format == "JPEG":
        # An upright photo keeps its own quantisation tables: no visible loss.
        options = {"quality": 95} if rotated else {"quality": "keep"}
        options["progressive"] = bool(picture.info.get("progressive"))
        return options
    if image_format == "WEBP":
        return {"quality": 95, "lossless": bool(picture.info.get("lossless"))}
    if image_format in {"AVIF", "HEIF"}:
        # Both are lossy formats without a "keep" mode; 90 is visually the same photo.
        return {"quality": 90}
    return {}


def without_metadata(data):
    """Return the image bytes with EXIF/XMP removed, or ``None`` when nothing to remove.

    ``None`` also for formats the portal does not rewrite (SVG, TIFF…) and for data
    Pillow cannot read; Wagtail's own upload validation reports the latter. Animations
    (GIF, WebP, APNG, AVIF sequences) keep all their frames.
    """
    try:
        picture = PillowImage.open(io.BytesIO(data))
        image_format = picture.format
        if image_format not in CLEANED_FORMATS or not has_metadata(picture):
            return None
        animated = getattr(picture, "n_frames", 1) > 1
        if animated and image_format not in ANIMATED_FORMATS:
            return None
        rotated = picture.getexif().get(ORIENTATION, 1) != 1
        icc_profile = picture.info.get("icc_profile")
        options = save_options(picture, image_format, rotated)
        upright = ImageOps.exif_transpose(picture) if rotated and not animated else picture
        for key in METADATA_KEYS:
            upright.info.pop(key, None)
        if icc_profile:
            options["icc_profile"] = icc_profile
        if animated:
            options["save_all"] = True
        output = io.BytesIO()
        upright.save(output, format=image_format, exif=b"", **options)
    except (OSError, UnidentifiedImageError, ValueError, PillowImage.DecompressionBombError):
        logger.warning("Could not strip metadata from an uploaded image", exc_info=True)
        return None
    return output.getvalue()


def strip_uploaded_metadata(sender, instance, **kwargs):
    """``pre_save`` of the image model: clean a newly uploaded original before storing it."""
    upload = instance.file
    if not upload or getattr(upload, "_committed", True):
        return
    upload.open("rb")
    upload.seek(0)
    cleaned = without_metadata(upload.read())
    upload.seek(0)
    if cleaned is None:
        return
    replace_file(instance, cleaned, save_file=False)


def replace_file(image, data, *, save_file):
    """Put ``data`` in place of the image's file and bring its recorded facts up to date.

    Width and height follow by themselves: assigning the file makes Django's image
    field re-read them (``width_field``/``height_field``). On upload the hash the form
    already set is kept: Wagtail compares it to find duplicate uploads, and a second
    upload of the same photo hashes the same.
    """
    name = image.file.name.rsplit("/", 1)[-1]
    replacement = ContentFile(data, name=name)
    if save_file:
        image.file.save(name, replacement, save=False)
    else:
        image.file = replacement
    image.file_size = len(data)
    if not image.file_hash:
        image.file_hash = hash_filelike(io.BytesIO(data))


def frame_count(upload):
    """How many frames Pillow decodes from the upload (1 for a still picture or an SVG)."""
    upload.seek(0)
    try:
        with PillowImage.open(upload) as picture:
            return max(1, getattr(picture, "n_frames", 1))
    except UnidentifiedImageError:
        return 1
    finally:
        upload.seek(0)


class ImageUploadField(WagtailImageField):
    """Wagtail's image field, refusing a damaged file with its message instead of a 500,
    and counting every frame of an animation against the pixel limit.

    Wagtail reads the pixel size of an upload outside its own error handling, so a
    truncated JPEG (header intact, body cut short) raised ``OSError`` from Pillow.
    Wagtail multiplies the size by the frame count, but asks Willow's file-level image
    for it, which answers 1 for a GIF: a 20-frame GIF passed as one frame, and each
    rendition decodes every frame.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            self.check_animation_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc

    def check_animation_pixel_size(self, f):
        if self.max_image_pixels is None or f.image.format_name == "svg":
            return
        width, height = f.image.get_size()
        num_pixels = width * height * frame_count(f)
        if num_pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": num_pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )


class PortalImageForm(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: every image form of the admin (add, multiple
    upload, chooser upload, edit) uses :class:`ImageUploadField` for the file."""

    file = ImageUploadField(label=capfirst(Image._meta.get_field("file").verbose_name))
