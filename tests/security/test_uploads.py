"""Finding 14: uploads. Every frame of an animation counts against the pixel limit;
AVIF (and animated) photos lose their GPS like JPEGs; HEIC is refused cleanly."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.images import PortalImageForm
from tests.portal.test_image_metadata import MOSCOW, assert_clean, gps_of, stored

pytestmark = pytest.mark.django_db


def gps_exif():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "SchoolPhone"
    exif[ExifTags.IFD.GPSInfo] = MOSCOW
    return exif.tobytes()


def avif_with_gps(width=64, height=48):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(
        buffer, "AVIF", exif=gps_exif(), quality=90
    )
    data = buffer.getvalue()
    assert gps_of(data)[ExifTags.GPS.GPSLatitudeRef] == "N"  # the fixture tells the place
    return data


def animation(image_format, frames, size=(40, 30), exif=None):
    pictures = [PILImage.new("RGB", size, (i * 20 % 255, 80, 160)) for i in range(frames)]
    buffer = io.BytesIO()
    options = {"exif": exif} if exif else {}
    pictures[0].save(
        buffer,
        image_format,
        save_all=True,
        append_images=pictures[1:],
        duration=100,
        loop=0,
        **options,
    )
    return buffer.getvalue()


def upload(client, name, data, content_type):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, data, content_type=content_type)},
    )


def test_an_avif_photo_loses_its_gps_in_the_original_and_every_rendition(client, admin_user):
    client.force_login(admin_user)
    response = upload(client, "ekskursiya.avif", avif_with_gps(), "image/avif")
    assert response.status_code == 302, response.content.decode()[:500]
    image = get_image_model().objects.get(title="ekskursiya.avif")
    assert_clean(stored(image.file))
    with PILImage.open(image.file.path) as picture:
        assert picture.format == "AVIF"
        assert picture.size == (64, 48)
    for spec in ("max-1600x1200", "fill-32x24", "width-20|format-avif", "width-20|format-webp"):
        assert_clean(stored(image.get_rendition(spec).file))


def test_an_animated_webp_loses_its_gps_and_keeps_its_frames(client, admin_user):
    client.force_login(admin_user)
    data = animation("WEBP", 3, exif=gps_exif())
    assert gps_of(data)
    response = upload(client, "salyut.webp", data, "image/webp")
    assert response.status_code == 302, response.content.decode()[:500]
    original = stored(get_image_model().objects.get(title="salyut.webp").file)
    assert_clean(original)
    with PILImage.open(io.BytesIO(original)) as picture:
        assert picture.n_frames == 3


@pytest.mark.parametrize("image_format", ["GIF", "WEBP"])
def test_every_frame_of_an_animation_counts_against_the_pixel_limit(
    client, admin_user, monkeypatch, image_format
):
    # 40×30 = 1,200 pixels a frame: one frame fits under 10,000, twenty frames do not.
    # (The field reads WAGTAILIMAGES_MAX_IMAGE_PIXELS when the form class is built.)
    field = PortalImageForm.declared_fields["file"]
    monkeypatch.setattr(field, "max_image_pixels", 10_000)
    client.force_login(admin_user)
    name = f"animaciya.{image_format.lower()}"
    response = upload(client, name, animation(image_format, 20), f"image/{image_format.lower()}")
    assert response.status_code == 200
    assert "24000" in response.content.decode().replace("\xa0", "").replace(" ", "")
    assert not get_image_model().objects.filter(title=name).exists()

    response = upload(client, name, animation(image_format, 2), f"image/{image_format.lower()}")
    assert response.status_code == 302


def test_a_heic_upload_is_refused_with_a_message(client, admin_user):
    # Pillow here cannot read HEIC (no pillow-heif) and WAGTAILIMAGES_EXTENSIONS leaves
    # it out, so an iPhone original is refused at the form, never stored with its GPS.
    client.force_login(admin_user)
    response = upload(client, "IMG_0001.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64, "")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title="IMG_0001.heic").exists()
