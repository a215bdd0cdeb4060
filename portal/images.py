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

# Formats Pillow writes back without losing what the school uploaded (animation aside).
CLEANED_FORMATS = {"JPEG", "PNG", "WEBP"}
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment")
ORIENTATION = 0x0112


def has_metadata(picture):
    return any(key in picture.info for key in METADATA_KEYS) or bool(picture.getexif())


def without_metadata(data):
    """Return the image bytes with EXIF/XMP removed, or ``None`` when nothing to remove.

    ``None`` also for formats the portal does not rewrite (GIF, SVG, AVIF, HEIC…) and
    for data Pillow cannot read; Wagtail's own upload validation reports the latter.
    """
    try:
        picture = PillowImage.open(io.BytesIO(data))
        image_format = picture.format
        if image_format not in CLEANED_FORMATS or getattr(picture, "n_frames", 1) > 1:
            return None
        if not has_metadata(picture):
            return None
        rotated = picture.getexif().get(ORIENTATION, 1) != 1
        icc_profile = picture.info.get("icc_profile")
        options = {}
        if image_format == "JPEG":
            # An upright photo keeps its own quantisation tables: no visible loss.
            options = {"quality": 95} if rotated else {"quality": "keep"}
            options["progressive"] = bool(picture.info.get("progressive"))
        elif image_format == "WEBP":
            options = {"quality": 95, "lossless": bool(picture.info.get("lossless"))}
        upright = ImageOps.exif_transpose(picture) if rotated else picture
        for key in METADATA_KEYS:
            upright.info.pop(key, None)
        if icc_profile:
            options["icc_profile"] = icc_profile
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


class ImageUploadField(WagtailImageField):
    """Wagtail's image field, refusing a damaged file with its message instead of a 500.

    Wagtail reads the pixel size of an upload outside its own error handling, so a
    truncated JPEG (header intact, body cut short) raised ``OSError`` from Pillow.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc


class PortalImageForm(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: every image form of the admin (add, multiple
    upload, chooser upload, edit) uses :class:`ImageUploadField` for the file."""

    file = ImageUploadField(label=capfirst(Image._meta.get_field("file").verbose_name))
