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
error-404-text = Такої сторінки немає (або вже немає). Можливо, посилання змінилося або воно неповне.
error-405-title = Дія неможлива
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
registration-not-open-yet = Початок реєстрації: { $date }.
registration-closed = Реєстрацію закрито.
places-full = місць немає – можна записатися до списку очікування
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
form-required-note = Поля з позначкою «(необовʼязково)» можна залишити порожніми; решту потрібно заповнити для реєстрації.
form-errors-title = Будь ласка, перевірте введені дані
field-first-name = Імʼя
field-last-name = Прізвище
field-email = Адреса електронної пошти
field-email-hint = На цю адресу ми надішлемо підтвердження.
field-organisation = Організація
field-organisation-hint = Наприклад, ваша громада, район або обʼєднання.
field-organisation-type = Тип організації
field-organisation-type-choose = Оберіть, будь ласка
field-partner-municipality = Громада-партнер
field-partner-municipality-hint = Наприклад, місто-партнер у Німеччині.
field-sessions = Вибір програми (необовʼязково)
field-sessions-hint = Форуми проходять одночасно; будь ласка, оберіть не більше одного.
field-consent = Я погоджуюся на обробку своїх даних для організації та проведення заходу.
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
error-invalid-email = Будь ласка, введіть дійсну адресу електронної пошти, наприклад, name@misto.ua.
error-invalid-characters = Цей текст містить недопустимі керівні або невидимі символи.
error-invalid-choice = Такий вибір неможливий.
error-choose = Будь ласка, оберіть тип вашої організації.
error-consent-missing = Без вашої згоди ми не можемо прийняти реєстрацію.
error-unknown-session = Цей пункт програми не належить до цього заходу.
error-sessions-overlap = Два обрані пункти програми відбуваються одночасно. Будь ласка, оберіть один із них.
error-event-full = На захід уже немає місць. Вашу реєстрацію не збережено.
error-form-unreadable = Не вдалося прочитати форму. Будь ласка, заповніть її ще раз.
error-form-reused = Цю форму вже було надіслано. Щоб зареєструвати іншу особу, перевірте дані нижче й надішліть форму ще раз.

## Registration page
manage-title = Ваша реєстрація
manage-contact-email = Електронна пошта
manage-online-link = Посилання для участі онлайн:
manage-calendar = Додати до календаря (.ics)
manage-keep-link = Будь ласка, збережіть посилання на цю сторінку: тут завжди доступний ваш квиток.
manage-sessions = Обрані пункти програми
manage-no-sessions = Програму не обрано.
manage-ticket-title = Ваш квиток
manage-ticket-alt = QR-квиток: { $name }
manage-ticket-hint = Покажіть цей QR-код на вході – на екрані телефону або на папері.
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
privacy-data = Імʼя, адреса електронної пошти, організація, тип організації, громада-партнер, вибір програми, а також час надання вашої згоди та вашої реєстрації на вході.
privacy-purpose-heading = Для чого
privacy-purpose = Для організації та проведення заходу (вхід, список учасників, планування залів), а також для анонімізованої звітності перед грантодавцем. Правова підстава – ваша згода (ст. 6 ч. 1 п. a GDPR).
privacy-retention-heading = Як довго
privacy-retention = Імена, адреси електронної пошти й відповіді власними словами автоматично анонімізуються через визначений час після заходу (зазвичай 180 днів); дані, які не дають змоги встановити особу (тип організації, участь у програмі), залишаються для звітності перед грантодавцем.
privacy-rights-heading = Ваші права
privacy-rights = Ви можете вимагати доступу до даних, їх виправлення та видалення і будь-коли відкликати свою згоду. На сторінці своєї реєстрації ви можете завантажити всі збережені дані та подати запит на їх видалення; також можна звернутися до мережевого бюро. Ви також маєте право подати скаргу до наглядового органу із захисту даних.

## Door
door-title = Вхід: { $event }
door-device = Пристрій: { $device }
door-scope = Що реєструємо?
door-scope-entrance = Вхід на захід
door-code-label = Відскануйте квиток або введіть код
door-code-hint = Ручний сканер: просто відскануйте квиток – код буде надіслано автоматично.
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
mail-confirmation-intro = Дякуємо за реєстрацію на захід «{ $event }». Нижче – ваші дані та ваш квиток.
mail-ticket-hint = Покажіть QR-код на вході – на екрані телефону або на папері.
mail-manage-link = Вашу реєстрацію з квитком і файлом календаря завжди можна знайти тут:
mail-calendar-attached = Файл календаря (.ics) додано до цього листа.
mail-signature = Мережеве бюро партнерства міст землі Північний Рейн – Вестфалія
mail-waitlisted-subject = Список очікування: { $event }
mail-waitlisted-intro = На захід «{ $event }» усі місця зайняті; ви в списку очікування. Щойно звільниться місце, ви автоматично отримаєте його в порядку реєстрації, а квиток – електронною поштою.
mail-promoted-subject = Для вас звільнилося місце: { $event }
mail-promoted-intro = Гарна новина: звільнилося місце на захід «{ $event }». Ви перейшли зі списку очікування й тепер зареєстровані. Ось ваш квиток.
mail-cancelled-subject = Скасування: { $event }
mail-cancelled-intro = Вашу реєстрацію на захід «{ $event }» скасовано. Ваше місце отримає наступна людина зі списку очікування.
mail-link-subject = Посилання на вашу реєстрацію: { $event }
mail-link-intro = Ви запросили посилання на свою реєстрацію на захід «{ $event }».
register-sent-title = Будь ласка, перевірте електронну пошту
register-sent-text = Дякуємо. Ми надіслали на вказану адресу лист із посиланням на вашу реєстрацію на захід «{ $event }». Будь ласка, перевірте також папку «Спам».
register-sent-again = Не отримали листа? Запросіть посилання ще раз

manage-cancel-heading = Не зможете прийти?
manage-cancel-link = Скасувати реєстрацію
cancel-title = Скасувати реєстрацію
cancel-question = Ви справді хочете скасувати реєстрацію на захід «{ $event }»? Це стосується:
cancel-consequence = Ваш квиток стане недійсним, а ваше місце отримає наступна людина зі списку очікування.
cancel-submit = Так, скасувати
cancel-keep = Ні, залишити реєстрацію
find-title = Отримати посилання на реєстрацію
find-intro = Введіть адресу електронної пошти, яку ви вказали під час реєстрації. Ми надішлемо на неї посилання на кожну реєстрацію з цією адресою.
find-submit = Надіслати посилання
find-sent = Якщо для цієї адреси є реєстрації, ми надіслали на неї посилання. Будь ласка, перевірте також папку «Спам».
footer-find-registration = Отримати посилання на свою реєстрацію
delegation-legend = Інші учасники (делегація, необовʼязково)
delegation-hint = Зареєструйте одразу інших членів вашої делегації, наприклад гостей із громади-партнера. Кожен отримає власний квиток. Хто вкаже власну адресу електронної пошти, сам отримає свій квиток і всі повідомлення щодо реєстрації вибраною мовою; ви й надалі отримуватимете огляд з усіма квитками. Якщо в людини немає власної адреси електронної пошти, усе надійде вам.
delegation-person = Особа { $number }
delegation-email = Адреса електронної пошти (необовʼязково)
delegation-organisation = Організація (необовʼязково, інакше ваша)
delegation-add = Додати ще одну особу
manage-resend = Надіслати лист із квитком ще раз
manage-resent = Лист уже в дорозі.
manage-cancel-attendee = Скасувати реєстрацію лише цієї особи: { $name }
mail-confirm-subject = Будь ласка, підтвердьте реєстрацію: { $event }
mail-confirm-intro = Будь ласка, підтвердьте свою адресу електронної пошти, щоб ваша реєстрація на захід «{ $event }» набула чинності. До того часу ми тримаємо для вас місце.
mail-confirm-action = Підтвердити реєстрацію зараз
confirm-expired-title = Термін дії цього посилання минув
confirm-expired-text = Реєстрацію не підтверджено вчасно або її скасовано; місце знову вільне. Ви можете зареєструватися ще раз.
confirm-unknown-title = Невідоме посилання для підтвердження
confirm-unknown-text = Будь ласка, перевірте, чи посилання повне. Посилання на свою реєстрацію ви можете будь-коли отримати ще раз.
mail-reminder-subject = Нагадування: { $event }, { $date }
mail-reminder-intro = Чекаємо на вас на заході «{ $event }» ({ $date }). Ось ще раз ваші дані та ваш квиток. Якщо ви не зможете прийти, будь ласка, скасуйте реєстрацію за посиланням нижче, щоб хтось зі списку очікування міг отримати ваше місце.
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
door-counts-here = На цьому пристрої: { $count }
door-recent-heading = Останні сканування на цьому пристрої
door-recent-already = Уже зареєстровано
door-undo = Скасувати
door-walk-in-heading = Зареєструвати нову особу на вході
door-walk-in-consent = Особа погоджується на обробку своїх даних.
door-walk-in-submit = Зареєструвати й впустити
door-walk-in-already = Ця адреса електронної пошти вже зареєстрована. Будь ласка, знайдіть особу через пошук за іменем і впустіть її.
door-walk-in-full = Захід заповнений; на вході більше нікого не можна зареєструвати.
door-walk-in-closed = Реєстрація на цей захід більше неможлива.
door-status-online = Онлайн
door-status-offline = Офлайн – цей пристрій перевіряє квитки сам
door-status-waiting = Сканувань очікують передачі: { $count }
door-status-lists = списки станом на { $time }
door-checked-offline = перевірено офлайн, буде передано
footer-accessibility = Доступність
accessibility-title = Заява про доступність
accessibility-scope = Мережеве бюро партнерства міст землі Північний Рейн – Вестфалія прагне зробити ці сторінки реєстрації доступними відповідно до німецького Положення про доступні інформаційні технології (BITV 2.0) та Директиви (ЄС) 2016/2102. Ця заява стосується публічних сторінок Treffpunkt: заходів, реєстрації, сторінки «Ваша реєстрація» та сторінки входу.
accessibility-status-heading = Стан відповідності
accessibility-status = Після кожної зміни сторінки автоматично перевіряються за допомогою axe-core на відповідність WCAG 2.1 рівня AA у німецькій, англійській та українській версіях. Усіма сторінками можна користуватися без миші, і вони працюють без JavaScript.
accessibility-known-heading = Недоступний вміст
accessibility-known = Сканування камерою на сторінці входу потребує зору; альтернативи – пошук за іменем і введення коду. Крім QR-коду, квиток містить ваше імʼя у вигляді тексту та код квитка для введення вручну.
accessibility-feedback-heading = Зворотний звʼязок і контакт
accessibility-feedback = Ви помітили барʼєр? Будь ласка, напишіть мережевому бюро партнерства міст; ми відповімо протягом двох тижнів.
accessibility-enforcement-heading = Процедура врегулювання
accessibility-enforcement = Якщо ви не отримаєте задовільної відповіді, ви можете звернутися до омбудсмена з питань доступних інформаційних технологій землі Північний Рейн – Вестфалія.
footer-imprint = Вихідні дані
imprint-title = Вихідні дані (Impressum)
imprint-legal-basis = Відомості відповідно до § 5 Закону Німеччини про цифрові послуги (DDG)
imprint-operator-heading = Власник сайту
imprint-represented-by = Уповноважений представник
imprint-contact-heading = Контакти
imprint-phone = Телефон
imprint-email = Електронна пошта
imprint-responsible-heading = Відповідальний за зміст відповідно до § 18 абз. 2 Міжземельного договору про медіа (MStV)
imprint-privacy-heading = Захист даних
imprint-privacy-contact = Контактна особа з питань захисту даних
imprint-privacy-link = Прочитати інформацію про захист даних
imprint-missing = Відомості про власника цих сторінок ще не внесено.
imprint-missing-admin = Адміністратори вносять їх в адмініструванні в розділі «Відомості про власника».
imprint-missing-admin-link = Внести відомості про власника
privacy-controller-named = Відповідальним за обробку ваших даних у розумінні GDPR є:
privacy-contact-heading = Контактна особа з питань захисту даних
privacy-contact = Питання щодо захисту даних, запити на доступ до даних або їх видалення надсилайте, будь ласка, на адресу:
privacy-imprint-link = Усі відомості про власника сайту наведено у вихідних даних.
mail-contact = Контакт: { $operator }, { $email }
mail-imprint = Вихідні дані:
error-invalid-phone = Будь ласка, введіть номер телефону з кодом, наприклад, +49 211 123456.
admin-nav-operator = Відомості про власника
admin-audit-settings-operator = Відомості про власника змінено
admin-operator-title = Відомості про власника
admin-operator-intro = Ці відомості показуються у вихідних даних, в інформації про захист даних і під кожним листом. Вони стосуються всього сайту, а не окремого заходу.
admin-operator-imprint-link = Переглянути вихідні дані
admin-operator-section-operator = Власник сайту (§ 5 DDG)
admin-operator-section-responsible = Відповідальний за зміст (§ 18 абз. 2 MStV)
admin-operator-section-privacy = Захист даних
admin-operator-name = Назва власника
admin-operator-name-hint = Установа, обʼєднання або служба, яка веде ці сторінки.
admin-operator-representative = Уповноважений представник
admin-operator-representative-hint = Необовʼязково: хто представляє власника, наприклад, керівник установи.
admin-operator-address = Поштова адреса
admin-operator-address-hint = Кожне значення з нового рядка: вулиця та номер будинку, поштовий індекс і місто; без абонентської скриньки.
admin-operator-email = Адреса електронної пошти
admin-operator-phone = Номер телефону
admin-operator-responsible-name = Імʼя відповідальної особи
admin-operator-responsible-name-hint = Фізична особа, яка відповідає за редакційний зміст.
admin-operator-responsible-address = Адреса відповідальної особи
admin-operator-responsible-address-hint = Залиште порожнім, якщо вона збігається з адресою власника.
admin-operator-privacy-contact = Уповноважений із захисту даних або контактна служба
admin-operator-privacy-contact-hint = Імʼя або назва, наприклад, «Уповноважений установи з питань захисту даних».
admin-operator-privacy-email = Адреса електронної пошти з питань захисту даних
admin-operator-missing = Вихідні дані ще порожні: відомості про власника не внесено.

## Back office
admin-site-name = Treffpunkt – адміністрування
admin-nav = Адміністрування
admin-nav-events = Заходи
admin-nav-team = Команда
admin-nav-audit = Журнал дій
admin-log-out = Вийти ({ $name })
admin-login-title = Вхід для команди
admin-login-submit = Увійти
admin-login-wrong = Неправильна адреса електронної пошти або пароль.
admin-login-throttled = { $seconds ->
    [one] Забагато спроб. Зачекайте { $seconds } секунду й спробуйте ще раз або скиньте пароль.
    [few] Забагато спроб. Зачекайте { $seconds } секунди й спробуйте ще раз або скиньте пароль.
    [many] Забагато спроб. Зачекайте { $seconds } секунд і спробуйте ще раз або скиньте пароль.
   *[other] Забагато спроб. Зачекайте { $seconds } секунди й спробуйте ще раз або скиньте пароль.
}
admin-forgot-link = Забули пароль?
admin-forgot-title = Скидання пароля
admin-forgot-intro = Введіть адресу електронної пошти. Ми надішлемо посилання для встановлення нового пароля.
admin-forgot-submit = Надіслати посилання
admin-forgot-sent = Якщо для цієї адреси є обліковий запис, посилання вже надіслано. Воно дійсне одну годину.
admin-field-email = Адреса електронної пошти
admin-field-password = Пароль
admin-field-new-password = Новий пароль
admin-field-password-hint = Щонайменше 10 символів; ціле речення легко запамʼятати.
admin-field-name = Ваше імʼя
admin-link-submit = Зберегти й увійти
admin-setup-title = Створення першого адміністратора
admin-setup-intro = Це посилання діє лише один раз. Обліковий запис отримає всі права: керування заходами, учасниками та командою.
admin-invite-title = Запрошення до команди
admin-invite-intro = Вас запрошено з адресою { $email }. Вкажіть своє імʼя та пароль.
admin-reset-title = Новий пароль
admin-link-invalid-title = Це посилання більше не дійсне
admin-link-invalid-text = Посилання вже використано або термін його дії минув. Попросіть нове посилання.
admin-email-taken = Для цієї адреси вже є обліковий запис.
admin-back = Назад
admin-events-title = Заходи
admin-new-event = Новий захід
admin-no-events = Ще немає заходів.
admin-col-event = Захід
admin-col-when = Коли
admin-col-status = Статус
admin-col-expected = Очікується
admin-col-checked-in = Зареєстровано на вході
admin-event-status-draft = Чернетка
admin-event-status-published = Опубліковано
admin-event-status-cancelled = Скасовано
admin-event-nav = Розділи заходу
admin-attendees-title = Учасники
admin-programme-title = Програма
admin-check-ins-title = Реєстрація на вході
admin-doors-title = Пристрої на вході
admin-signature-list-title = Список учасників із підписами
admin-public-page = Публічна сторінка
admin-edit = Редагувати
admin-add-attendee = Додати особу
admin-publish = Опублікувати
admin-cancel-event = Скасувати захід
admin-figures = Показники
admin-figure-registered = Зареєстровано
admin-figure-confirmed = Підтверджено
admin-filter-waiting = Список очікування пункту програми
admin-filter-waiting-any = у будь-якому списку очікування
admin-figure-waiting-for-sessions = У списках очікування пунктів програми
admin-figure-waitlisted = Список очікування
admin-figure-cancelled = Скасовано
admin-figure-checked-in = Зареєстровано на вході
admin-figure-by-type = За типом організації (підтверджені)
admin-figure-by-session = За пунктами програми
admin-figure-over-time = Реєстрації за днями
admin-figure-none = Ще немає даних.
admin-figure-partnerships = Представлені громади та партнерства
admin-figure-organisations-count =
    { $count ->
        [one] { $count } організація
        [few] { $count } організації
        [many] { $count } організацій
       *[other] { $count } організації
    }
admin-figure-partners-count =
    { $count ->
        [one] { $count } громада-партнер
        [few] { $count } громади-партнери
        [many] { $count } громад-партнерів
       *[other] { $count } громади-партнера
    }
admin-report-download = Завантажити звіт для грантодавця (XLSX)
admin-report-sheet-summary = Огляд
admin-report-sheet-organisations = Організації
admin-report-sheet-partnerships = Партнерства
admin-col-organisation-type = Тип організації
admin-col-count = Кількість
admin-col-chart = Діаграма
admin-col-session = Пункт програми
admin-col-chosen = Обрали
admin-col-capacity = Місця
admin-col-day = День
admin-duplicate = Створити копію
admin-duplicate-hint = Копія зберігає тексти, місце й програму; усі часи зсуваються разом із новим початком. Вона створюється як чернетка без реєстрацій.
admin-duplicate-submit = Створити копію
admin-error-duplicate = Вкажіть правильну адресу (малі латинські літери, цифри, дефіси) та початок.
admin-edit-event = Редагування заходу «{ $event }»
admin-event-texts = Тексти
admin-event-place-time = Місце і час
admin-event-registration = Реєстрація
admin-field-slug = Адреса (URL)
admin-field-slug-hint = Малі латинські літери, цифри та дефіси, напр. tag-der-staedtepartnerschaften-2027.
admin-field-title-de = Назва (німецькою)
admin-field-title-en = Назва (англійською)
admin-field-title-uk = Назва (українською)
admin-field-fallback-hint = Залиште порожнім, щоб показувати німецький текст.
admin-field-description-de = Опис (німецькою)
admin-field-description-en = Опис (англійською)
admin-field-description-uk = Опис (українською)
admin-field-format = Формат
admin-format-in_person = Очно
admin-format-online = Онлайн
admin-format-hybrid = Гібридно
admin-field-venue = Місце проведення
admin-field-address = Адреса
admin-field-online-url = Посилання для доступу (онлайн)
admin-field-online-url-hint = Його бачать лише підтверджені учасники; на публічній сторінці воно не показується.
admin-field-starts-at = Початок
admin-field-ends-at = Кінець
admin-field-time-zone = Часовий пояс
admin-field-opens-at = Реєстрація відкривається
admin-field-opens-at-hint = Якщо не заповнено: одразу після публікації.
admin-field-closes-at = Реєстрація закривається
admin-field-closes-at-hint = Якщо не заповнено: до початку заходу.
admin-field-capacity = Кількість місць
admin-field-capacity-hint = Якщо не заповнено: без обмежень.
admin-field-approval = Допуск
admin-approval-open = Відкрито: кожна реєстрація дійсна
admin-approval-approval = За запрошенням: команда підтверджує
admin-field-double-opt-in = Просити підтвердити адресу (подвійна згода)
admin-field-confirmation-hours = Місце зберігається до підтвердження (години)
admin-save = Зберегти
admin-error-slug = Лише малі латинські літери, цифри та дефіси.
admin-error-slug-taken = Цю адресу вже має інший захід.
admin-error-url = Вкажіть повне посилання, що починається з https://.
admin-error-time-zone = Невідомий часовий пояс; вкажіть, наприклад, Europe/Berlin або Europe/Kyiv.
admin-error-ends-before-start = Кінець має бути пізніше за початок.
admin-error-closes-before-opens = Реєстрація має закриватися після відкриття.
admin-error-capacity = Ціле число від 1 до 100000 або порожнє поле.
admin-error-capacity-below-taken =
    { $taken ->
        [one] Уже зайнято { $taken } місце; менше місць неможливо.
        [few] Уже зайнято { $taken } місця; менше місць неможливо.
        [many] Уже зайнято { $taken } місць; менше місць неможливо.
       *[other] Уже зайнято { $taken } місця; менше місць неможливо.
    }
admin-error-hours = Ціле число від 1 до 720.
admin-error-consent = Підтвердьте, що особа дала згоду.
admin-error-already-registered = Цю адресу вже зареєстровано на цей захід.
admin-attendees-of = Учасники: { $event }
admin-filter-label = Пошук і фільтр учасників
admin-search = Пошук
admin-search-hint = Імʼя, e-mail, організація або громада-партнер
admin-filter-any = Усі
admin-filter-checked-in-yes = Зареєстровані на вході
admin-filter-checked-in-no = Ще не зареєстровані на вході
admin-filter-submit = Показати
admin-attendees-found =
    { $count ->
        [one] { $count } особа
        [few] { $count } особи
        [many] { $count } осіб
       *[other] { $count } особи
    }
admin-export-csv = Завантажити CSV
admin-export-xlsx = Завантажити Excel (XLSX)
admin-select = Вибір
admin-select-person = Вибрати: { $name }
admin-col-name = Імʼя
admin-col-organisation = Організація
admin-col-registered = Дата реєстрації
admin-bulk-title = З вибраними
admin-bulk-export-csv = завантажити як CSV
admin-bulk-export-xlsx = завантажити як Excel
admin-bulk-cancel = скасувати (місця звільняться)
admin-bulk-submit = Виконати
admin-bulk-nothing-selected = Спочатку виберіть щонайменше одну особу.
admin-pages = Сторінки
admin-page-previous = Попередня сторінка
admin-page-next = Наступна сторінка
admin-page-of = Сторінка { $page }
admin-status-pending_confirmation = Очікує підтвердження e-mail
admin-status-confirmed = Підтверджено
admin-status-waitlisted = Список очікування
admin-status-awaiting_approval = Очікує схвалення
admin-status-cancelled = Скасовано
admin-back-to-list = Назад до учасників заходу «{ $event }»
admin-col-partner-municipality = Громада-партнер
admin-col-contact = Контактна особа реєстрації
admin-col-language = Мова
admin-col-consent = Згода надана
admin-ticket-version = Дійсний квиток, випуск { $version }
admin-no-ticket = Немає дійсного квитка.
admin-check-in-by-hand = Зареєструвати вручну
admin-reissue = Видати новий квиток (старий буде заблоковано)
admin-cancel-attendee = Скасувати
admin-none-yet = Ще немає.
admin-mails-title = Листи
admin-history-title = Історія
admin-mail-confirmation = Підтвердження
admin-mail-waitlisted = Список очікування
admin-mail-promoted = Переведено зі списку очікування
admin-mail-cancelled = Скасування
admin-mail-manage_link = Посилання на реєстрацію
admin-mail-confirm_email = Підтвердження e-mail
admin-mail-reminder = Нагадування
admin-mail-sent-at = надіслано: { $time }
admin-mail-pending =
    { $attempts ->
        [0] очікує надсилання
       *[other] очікує, спроб: { $attempts }
    }
admin-mail-undeliverable =
    { $attempts ->
        [one] не вдалося доставити після { $attempts } спроби, більше не надсилатиметься
       *[other] не вдалося доставити після { $attempts } спроб, більше не надсилатиметься
    }
admin-method-scan = Квиток відскановано
admin-method-manual = вручну
admin-office-device = Офіс: { $name }
admin-check-in-title = Реєстрація на вході
admin-scan-ok = Зареєстровано.
admin-scan-already_checked_in = Цю особу вже зареєстровано.
admin-scan-invalid = Немає дійсного квитка.
admin-scan-revoked = Квиток заблоковано.
admin-scan-cancelled = Реєстрацію скасовано або не підтверджено.
admin-scan-wrong_event = Квиток належить до іншого заходу.
admin-scan-not_registered_for_session = Ця особа не зареєстрована на цей пункт програми.
admin-add-attendee-to = Зареєструвати особу: { $event }
admin-field-consent-by-phone = Особа погодилася на обробку своїх даних (напр. телефоном).
admin-list-event = Захід: { $event }
admin-list-date = Дата: { $date }
admin-list-place = Місце: { $place }
admin-list-session = Пункт програми: { $session }
admin-list-whole-event = Увесь захід
admin-list-page = Сторінка { $page } з { $pages }
admin-col-no = №
admin-col-municipality = Громада / партнер
admin-col-signature = Підпис
admin-col-sessions = Пункти програми
admin-download-pdf = Завантажити PDF
admin-badges-pdf = Бейджі (PDF)
admin-print-hint = Або надрукуйте цю сторінку безпосередньо з браузера.
admin-check-ins-of = Реєстрація на вході: { $event }
admin-check-ins-count =
    { $count ->
        [one] { $count } реєстрація
        [few] { $count } реєстрації
        [many] { $count } реєстрацій
       *[other] { $count } реєстрації
    }
admin-expected-count = очікується: { $count }
admin-blocked-title = Сканування заблокованих пристроїв
admin-blocked-intro = Ці пристрої були заблоковані, коли надіслали ці сканування: через них нікого не впущено. Офлайн пристрій міг раніше когось впустити; перевірте цих людей.
admin-blocked-received = Отримано
admin-blocked-offline = Впущено офлайн о
admin-blocked-unknown = Квиток не читається
admin-conflicts-title = Конфлікти (двічі впущено офлайн)
admin-no-conflicts = Конфліктів немає.
admin-conflict-first = Спершу
admin-conflict-second = Потім
admin-undos-title = Скасовані
admin-col-time = Час
admin-col-scope = Куди
admin-col-device = Пристрій
admin-col-method = Спосіб
admin-scope-entrance = Вхід
admin-undo-of = скасовано реєстрацію на вході (час: { $time })
admin-doors-of = Пристрої на вході: { $event }
admin-door-new = Новий пристрій
admin-door-name = Назва пристрою
admin-door-name-hint = Наприклад, «Північний вхід» або «Форум 2».
admin-door-create = Створити пристрій
admin-door-created = Пристрій «{ $name }» створено
admin-door-created-hint = Відкрийте посилання на телефоні або відскануйте QR-код. Його показано лише зараз; хто його має, може реєструвати учасників на вході.
admin-door-qr-alt = QR-код для відкриття пристрою «{ $name }»
admin-door-active = Активний
admin-door-revoked-at = Заблоковано: { $time }
admin-door-rename = Перейменувати
admin-door-rename-label = Нова назва пристрою «{ $name }»
admin-door-revoke = Заблокувати
admin-col-created = Створено
admin-col-actions = Дії
admin-programme-of = Програма: { $event }
admin-col-places = Зайнято / усього місць
admin-field-room = Приміщення
admin-field-speakers = Спікери
admin-field-kind = Тип
admin-move-up = Перемістити пункт «{ $session }» вгору
admin-move-down = Перемістити пункт «{ $session }» вниз
admin-remove = Видалити
admin-session-remove-confirm =
    { $count ->
        [one] Так, видалити також із вибору { $count } особи
       *[other] Так, видалити також із вибору { $count } осіб
    }
admin-session-remove-warning =
    { $count ->
        [one] { $count } особа обрала цей пункт. Підтвердьте видалення позначкою.
        [few] { $count } особи обрали цей пункт. Підтвердьте видалення позначкою.
       *[other] { $count } осіб обрали цей пункт. Підтвердьте видалення позначкою.
    }
admin-session-new = Новий пункт програми
admin-session-add = Додати пункт
admin-team-self = Це ви; вашу роль змінює інший адміністратор.
admin-field-role = Роль
admin-role-door = Вхід (лише пристрої)
admin-role-organiser = Організатор (заходи, учасники)
admin-role-admin = Адміністратор (усе, зокрема команда)
admin-field-all-events = Усі заходи
admin-field-events = Призначені заходи
admin-field-disabled = Доступ заблоковано
admin-invitations-pending = Відкриті запрошення:
admin-invite-submit = Надіслати запрошення
admin-invited = Запрошення на адресу { $email } надіслано.
admin-col-actor = Хто
admin-col-action = Дія
admin-col-subject = Що
admin-col-detail = Подробиці
error-password-too-short = Пароль має містити щонайменше 10 символів.
error-invalid-date-time = Вкажіть дату й час, наприклад, 2027-06-12T10:00.
error-403-title = Немає доступу
error-403-text = У вас немає дозволу на це, або термін дії форми минув. Перезавантажте сторінку й спробуйте ще раз.
mail-invite-subject = Запрошення до команди Treffpunkt
mail-invite-text = Вас запросили до команди Treffpunkt. Перейдіть за цим посиланням (воно дійсне 7 днів), щоб указати імʼя та пароль:
mail-reset-subject = Новий пароль для Treffpunkt
mail-reset-text = Перейдіть за цим посиланням (воно дійсне одну годину), щоб встановити новий пароль. Якщо ви цього не запитували, просто проігноруйте цей лист.
admin-cancel-event-confirm = Так, скасувати (усі зареєстровані це побачать)
admin-cancel-event-unconfirmed = Підтвердьте скасування позначкою біля кнопки.
admin-bulk-cancel-title = Скасувати вибраних?
admin-bulk-cancel-warning =
    { $count ->
        [one] Реєстрацію { $count } особи буде скасовано; місце звільниться й перейде до наступної особи зі списку очікування.
       *[other] Реєстрації { $count } осіб буде скасовано; місця звільняться й перейдуть до наступних осіб зі списку очікування.
    }
admin-bulk-cancel-submit = Так, скасувати
admin-edit-attendee = Редагування: { $name }
admin-error-not-editable = Цю реєстрацію скасовано, її більше не можна змінити.
mail-approval-subject = Реєстрацію отримано: { $event }
mail-approval-intro = Вашу реєстрацію на захід «{ $event }» отримано. Участь – за запрошенням; команда ухвалить рішення й напише вам. До того часу місце залишається за вами.
mail-declined-subject = Відмова: { $event }
mail-declined-intro = На жаль, ми не можемо підтвердити вашу реєстрацію на захід «{ $event }». Якщо у вас є запитання, просто дайте відповідь на цей лист.
admin-approve = Схвалити
admin-decline = Відхилити
admin-bulk-approve = схвалити (надійде підтвердження з квитком)
admin-mail-awaiting_approval = Отримано, очікує схвалення
admin-mail-declined = Відмова
admin-field-door-overbooking = Дозволити перевищення місць на вході (гості без реєстрації та додані вручну проходять і тоді, коли місць немає)
admin-session-edit = Редагування пункту програми «{ $session }»
admin-reports-title = Звіти для грантодавця (XLSX)
admin-report-year = Звіт для грантодавця за { $year } рік
admin-report-sheet-events = Заходи
mail-changed-subject = Зміни в реєстрації: { $event }
mail-changed-intro = Команда змінила вашу реєстрацію на захід «{ $event }». Ось як вона виглядає тепер:
admin-mail-changed = Зміни від команди
admin-messages-title = Повідомлення
admin-messages-of = Написати учасникам: { $event }
admin-messages-who = Кому
admin-messages-subject = Тема
admin-messages-body = Текст
admin-messages-placeholders = Заповнювачі: {"{"}name{"}"} (імʼя особи, яка отримує повідомлення), {"{"}event{"}"} (захід), {"{"}link{"}"} (посилання на реєстрацію). Посилання також додається під кожним повідомленням.
admin-messages-preview-button = Попередній перегляд
admin-messages-send = Надіслати зараз
admin-messages-history = Надіслано раніше
admin-messages-nobody = Під цей вибір ніхто не підпадає.
admin-messages-preview =
    { $count ->
        [one] Попередній перегляд: { $count } отримувач
        [few] Попередній перегляд: { $count } отримувачі
       *[other] Попередній перегляд: { $count } отримувачів
    }
admin-messages-sent =
    { $count ->
        [one] Повідомлення надсилається { $count } отримувачу.
       *[other] Повідомлення надсилається { $count } отримувачам.
    }
admin-bulk-message = написати повідомлення
admin-messages-who-reads-what = Хто яку версію читає
admin-messages-reader-language = Мова
admin-messages-registrations = Отримувачі
admin-messages-gets-version = Отримує версію
admin-messages-replies-to = Відповіді надходять на { $address }.
admin-messages-replies-to-sender = Відповіді надходять на адресу відправника.
admin-messages-to-selected = Вибрані особи: { $count }
admin-messages-selection-hint = Повідомлення отримує кожна вибрана особа з власною адресою електронної пошти — її мовою, інакше контактна особа її реєстрації; кожна адреса отримує його один раз.
admin-messages-to-filtered-instead = Натомість написати відфільтрованій групі
admin-messages-version-de = Німецькою (обовʼязково)
admin-messages-version-en = Англійською (за бажанням)
admin-messages-version-uk = Українською (за бажанням)
admin-messages-languages-hint = Англійська та українська версії необовʼязкові; заповніть і тему, і текст або залиште обидва поля порожніми. Хто зареєструвався мовою, для якої немає версії, отримає німецьку.
admin-messages-subject-en = Тема англійською
admin-messages-body-en = Текст англійською
admin-messages-subject-uk = Тема українською
admin-messages-body-uk = Текст українською
admin-messages-reply-to = Відповіді на (Reply-To)
admin-messages-reply-to-hint = Адреса, на яку надходять відповіді; її бачать усі отримувачі. Порожньо: адреса відправника.
admin-messages-history-selected =
    { $count ->
        [one] { $count } вибраній особі
       *[other] { $count } вибраним особам
    }
mail-message-footer = Ваша реєстрація на захід «{ $event }»:
admin-mail-organiser_message = Повідомлення від команди

# Registration form: own questions
org-type-unspecified = Не вказано
error-answer-missing = Будь ласка, дайте відповідь на це запитання.
error-answer-not-ticked = Будь ласка, поставте тут позначку; без цієї згоди реєстрація неможлива.
register-questions = Додаткові запитання
answer-yes = Так
answer-no = Ні
answer-none = Без відповіді
field-optional = (необовʼязково)
manage-answers = Ваші відповіді

# Back office: registration form
admin-form-title = Реєстраційна форма
admin-form-of = Реєстраційна форма: { $event }
admin-saved = Збережено.
admin-form-standard-fields = Стандартні поля
admin-form-standard-fields-hint = Імʼя та адреса електронної пошти запитуються завжди. Для інших полів виберіть, чи вони обовʼязкові, необовʼязкові або взагалі відсутні у формі.
admin-field-rule-required = Обовʼязкове
admin-field-rule-optional = Необовʼязкове
admin-field-rule-hidden = Не запитувати
admin-form-questions = Власні запитання
admin-col-question = Запитання
admin-col-answered = Відповіли
admin-question-required = обовʼязкове
admin-question-required-label = Обовʼязкове запитання (для згоди: без позначки реєстрація неможлива)
admin-question-new = Нове запитання
admin-question-add = Додати запитання
admin-question-edit = Редагувати запитання: { $question }
admin-field-question-de = Запитання або текст згоди (німецькою)
admin-field-question-en = Запитання або текст згоди (англійською; якщо порожньо – німецькою)
admin-field-question-uk = Запитання або текст згоди (українською; якщо порожньо – німецькою)
admin-question-options-hint = Лише для запитань з вибором: один варіант на рядок, переклади в тому самому порядку й кількості.
admin-field-options-de = Варіанти відповіді (німецькою)
admin-field-options-en = Варіанти відповіді (англійською; якщо порожньо – німецькою)
admin-field-options-uk = Варіанти відповіді (українською; якщо порожньо – німецькою)
admin-question-kind-short_text = Короткий текст
admin-question-kind-long_text = Довгий текст
admin-question-kind-single_choice = Один варіант
admin-question-kind-multiple_choice = Кілька варіантів
admin-question-kind-yes_no = Так/ні
admin-question-kind-consent = Згода (позначка з власним текстом)
admin-error-options-too-few = Запитання з вибором потребує щонайменше двох варіантів, по одному на рядок.
admin-error-options-too-many = Не більше 30 варіантів.
admin-error-options-do-not-match = Переклад має містити стільки ж рядків, скільки німецькі варіанти (або залишитися порожнім).
admin-error-options-duplicate = Кожен варіант можна вказати лише один раз.
admin-error-too-many-questions = Форма може мати не більше { $count } власних запитань.
admin-question-remove-confirm =
    { $count ->
        [one] Так, також видалити відповідь { $count } особи
       *[other] Так, також видалити відповіді { $count } осіб
    }
admin-question-remove-warning =
    { $count ->
        [one] { $count } особа відповіла на це запитання. Підтвердьте видалення позначкою; відповідь буде видалено.
        [few] { $count } особи відповіли на це запитання. Підтвердьте видалення позначкою; відповіді буде видалено.
       *[other] { $count } осіб відповіли на це запитання. Підтвердьте видалення позначкою; відповіді буде видалено.
    }
admin-col-answers = Відповіді
admin-filter-answer = Відповідь
admin-filter-answer-any = є відповідь
manage-data-heading = Ваші дані
manage-data-text = Завантажте все, що ми зберігаємо щодо цієї реєстрації: дані, згоди та відповіді з їхнім формулюванням, пункти програми, реєстрації на вході та електронні листи.
manage-data-download = Завантажити мої дані (JSON)

# Waiting lists per programme session
mail-session-promoted-subject = Для вас звільнилося місце в програмі: { $event }
mail-session-promoted-intro = Гарна новина: в одному з пунктів програми заходу «{ $event }», де ви були в списку очікування, звільнилося місце. Тепер воно ваше; нижче – ваша актуальна програма.
session-on-waiting-list = { $session } (список очікування)
admin-mail-session_promoted = Отримали місце в пункті програми

# Adding a person after registering
add-person-title = Додати особу
add-person-submit = Зареєструвати цю особу
add-person-link = Додати ще одну особу до цієї реєстрації
error-add-event-full = Усі місця зайняті; більше ніхто не може долучитися.
error-delegation-full = Одна реєстрація може містити не більше 21 особи.
admin-event-privacy = Захист даних
admin-field-retention-days = Анонімізувати персональні дані (через скільки днів після завершення)
admin-field-retention-days-hint = Після цього імена, адреси e-mail і відповіді довільним текстом видаляються; цифри для звіту грантодавцю залишаються незмінними.
admin-error-retention-days = Ціле число від 1 до 3650.
manage-deletion-link = Подати запит на видалення моїх даних
manage-deletion-requested = Запит на видалення ваших даних подано: { $time }. Організатори видалять їх протягом місяця.
deletion-title = Запит на видалення ваших даних
deletion-question = Бажаєте подати запит на видалення даних цих осіб, зареєстрованих на захід «{ $event }»?
deletion-what = Буде видалено імена, адреси e-mail, відповіді власними словами та це посилання. Те, що не вказує на особу, залишається для статистики (наприклад, тип організації, участь у програмі).
deletion-cancels = Захід ще не відбувся: разом із видаленням даних буде скасовано й місця.
deletion-when = Організатори виконають видалення протягом місяця (ст. 12 і 17 GDPR). До того часу ця сторінка залишається доступною.
deletion-submit = Подати запит на видалення
deletion-keep = Назад, нічого не подавати
admin-privacy-due = { $count ->
    [one] Персональні дані { $count } зареєстрованої особи буде анонімізовано: { $time } ({ $days } дн. після завершення заходу).
    [few] Персональні дані { $count } зареєстрованих осіб буде анонімізовано: { $time } ({ $days } дн. після завершення заходу).
    [many] Персональні дані { $count } зареєстрованих осіб буде анонімізовано: { $time } ({ $days } дн. після завершення заходу).
   *[other] Персональні дані { $count } зареєстрованих осіб буде анонімізовано: { $time } ({ $days } дн. після завершення заходу).
}
admin-privacy-anonymised = Персональні дані анонімізовано: { $time }.
admin-privacy-what = Видаляються: імена, адреси e-mail, відповіді довільним текстом, посилання реєстрацій та їхні листи, імена в журналі та історії сканувань. Залишаються: статус, день реєстрації, організація та її тип, громада-партнер, пункти програми, реєстрації на вході та вибрані відповіді: усі цифри та звіт для грантодавця залишаються незмінними.
admin-privacy-requests = Запити на видалення
admin-privacy-requested-at = запит подано: { $time }
admin-privacy-anonymise = Анонімізувати зараз
admin-privacy-anonymise-confirm = Я розумію: імена та контактні дані всіх зареєстрованих буде остаточно видалено.
admin-privacy-confirm-missing = Спочатку підтвердіть позначкою.
admin-anonymised-person = (анонімізовано)
admin-privacy-person-title = Дані цієї особи
admin-privacy-export = Завантажити дані цієї особи (JSON)
admin-privacy-erase = Видалити дані цієї особи
admin-privacy-erase-confirm = Я розумію: імʼя, адресу e-mail і відповіді довільним текстом буде остаточно видалено; якщо захід ще не відбувся, місце буде скасовано.
admin-privacy-erased-at = Дані цієї особи видалено: { $time }.
admin-privacy-request-notice = Запит на видалення подано: { $time }.
admin-col-consent-wording = Текст згоди
admin-actor-participant = сама особа (сторінка реєстрації)
admin-question-shown-at-door-label = Це згода на фото- та відеозйомку: хто не погоджується, отримує «Будь ласка, не фотографувати» на бейджі, у списку для підписів і в пошуку за іменем на вході (лише так/ні та згода)
admin-error-shown-at-door = Показувати на вході можна лише запитання «так/ні» та згоди.
no-photos = Будь ласка, не фотографувати
organiser-name = Мережеве бюро партнерства міст землі Північний Рейн – Вестфалія
certificate-heading = Довідка про участь
certificate-confirms = Цим підтверджується, що
certificate-attended = взяв(-ла) участь у такому заході (дата: { $date }; місце: { $place }):
certificate-days = { $from } – { $to }
certificate-sessions = Відвідані пункти програми (зареєстровано на вході):
certificate-issued = Дата видачі: { $date }
certificate-signature = Підпис, мережеве бюро партнерства міст NRW
manage-certificate = Завантажити довідку про участь (PDF): { $name }
mail-certificate-subject = Ваша довідка про участь: { $event }
mail-certificate-intro = { $count ->
    [one] Дякуємо за участь у заході «{ $event }». Довідку про участь додано до цього листа.
    [few] Дякуємо за участь у заході «{ $event }». До цього листа додано { $count } довідки про участь.
    [many] Дякуємо за участь у заході «{ $event }». До цього листа додано { $count } довідок про участь.
   *[other] Дякуємо за участь у заході «{ $event }». До цього листа додано { $count } довідки про участь.
}
mail-certificate-link = Довідки також можна завантажити на сторінці вашої реєстрації:
admin-mail-certificate = Довідки про участь
admin-certificates-title = Довідки про участь
admin-certificates-later = Після заходу особи, зареєстровані на вході, можуть завантажити довідку на сторінці своєї реєстрації; тут усі довідки можна буде надіслати електронною поштою.
admin-certificates-gone = Дані анонімізовано: довідок більше немає.
admin-certificates-status = { $count ->
    [one] { $count } реєстрація з особами, зареєстрованими на вході; надіслано: { $mailed }.
    [few] { $count } реєстрації з особами, зареєстрованими на вході; надіслано: { $mailed }.
    [many] { $count } реєстрацій з особами, зареєстрованими на вході; надіслано: { $mailed }.
   *[other] { $count } реєстрації з особами, зареєстрованими на вході; надіслано: { $mailed }.
}
admin-certificates-send = Надіслати всім довідки електронною поштою
privacy-event-retention = { $days ->
    [one] Захід «{ $event }»: ваші персональні дані буде анонімізовано через { $days } день після заходу ({ $date }).
    [few] Захід «{ $event }»: ваші персональні дані буде анонімізовано через { $days } дні після заходу ({ $date }).
    [many] Захід «{ $event }»: ваші персональні дані буде анонімізовано через { $days } днів після заходу ({ $date }).
   *[other] Захід «{ $event }»: ваші персональні дані буде анонімізовано через { $days } дня після заходу ({ $date }).
}
content-german-only = Інформація про цей захід доступна лише німецькою мовою.

# A full event: the form stays, for the waiting list.
event-full-waitlist = Усі місця на цей захід зайнято. Ви можете записатися до списку очікування: щойно звільниться місце, ви отримаєте його в порядку реєстрації, а квиток – електронною поштою.
event-full-waitlist-short = Місць немає – можна записатися до списку очікування.
event-join-waitlist = До списку очікування
event-join-waitlist-for = До списку очікування: { $event }
register-submit-waitlist = Записатися до списку очікування

# Online events: no entrance, no place.
manage-ticket-hint-online = Захід проходить онлайн: ви долучаєтеся за посиланням для підключення, квиток показувати не потрібно.
mail-ticket-hint-online = Захід проходить онлайн: ви долучаєтеся за посиланням для підключення, квиток показувати не потрібно.
certificate-attended-online = взяв(-ла) участь онлайн у такому заході (дата: { $date }):

# The back office's person page
admin-ticket-title = Квиток

# Each status says what is true for it
mail-promoted-confirm-subject = Звільнилося місце – будь ласка, підтвердьте: { $event }
mail-promoted-confirm-intro = Гарна новина: звільнилося місце на захід «{ $event }», і ви перейшли зі списку очікування. Будь ласка, підтвердьте свою адресу електронної пошти за посиланням нижче, щоб місце залишилося за вами; до того часу ми його тримаємо.
admin-mail-promoted_confirm_email = Перейшли зі списку очікування, чекаємо підтвердження
manage-keep-link-status = Будь ласка, збережіть посилання на цю сторінку: тут завжди видно стан вашої реєстрації.
manage-resend-plain = Надіслати лист ще раз
manage-confirm-pending = Ми надіслали посилання для підтвердження на адресу { $email }. Будь ласка, підтвердьте реєстрацію до вказаного терміну: { $deadline }. До того часу ми тримаємо для вас місце.

# The summary above a form names each field
form-error-line = { $field }: { $message }
field-consent-name = Згода

# The certificate tells checked-in sessions from registered ones
certificate-sessions-registered = Пункти програми згідно з реєстрацією:

# A ticket to print or forward
ticket-pdf-heading = Квиток
manage-ticket-pdf = Квиток у PDF: { $name } (щоб роздрукувати або переслати)

# The audit log in words
admin-audit-export = Експорти (усі)
admin-audit-export-attendees-csv = Експорт: список учасників (CSV)
admin-audit-export-attendees-xlsx = Експорт: список учасників (Excel)
admin-audit-export-signature-list = Експорт: список для підписів (PDF)
admin-audit-export-badges = Експорт: бейджі (PDF)
admin-audit-export-report = Експорт: звіт для грантодавця
admin-audit-export-yearly-report = Експорт: річний звіт для грантодавця
admin-audit-export-check-ins-csv = Експорт: список входів (CSV)
admin-audit-privacy-export = Дані особи експортовано
admin-audit-privacy-download = Дані завантажено самою особою
admin-audit-privacy-erase = Дані особи видалено
admin-audit-privacy-anonymise = Захід анонімізовано
admin-audit-privacy-deletion-request = Запит на видалення
admin-audit-attendee-add = Особу додано вручну
admin-audit-attendee-edit = Дані особи змінено
admin-audit-attendee-cancel = Реєстрацію особи скасовано
admin-audit-attendee-check-in = Зареєстровано на вході вручну
admin-audit-attendee-reissue-ticket = Квиток видано повторно
admin-audit-registration-approve = Реєстрацію схвалено
admin-audit-registration-decline = Реєстрацію відхилено
admin-audit-event-create = Захід створено
admin-audit-event-edit = Захід змінено
admin-audit-event-duplicate = Захід скопійовано
admin-audit-event-publish = Захід опубліковано
admin-audit-event-cancel = Захід скасовано
admin-audit-programme-add = Пункт програми додано
admin-audit-programme-edit = Пункт програми змінено
admin-audit-programme-remove = Пункт програми вилучено
admin-audit-form-fields = Форму реєстрації змінено
admin-audit-message-send = Повідомлення надіслано
admin-audit-certificates-send = Довідки про участь надіслано
admin-audit-door-create = Пристрій для входу створено
admin-audit-door-rename = Пристрій для входу перейменовано
admin-audit-door-revoke = Пристрій для входу заблоковано
admin-audit-team-access = Доступ у команді змінено
admin-audit-team-invite = Запрошено до команди
admin-audit-account-log-in = Вхід до бекофісу
admin-audit-newer = Новіші записи
admin-audit-older = Старіші записи
admin-audit-form-question-add = Запитання додано
admin-audit-form-question-edit = Запитання змінено
admin-audit-form-question-remove = Запитання вилучено

# Each member of a delegation: their own kind of organisation and partner
delegation-as-contact = як у вас
delegation-language = Мова листів для цієї особи
delegation-partner-municipality = Громада-партнер (якщо порожньо – як у вас)

# Forum waiting lists in the figures
admin-col-waiting = Список очікування

# Moving someone up from the waiting list by hand
admin-waitlist-move-up = Перевести зі списку очікування
admin-audit-registration-move-up = Переведено вручну зі списку очікування

# A revoked door device stops admitting
door-device-blocked = Цей пристрій заблоковано: він більше нікого не пропускає. Будь ласка, зверніться до команди.
door-status-refused = Сканувань, відхилених сервером: { $count }

# Mail given up, on the event page
admin-undeliverable-title = Недоставлені листи: { $count }
admin-col-mail = Лист
admin-col-reason = Причина
admin-nav-status = Стан
admin-status-version = Версія
admin-status-database = База даних
admin-status-running-since = Працює з
admin-status-since = { $time } ({ $duration })
admin-status-outbox-unsent = Листи у вихідних
admin-status-outbox-oldest = Найстаріший лист у черзі
admin-status-outbox-undeliverable = Недоставлені листи
admin-status-none = немає
admin-status-backup = Остання резервна копія
admin-status-backup-off = Запланованих резервних копій немає (сервер запущено без --backup-dir)
admin-status-backup-none-yet = Від запуску ще жодної; копії зберігаються в { $dir }
admin-status-backup-done = { $time }, { $size }
admin-status-backup-failed = Не вдалося { $time }: { $reason }
admin-status-disk-free = Вільне місце в теці даних
admin-status-unknown = невідомо
admin-status-days = { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[other] { $days } днів
}
admin-status-hours-minutes = { $hours } год { $minutes } хв
admin-status-megabytes = { $size } МБ
admin-status-probes = Для балансувальників навантаження та моніторингу: /healthz (процес відповідає) і /readyz (база даних, міграції та фонові процеси готові).
