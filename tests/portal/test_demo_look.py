"""The demo school looks like one: emblem, colour, wide picture with a motto, and a
generated avatar on every teacher's portfolio — real images in Wagtail's pipeline."""

from PIL import Image as PILImage

from portal.artwork import initials
from portal.models import SchoolSettings
from teachers.models import TeacherPage


def test_demo_school_has_its_emblem_picture_motto_and_avatars(client, demo):
    settings = SchoolSettings.objects.get()
    assert settings.motto
    assert settings.brand_colour == "#1f4e9c"
    for image, size in ((settings.logo, (256, 256)), (settings.hero_image, (1600, 560))):
        with image.open_file() as file, PILImage.open(file) as picture:
            assert picture.size == size
        # Renditions are made from the stored file like from an upload.
        assert image.get_rendition("fill-240x84").width == 240
    portfolios = TeacherPage.objects.live()
    assert portfolios.exists()
    assert not portfolios.filter(photo__isnull=True).exists()
    html = client.get("/").content.decode()
    assert settings.motto in html
    assert "brand__logo" in html


def test_avatar_initials_follow_the_name_as_written():
    assert initials("Белов Андрей Петрович") == "БА"
    assert initials("анна") == "А"
    assert initials("") == "?"
