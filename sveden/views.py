"""The ``/food/`` folder the school meals monitoring reads.

``/food/`` lists the files like a web server's directory index (the monitoring and
curious parents follow the links); ``/food/<name>`` serves one file under the name the
monitoring expects. Names that are not menu names get a 404 before any query, and a
file missing from the storage is a 404 too, never a 500.
"""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import MenuFile
from .models.food import FILE_NAME_RE

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def food_index(request):
    files = MenuFile.objects.only("name", "uploaded_at", "kind").order_by("name")
    return render(request, "sveden/food_index.html", {"files": files})


@require_GET
def food_file(request, name):
    if not FILE_NAME_RE.match(name):
        raise Http404("Not a menu file name")
    menu = MenuFile.objects.filter(name=name).only("file", "name", "uploaded_at").first()
    if menu is None or not menu.file:
        raise Http404("No such menu file")
    try:
        handle = menu.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The menu file is missing from the storage") from None
    response = FileResponse(handle, content_type=XLSX_TYPE, as_attachment=False, filename=name)
    response["Last-Modified"] = menu.uploaded_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response
