"""Remove EXIF/XMP (GPS location, device, time) from images uploaded before the portal
did it on upload, and drop their renditions so they are cut again from clean files."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from portal.images import replace_file, without_metadata


class Command(BaseCommand):
    help = _("Удаляет метаданные EXIF/XMP (в том числе GPS) из загруженных изображений.")

    def handle(self, *args, **options):
        cleaned = unreadable = 0
        images = get_image_model().objects.order_by("pk")
        for image in images.iterator():
            try:
                with image.open_file() as original:
                    data = original.read()
            except OSError:
                unreadable += 1
                self.stderr.write(_("Файл изображения «%s» не найден.") % image.title)
                continue
            stripped = without_metadata(data)
            if stripped is None:
                continue
            old_name = image.file.name
            image.file_hash = ""
            replace_file(image, stripped, save_file=True)
            image.save()
            image.renditions.all().delete()
            image.file.storage.delete(old_name)
            cleaned += 1
        self.stdout.write(
            _("Очищено изображений: %(cleaned)s; недоступных файлов: %(unreadable)s.")
            % {"cleaned": cleaned, "unreadable": unreadable}
        )
