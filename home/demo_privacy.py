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


def english_policy_body(school, today):
    """The policy in English, block for block and item for item as in Russian
    (wagtail-localize pairs the strings in order)."""
    operator = f"{school.name_en or school.name} ({school.short_name_en or school.short_name})"
    address = school.address_en or school.address
    return [
        heading("1. General provisions"),
        paragraph(
            f"<p>The personal data operator is {operator}, address: {address}. "
            "This policy covers the personal data the school receives through its official "
            "website and follows Federal Law No. 152-FZ of 27 July 2006 “On Personal "
            "Data”.</p>"
        ),
        heading("2. What data we process and why"),
        paragraph(
            "<ul>"
            "<li><b>Questions to teachers and comments.</b> Name, class or role (for "
            "example, “parent”), optionally an e-mail address, the text of the message. The "
            "purpose is to answer the question and, once a teacher has checked it, to show "
            "the question with its answer on the page. E-mail addresses are never "
            "published.</li>"
            "<li><b>Citizens' appeals.</b> Full name, e-mail and/or postal address, "
            "optionally a phone number, the text of the appeal. The purpose is to register "
            "and consider the appeal and to answer it as Federal Law No. 59-FZ of 2 May "
            "2006 requires. Appeals are not published.</li>"
            "<li><b>Polls.</b> Answers to a poll's questions, without a name or contacts. "
            "To count one answer per visitor, the browser keeps a note that you have "
            "answered (a cookie).</li>"
            "<li><b>Pupils' creative works and photos.</b> The author's first name and "
            "class, the work or photo — only with a parent's (legal guardian's) written "
            "consent to making the personal data public. The consent is kept at the "
            "school; pupils' surnames are not shown on the site.</li>"
            "<li><b>Technical data.</b> The IP address — to protect the forms from spam "
            "(the submission counter is kept for no longer than an hour), the cookies of "
            "the chosen language and of the session.</li>"
            "</ul>"
        ),
        heading("3. Legal grounds"),
        paragraph(
            "<p>The consent of the data subject (Art. 6(1)(1) of 152-FZ), which a visitor "
            "gives by ticking the consent box of a form; the school's duty to consider "
            "citizens' appeals (Art. 6(1)(2) of 152-FZ, 59-FZ); a parent's consent to "
            "making a child's personal data public (Art. 10.1 of 152-FZ) — for creative "
            "works and photos.</p>"
        ),
        heading("4. How long data are kept"),
        paragraph(
            "<ul>"
            "<li>questions and comments — as long as the page they belong to is published, "
            "but no longer than three years;</li>"
            "<li>citizens' appeals — five years after the answer, as the list of standard "
            "administrative archive documents sets;</li>"
            "<li>poll answers — until the poll's results are summed up, but no longer than "
            "a year;</li>"
            "<li>parents' consents — while they are in force and three years after they "
            "are withdrawn.</li>"
            "</ul>"
            "<p>When the period ends, the data are deleted or anonymised.</p>"
        ),
        heading("5. Who receives the data"),
        paragraph(
            "<p>The school does not pass personal data to third parties, except where the "
            "law provides for it. An appeal on a matter outside the school's competence is "
            "forwarded within seven days to the body competent for it, and the applicant "
            "is told so (Art. 8 of 59-FZ).</p>"
        ),
        heading("6. Your rights"),
        paragraph(
            "<p>You may obtain information about how your personal data are processed, "
            "demand that they be corrected, blocked or destroyed, withdraw your consent, "
            "and appeal against the school's actions to Roskomnadzor or a court (Art. 14 "
            "and 17 of 152-FZ). Send the request to the school's address or e-mail; the "
            "answer is given within ten working days.</p>"
        ),
        heading("7. How we protect the data"),
        paragraph(
            "<p>Only the school's staff who need it for their work have access to "
            "questions, appeals and consents. The site works over the secure HTTPS "
            "protocol, and actions in the site's admin are logged.</p>"
        ),
        heading("8. Contacts"),
        paragraph(
            f"<p>The person responsible for organising the processing of personal data is "
            f"the deputy head for teaching. Phone: {school.phone}, "
            f"e-mail: {school.email}.</p>"
            f"<p>Version of {today:%d.%m.%Y}.</p>"
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
        body=english_policy_body(school, ctx.today),
    )
    school.privacy_policy_page = page
    school.save(update_fields=["privacy_policy_page"])
    return page
