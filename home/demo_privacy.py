"""The demo school's privacy policy (152-ФЗ) as a standard page, chosen in the school's
settings so every consent checkbox of the site links to it."""

from portal.models import SchoolSettings

from .models import StandardPage

SLUG = "politika-obrabotki-personalnyh-dannyh"


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def policy_body(school, today):
    """The policy's text: who processes what, why, on what grounds, for how long."""
    operator = f"{school.name} ({school.short_name})"
    return [
        heading("1. Общие положения"),
        paragraph(
            f"<p>Оператор персональных данных — {operator}, адрес: {school.address}. "
            "Политика действует в отношении персональных данных, которые школа получает "
            "через свой официальный сайт, и составлена в соответствии с Федеральным законом "
            "от 27.07.2006 № 152-ФЗ «О персональных данных».</p>"
        ),
        heading("2. Какие данные и для чего мы обрабатываем"),
        paragraph(
            "<ul>"
            "<li><b>Вопросы учителю и комментарии.</b> Имя, класс или роль (например, "
            "«родитель»), по желанию — адрес электронной почты, текст сообщения. Цель — "
            "ответить на вопрос и, после проверки учителем, показать вопрос с ответом на "
            "странице. Адрес электронной почты на сайте не публикуется.</li>"
            "<li><b>Обращения граждан.</b> Фамилия, имя, отчество, адрес электронной почты "
            "и (или) почтовый адрес, по желанию — телефон, текст обращения. Цель — "
            "регистрация, рассмотрение обращения и ответ в порядке Федерального закона от "
            "02.05.2006 № 59-ФЗ. Обращения не публикуются.</li>"
            "<li><b>Опросы.</b> Ответы на вопросы опроса без имени и контактов. Чтобы "
            "учесть один ответ от посетителя, в браузере сохраняется отметка об ответе "
            "(cookie).</li>"
            "<li><b>Творческие работы и фотографии учеников.</b> Имя и класс автора, работа "
            "или фотография — только при письменном согласии родителя (законного "
            "представителя) на распространение персональных данных. Согласие хранится в "
            "школе; фамилия ученика на сайте не указывается.</li>"
            "<li><b>Технические данные.</b> IP-адрес — для защиты форм от спама (счётчик "
            "отправок хранится не дольше часа), cookie выбранного языка и сеанса.</li>"
            "</ul>"
        ),
        heading("3. Правовые основания"),
        paragraph(
            "<p>Согласие субъекта персональных данных (п. 1 ч. 1 ст. 6 152-ФЗ), которое "
            "посетитель даёт, отмечая флажок согласия в форме; исполнение обязанностей "
            "школы по рассмотрению обращений граждан (п. 2 ч. 1 ст. 6 152-ФЗ, 59-ФЗ); "
            "согласие родителя на распространение персональных данных ребёнка (ст. 10.1 "
            "152-ФЗ) — для творческих работ и фотографий.</p>"
        ),
        heading("4. Сроки хранения"),
        paragraph(
            "<ul>"
            "<li>вопросы и комментарии — пока страница, к которой они относятся, "
            "опубликована, но не дольше трёх лет;</li>"
            "<li>обращения граждан — пять лет после ответа, как установлено перечнем "
            "типовых управленческих архивных документов;</li>"
            "<li>ответы на опросы — до подведения итогов опроса, но не дольше года;</li>"
            "<li>согласия родителей — в течение срока их действия и три года после "
            "отзыва.</li>"
            "</ul>"
            "<p>По истечении срока данные удаляются или обезличиваются.</p>"
        ),
        heading("5. Кому передаются данные"),
        paragraph(
            "<p>Школа не передаёт персональные данные третьим лицам, кроме случаев, "
            "предусмотренных законом. Обращение, решение вопросов которого не входит в "
            "компетенцию школы, в течение семи дней переадресуется в орган, к компетенции "
            "которого относится вопрос, с уведомлением заявителя (ст. 8 59-ФЗ).</p>"
        ),
        heading("6. Ваши права"),
        paragraph(
            "<p>Вы вправе получить сведения об обработке ваших персональных данных, "
            "потребовать их уточнения, блокирования или уничтожения, отозвать согласие, "
            "обжаловать действия школы в Роскомнадзоре или в суде (ст. 14, 17 152-ФЗ). "
            "Запрос направляется по адресу школы или на её электронную почту; ответ даётся "
            "в течение десяти рабочих дней.</p>"
        ),
        heading("7. Как мы защищаем данные"),
        paragraph(
            "<p>Доступ к вопросам, обращениям и согласиям есть только у работников школы, "
            "которым он нужен по должности. Сайт работает по защищённому протоколу HTTPS, "
            "действия в системе управления сайтом записываются в журнал.</p>"
        ),
        heading("8. Контакты"),
        paragraph(
            f"<p>Ответственный за организацию обработки персональных данных — заместитель "
            f"директора по учебно-воспитательной работе. Телефон: {school.phone}, "
            f"e-mail: {school.email}.</p>"
            f"<p>Редакция от {today:%d.%m.%Y}.</p>"
        ),
    ]


def load_policy(ctx, home, admin):
    """The policy page (ru + en) under the home page, chosen in the school's settings."""
    school = SchoolSettings.for_site(ctx.objects["site"])
    page = StandardPage(
        title="Политика обработки персональных данных",
        slug=SLUG,
        introduction="Какие персональные данные школа получает через сайт, зачем, на каком "
        "основании и как долго хранит, и как вы можете ими распоряжаться.",
        body=policy_body(school, ctx.today),
        show_in_menus=False,
    )
    ctx.publish(home, page, user=admin)
    ctx.translate(
        page,
        "en",
        user=admin,
        title="Personal data policy",
        introduction="What personal data the school receives through this site, why, on "
        "what grounds and for how long, and what your rights are. The Russian text is the "
        "legal version.",
        body=[
            paragraph(
                f"<p>The operator is {school.name_en or school.name}. Questions and comments "
                "(name, class or role, optional e-mail), citizens' appeals (full name, "
                "e-mail or postal address, text), anonymous poll answers and pupils' works "
                "published with a parent's written consent are processed under Federal Law "
                "No. 152-FZ, only for the purpose they were given for.</p>"
            ),
        ],
    )
    school.privacy_policy_page = page
    school.save(update_fields=["privacy_policy_page"])
    return page
