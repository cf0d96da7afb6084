## Treffpunkt – українська

site-name = Treffpunkt
skip-link = Перейти до змісту
language-switch = Мова
language-name-de = Deutsch
language-name-en = English
language-name-uk = Українська
footer-privacy = Інформація про захист даних
footer-calendar-feed = Підписатися на календар усіх заходів

## Dates
date-long = { $weekday }, { $day } { $month } { $year } р.
date-time = { $date }, { $time }
weekday-1 = понеділок
weekday-2 = вівторок
weekday-3 = середа
weekday-4 = четвер
weekday-5 = пʼятниця
weekday-6 = субота
weekday-7 = неділя
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня

## Error pages
error-back-home = До переліку заходів
error-400-title = Запит незрозумілий
error-400-text = Не вдалося прочитати запит. Будь ласка, оновіть сторінку та спробуйте ще раз.
error-404-title = Сторінку не знайдено
error-404-text = Такої сторінки не існує (більше). Можливо, посилання змінилося або воно неповне.
error-405-title = Неможливо
error-405-text = Ця дія на цій сторінці неможлива.
error-408-title = Час очікування вичерпано
error-408-text = Запит тривав занадто довго. Будь ласка, спробуйте ще раз.
error-413-title = Забагато даних
error-413-text = Надіслані дані завеликі. Будь ласка, скоротіть введений текст.
error-415-title = Формат не підтримується
error-415-text = Дані надіслано у форматі, який тут не приймається.
error-429-title = Забагато запитів
error-429-text = Будь ласка, зачекайте хвилинку і спробуйте ще раз.
error-500-title = Сталася помилка
error-500-text = Це наша помилка, а не ваша. Будь ласка, спробуйте ще раз за кілька хвилин.
error-503-title = Тимчасово недоступно
error-503-text = Сервіс зараз недоступний. Будь ласка, спробуйте ще раз за кілька хвилин; ваші дані не втрачено.

## Event list and event page
index-title = Заходи
index-intro = День партнерства міст, семінари Reallabor, інформаційні заходи та фахові обміни мережевого бюро партнерства міст землі Північний Рейн – Вестфалія.
index-empty = Наразі заходи не заплановані.
index-subscribe = Підписатися на всі заходи у власному календарі
event-when = Коли
event-where = Де
event-format = Формат
event-places = Місця
event-format-in-person = очно
event-format-online = онлайн
event-format-hybrid = гібридно (очно та онлайн)
event-register = Зареєструватися
event-register-for = Реєстрація: { $event }
event-online-note = Посилання для підключення ви знайдете на сторінці підтвердження після реєстрації.
event-add-to-calendar = Додати до календаря (.ics)
event-programme = Програма
event-cancelled = Цей захід скасовано.
event-full = На цей захід усі місця зайняті.
registration-not-open-yet = Реєстрація відкриється { $date }.
registration-closed = Реєстрацію закрито.
places-full = місць немає
places-free = { $count ->
    [one] { $count } вільне місце
    [few] { $count } вільні місця
    [many] { $count } вільних місць
   *[other] { $count } вільного місця
}
session-kind-plenary = Пленарне засідання
session-kind-forum = Форум
session-kind-workshop = Воркшоп
session-kind-excursion = Екскурсія
session-room = Зал: { $room }
session-speakers = За участі: { $speakers }

## Registration form
register-title = Реєстрація: { $event }
register-about-you = Ваші дані
register-submit = Зареєструватися
register-back-to-event = Назад до заходу
form-required-note = Усі поля, крім «Громада-партнер» і вибору програми, обовʼязкові.
form-errors-title = Будь ласка, перевірте введені дані
field-first-name = Імʼя
field-last-name = Прізвище
field-email = Адреса електронної пошти
field-email-hint = На цю адресу ми надішлемо підтвердження.
field-organisation = Організація
field-organisation-hint = Наприклад, ваша громада, район або обʼєднання.
field-organisation-type = Тип організації
field-organisation-type-choose = Оберіть, будь ласка
field-partner-municipality = Громада-партнер (необовʼязково)
field-partner-municipality-hint = Наприклад, місто-партнер у Німеччині.
field-sessions = Вибір програми (необовʼязково)
field-sessions-hint = Форуми проходять одночасно; будь ласка, оберіть не більше одного.
field-consent = Я погоджуюся на обробку моїх даних для організації та проведення заходу.
field-consent-privacy-link = Прочитати інформацію про захист даних
org-type-kommune = Муніципалітет (громада)
org-type-kreis = Район (округ)
org-type-verein = Громадське обʼєднання
org-type-partner_abroad = Громада-партнер за кордоном (напр. Україна)
org-type-land_bund = Федеральна земля / федеральний уряд
org-type-science_education = Наука / освіта
org-type-civil_society_other = Громадянське суспільство / інше
error-required = Будь ласка, заповніть це поле.
error-too-long = Цей текст задовгий.
error-invalid-email = Будь ласка, введіть дійсну адресу електронної пошти, наприклад name@misto.ua.
error-invalid-characters = Цей текст містить недопустимі керівні символи.
error-invalid-choice = Такий вибір неможливий.
error-choose = Будь ласка, оберіть тип вашої організації.
error-consent-missing = Без вашої згоди ми не можемо прийняти реєстрацію.
error-unknown-session = Цей пункт програми не належить до цього заходу.
error-sessions-overlap = Два обрані пункти програми відбуваються одночасно. Будь ласка, оберіть один із них.
error-session-full = На «{ $session }» уже немає місць. Будь ласка, оберіть інший пункт програми.
error-event-full = На захід уже немає місць. Вашу реєстрацію не збережено.
error-form-unreadable = Не вдалося прочитати форму. Будь ласка, заповніть її ще раз.

## Registration page
manage-title = Ваша реєстрація
manage-contact-email = Електронна пошта
manage-online-link = Посилання для участі онлайн:
manage-calendar = Додати до календаря (.ics)
manage-keep-link = Будь ласка, збережіть посилання на цю сторінку: тут завжди знаходиться ваш квиток.
manage-sessions = Обрані пункти програми
manage-no-sessions = Програму не обрано.
manage-ticket-title = Ваш квиток
manage-ticket-alt = QR-квиток для { $name }
manage-ticket-hint = Покажіть цей QR-код на вході – на телефоні або роздрукованим.
manage-ticket-download = Завантажити квиток як зображення (PNG)
manage-ticket-code = Код квитка для введення вручну
status-pending-confirmation = Будь ласка, підтвердьте адресу електронної пошти.
status-confirmed = Ви зареєстровані.
status-waitlisted = Ви в списку очікування.
status-awaiting-approval = Вашу реєстрацію розглядають.
status-cancelled = Цю реєстрацію скасовано.

## Calendar
calendar-feed-name = Treffpunkt – заходи
calendar-online-link = Посилання для підключення: { $url }

## Privacy notice
privacy-title = Інформація про захист даних
privacy-controller-heading = Відповідальна установа
privacy-controller = Відповідальним за обробку є мережеве бюро партнерства міст землі Північний Рейн – Вестфалія, яке проводить ці заходи.
privacy-data-heading = Які дані ми обробляємо
privacy-data = Імʼя, адреса електронної пошти, організація, тип організації, громада-партнер, вибір програми, а також час вашої згоди та вашого входу.
privacy-purpose-heading = Для чого
privacy-purpose = Для організації та проведення заходу (вхід, список учасників, планування залів) і для анонімізованих показників для грантодавця. Правова підстава – ваша згода (ст. 6 ч. 1 п. a GDPR).
privacy-retention-heading = Як довго
privacy-retention = Ваші дані видаляються після заходу, щойно вони більше не потрібні як підтвердження для грантодавця.
privacy-rights-heading = Ваші права
privacy-rights = Ви можете вимагати доступу до даних, їх виправлення та видалення і будь-коли відкликати свою згоду. Зверніться до мережевого бюро; ви також маєте право подати скаргу до наглядового органу із захисту даних.

## Door
door-title = Вхід: { $event }
door-device = Пристрій: { $device }
door-scope = Що реєструємо?
door-scope-entrance = Вхід на захід
door-code-label = Відскануйте квиток або введіть код
door-code-hint = Ручний сканер: просто скануйте, код надсилається автоматично.
door-submit = Перевірити
door-counts = Зареєстровано { $checked } з { $expected }
door-network-error = Немає зʼєднання із сервером. Будь ласка, відскануйте ще раз.
door-unknown-session = Цей пункт програми не належить до цього заходу.
door-result-ok = Вхід дозволено
door-result-already = Уже зареєстровано о { $time }, пристрій: { $device }
door-result-invalid = Недійсний квиток
door-result-revoked = Квиток замінено або заблоковано
door-result-cancelled = Реєстрацію скасовано
door-result-wrong-event = Квиток на інший захід
door-result-not-registered-for-session = Не зареєстровано на цей пункт програми

## E-mail
mail-confirmation-subject = Підтвердження реєстрації: { $event }
mail-greeting = Добрий день, { $name }!
mail-confirmation-intro = Дякуємо за реєстрацію на «{ $event }». Нижче ваші дані та ваш квиток.
mail-ticket-hint = Покажіть QR-код на вході – на телефоні або роздрукованим.
mail-manage-link = Вашу реєстрацію з квитком і файлом календаря завжди можна знайти тут:
mail-calendar-attached = Файл календаря (.ics) додано до цього листа.
mail-signature = Мережеве бюро партнерства міст землі Північний Рейн – Вестфалія
mail-waitlisted-subject = Список очікування: { $event }
mail-waitlisted-intro = на «{ $event }» усі місця зайняті; ви в списку очікування. Щойно звільниться місце, ви автоматично отримаєте його в порядку реєстрації, а квиток – електронною поштою.
mail-promoted-subject = Для вас звільнилося місце: { $event }
mail-promoted-intro = гарна новина: на «{ $event }» звільнилося місце. Ви перейшли зі списку очікування і тепер зареєстровані. Ось ваш квиток.
mail-cancelled-subject = Скасування: { $event }
mail-cancelled-intro = вашу реєстрацію на «{ $event }» скасовано. Ваше місце отримає наступна людина зі списку очікування.
mail-link-subject = Посилання на вашу реєстрацію: { $event }
mail-link-intro = ви запросили посилання на свою реєстрацію на «{ $event }».
already-title = Ви вже зареєстровані
already-text = Для цієї адреси електронної пошти вже є реєстрація на «{ $event }». Друга не потрібна. Ми можемо ще раз надіслати посилання на вашу реєстрацію на цю адресу.
already-resend = Надіслати посилання ще раз
manage-cancel-heading = Не зможете прийти?
manage-cancel-link = Скасувати реєстрацію
cancel-title = Скасувати реєстрацію
cancel-question = Ви справді хочете скасувати реєстрацію на «{ $event }»? Це стосується:
cancel-consequence = Ваш квиток стане недійсним, а ваше місце отримає наступна людина зі списку очікування.
cancel-submit = Так, скасувати
cancel-keep = Ні, залишити реєстрацію
find-title = Отримати посилання на реєстрацію
find-intro = Введіть адресу електронної пошти, з якою ви реєструвалися. Ми надішлемо туди посилання на кожну реєстрацію з цією адресою.
find-submit = Надіслати посилання
find-sent = Якщо для цієї адреси є реєстрації, ми надіслали туди посилання. Будь ласка, перевірте також папку «Спам».
footer-find-registration = Отримати посилання на власну реєстрацію
delegation-legend = Інші учасники (делегація, необовʼязково)
delegation-hint = Зареєструйте одразу інших членів вашої делегації, наприклад гостей із громади-партнера. Кожен отримає власний квиток. Якщо в людини немає власної адреси електронної пошти, усе надійде вам.
delegation-person = Особа { $number }
delegation-email = Адреса електронної пошти (необовʼязково)
delegation-organisation = Організація (необовʼязково, інакше ваша)
delegation-add = Додати ще одну особу
manage-resend = Надіслати лист із квитком ще раз
manage-resent = Лист уже в дорозі.
manage-cancel-attendee = Скасувати реєстрацію лише для { $name }
mail-confirm-subject = Будь ласка, підтвердьте реєстрацію: { $event }
mail-confirm-intro = будь ласка, підтвердьте свою адресу електронної пошти, щоб ваша реєстрація на «{ $event }» була дійсною. До того часу ми тримаємо для вас місце.
mail-confirm-action = Підтвердити реєстрацію зараз
confirm-expired-title = Термін дії цього посилання минув
confirm-expired-text = Реєстрацію не підтверджено вчасно або її скасовано; місце знову вільне. Ви можете зареєструватися ще раз.
confirm-unknown-title = Це посилання для підтвердження невідоме
confirm-unknown-text = Будь ласка, перевірте, чи посилання повне. Посилання на свою реєстрацію ви можете будь-коли отримати ще раз.
mail-reminder-subject = Нагадування: { $event }, { $date }
mail-reminder-intro = чекаємо на вас на «{ $event }» { $date }. Ось ще раз ваші дані та ваш квиток. Якщо ви не зможете прийти, будь ласка, скасуйте реєстрацію за посиланням нижче, щоб хтось зі списку очікування міг зайняти місце.
manage-edit-attendee = Змінити дані та вибір програми: { $name }
edit-title = Змінити дані
edit-save = Зберегти зміни
edit-back = Назад до реєстрації без збереження
door-camera-start = Сканувати камерою
door-camera-stop = Вимкнути камеру
door-camera-denied = Доступ до камери не надано. Будь ласка, дозвольте його в налаштуваннях браузера.
door-camera-unavailable = Для сканування камерою потрібен браузер із доступом до камери через HTTPS. Ручний сканер і введення коду працюють завжди.
door-search-heading = Пошук за іменем
door-search-label = Імʼя або організація
door-search-submit = Шукати
door-search-admit = Впустити
door-search-none = Нікого не знайдено.
door-search-checked-in = зареєстровано о { $time }
door-counts-here = { $count } на цьому пристрої
door-recent-heading = Останні сканування на цьому пристрої
door-recent-already = Уже зареєстровано
door-undo = Скасувати
