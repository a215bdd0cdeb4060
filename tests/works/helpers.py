"""Admin form data for works and photo reports."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def work_form(consent=None, **extra):
    return nested_form_data(
        {
            "title": "Осенний этюд",
            "slug": "osennij-etyud",
            "kind": "drawing",
            "author_first_name": "Алина",
            "author_class": "",
            "teacher": "",
            "subject": "",
            "date": "2026-10-15",
            "consent": consent.pk if consent else "",
            "description": "Акварель.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def report_form(image, consents=(), recognisable=True, **extra):
    data = nested_form_data(
        {
            "title": "Олимпиада по математике",
            "slug": "olimpiada-foto",
            "date": "2026-10-20",
            "event": "",
            "introduction": "Как прошла олимпиада.",
            "photos": inline_formset(
                [{"image": image.pk, "caption": "Решаем задачи", "alt_text": "Ученики за партами"}]
            ),
            "comments": inline_formset([]),
            **extra,
        }
    )
    if recognisable:
        data["pupils_recognisable"] = "on"
    data["consents"] = [consent.pk for consent in consents]
    return data
