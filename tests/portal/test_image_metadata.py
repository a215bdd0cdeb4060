"""Uploaded photos lose their EXIF/XMP (GPS above all) in the stored original and in
every rendition; legacy files are cleaned by ``strip_image_metadata``."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import ImageFactory
from tests.factories.portal import jpeg_bytes

pytestmark = pytest.mark.django_db

GPS_IFD = ExifTags.IFD.GPSInfo
MOSCOW = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (55.0, 45.0, 21.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (37.0, 37.0, 4.0),
}


def photo_with_gps(width=40, height=20, orientation=1):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "SchoolPhone"
    exif[ExifTags.Base.Orientation] = orientation
    exif[GPS_IFD] = MOSCOW
    data = jpeg_bytes(width, height, exif=exif.tobytes())
    # The fixture itself must carry the location, or the tests below prove nothing.
    assert gps_of(data)[ExifTags.GPS.GPSLatitudeRef] == "N"
    return data


def gps_of(data):
    with PILImage.open(io.BytesIO(data)) as picture:
        return dict(picture.getexif().get_ifd(GPS_IFD))


def exif_of(data):
    with PILImage.open(io.BytesIO(data)) as picture:
        return dict(picture.getexif()), picture.info.keys(), picture.size


def stored(field_file):
    field_file.open("rb")
    try:
        return field_file.read()
    finally:
        field_file.close()


def assert_clean(data):
    tags, info, _size = exif_of(data)
    assert tags == {}
    assert "exif" not in info
    assert gps_of(data) == {}


def test_admin_upload_stores_original_and_renditions_without_gps(client, admin_user):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("olympiad.jpg", photo_with_gps(), content_type="image/jpeg")
    response = client.post(
        reverse("wagtailimages:add"), {"title": "Олимпиада, награждение", "file": upload}
    )
    assert response.status_code == 302, response.content.decode()[:500]

    image = get_image_model().objects.get(title="Олимпиада, награждение")
    assert_clean(stored(image.file))
    for spec in ("max-1600x1200", "fill-400x300", "width-20|format-webp"):
        assert_clean(stored(image.get_rendition(spec).file))
    assert image.file_size == image.file.size


def test_multiple_upload_turns_photo_upright_before_dropping_orientation(client, admin_user):
    client.force_login(admin_user)
    # Orientation 6: the camera was turned; the upright photo is 200 wide, 400 high.
    upload = SimpleUploadedFile(
        "turned.jpg", photo_with_gps(400, 200, 6), content_type="image/jpeg"
    )
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()

    image = get_image_model().objects.get()
    data = stored(image.file)
    assert_clean(data)
    assert exif_of(data)[2] == (200, 400)
    assert (image.width, image.height) == (200, 400)
    rendition = image.get_rendition("max-100x100")
    assert (rendition.width, rendition.height) == (50, 100)


def test_image_without_metadata_is_stored_as_uploaded():
    data = jpeg_bytes(30, 30)
    image = ImageFactory(file=ContentFile(data, name="plain.jpg"))
    assert stored(image.file) == data


def test_png_text_is_kept_but_exif_chunk_removed():
    exif = PILImage.Exif()
    exif[GPS_IFD] = MOSCOW
    buffer = io.BytesIO()
    PILImage.new("RGB", (12, 12), "white").save(buffer, "PNG", exif=exif.tobytes())
    assert gps_of(buffer.getvalue())
    image = ImageFactory(file=ContentFile(buffer.getvalue(), name="scheme.png"))
    assert_clean(stored(image.file))


def test_truncated_upload_is_refused_with_a_message_not_a_500(client, admin_user):
    """Wagtail itself answers a JPEG cut short after its header with a 500."""
    client.force_login(admin_user)
    truncated = b"\xff\xd8\xff\xe0not a jpeg"
    upload = SimpleUploadedFile("broken.jpg", truncated, "image/jpeg")
    response = client.post(reverse("wagtailimages:add"), {"title": "Битый", "file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("Загрузите правильное изображение")

    upload = SimpleUploadedFile("broken.jpg", truncated, "image/jpeg")
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_command_cleans_images_uploaded_before_and_recuts_their_renditions():
    image = ImageFactory(file=ContentFile(jpeg_bytes(40, 20), name="legacy.jpg"))
    # A file stored before the portal cleaned uploads: write the GPS photo in place.
    with image.file.storage.open(image.file.name, "wb") as legacy:
        legacy.write(photo_with_gps(40, 20, orientation=6))
    image.file_hash = ""
    image.save()
    old_name = image.file.name
    # Wagtail keeps EXIF in renditions: this is what the portal guards against.
    assert gps_of(stored(image.get_rendition("max-30x30").file))

    out = io.StringIO()
    call_command("strip_image_metadata", stdout=out)

    assert "Очищено изображений: 1" in out.getvalue()
    image.refresh_from_db()
    assert_clean(stored(image.file))
    assert (image.width, image.height) == (20, 40)  # turned upright
    assert not image.file.storage.exists(old_name)
    assert image.renditions.count() == 0
    assert_clean(stored(image.get_rendition("max-30x30").file))

    call_command("strip_image_metadata", stdout=out)
    assert "Очищено изображений: 0" in out.getvalue()
