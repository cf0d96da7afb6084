## Treffpunkt – English

site-name = Treffpunkt
skip-link = Skip to content
language-switch = Language
language-name-de = Deutsch
language-name-en = English
language-name-uk = Українська
footer-privacy = Privacy notice
footer-calendar-feed = Subscribe to the calendar of all events

## Dates
date-long = { $weekday }, { $day } { $month } { $year }
date-time = { $date }, { $time }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Error pages
error-back-home = Back to the list of events
error-400-title = Request not understood
error-400-text = The request could not be read. Please reload the page and try again.
error-404-title = Page not found
error-404-text = This page does not exist (any more). The link may have changed or be incomplete.
error-405-title = Not possible
error-405-text = This action is not possible on this page.
error-408-title = Timed out
error-408-text = The request took too long. Please try again.
error-413-title = Too much data
error-413-text = The data sent is too large. Please shorten your entries.
error-415-title = Format not supported
error-415-text = The data was sent in a format that is not accepted here.
error-429-title = Too many requests
error-429-text = Please wait a moment and then try again.
error-500-title = Something went wrong
error-500-text = This is our fault, not yours. Please try again in a few minutes.
error-503-title = Temporarily unavailable
error-503-text = The service cannot be reached right now. Please try again in a few minutes; your data is not lost.

## Event list and event page
index-title = Events
index-intro = Day of Town Twinning, Reallabor workshops, information events and expert exchanges of the NRW town twinning network office.
index-empty = No events are planned at the moment.
index-subscribe = Subscribe to all events in your own calendar
event-when = When
event-where = Where
event-format = Format
event-places = Places
event-format-in-person = in person
event-format-online = online
event-format-hybrid = hybrid (in person and online)
event-register = Register now
event-register-for = Register: { $event }
event-online-note = You will find the access link on your confirmation page after registering.
event-add-to-calendar = Add to calendar (.ics)
event-programme = Programme
event-cancelled = This event has been cancelled.
event-full = This event is fully booked.
registration-not-open-yet = Registration opens on { $date }.
registration-closed = Registration is closed.
places-full = fully booked – waiting list open
places-free = { $count ->
    [one] { $count } place left
   *[other] { $count } places left
}
session-kind-plenary = Plenary
session-kind-forum = Forum
session-kind-workshop = Workshop
session-kind-excursion = Excursion
session-room = Room: { $room }
session-speakers = With: { $speakers }

## Registration form
register-title = Registration: { $event }
register-about-you = About you
register-submit = Register
register-back-to-event = Back to the event
form-required-note = Fields marked “(optional)” may be left empty; we need all the others for your registration.
form-errors-title = Please check your entries
field-first-name = First name
field-last-name = Last name
field-email = E-mail address
field-email-hint = We send the confirmation to this address.
field-organisation = Organisation
field-organisation-hint = For example your town, district or association.
field-organisation-type = Type of organisation
field-organisation-type-choose = Please choose
field-partner-municipality = Partner municipality
field-partner-municipality-hint = For example your partner town in Ukraine.
field-sessions = Programme choice (optional)
field-sessions-hint = The forums take place at the same time; please choose at most one.
field-consent = I agree that my details are processed to organise and run the event.
field-consent-privacy-link = Read the privacy notice
org-type-kommune = Municipality
org-type-kreis = District
org-type-verein = Association
org-type-partner_abroad = Partner municipality abroad (e.g. Ukraine)
org-type-land_bund = Federal state / federal government
org-type-science_education = Science / education
org-type-civil_society_other = Civil society / other
error-required = Please fill in this field.
error-too-long = This text is too long.
error-invalid-email = Please enter a valid e-mail address, for example name@town.org.
error-invalid-characters = This text contains control characters or invisible characters that are not allowed.
error-invalid-choice = This choice is not possible.
error-choose = Please choose the type of your organisation.
error-consent-missing = We cannot accept the registration without your consent.
error-unknown-session = This programme item does not belong to this event.
error-sessions-overlap = Two chosen programme items take place at the same time. Please choose one of them.
error-event-full = The event is now fully booked. Your registration was not saved.
error-form-unreadable = The form could not be read. Please fill it in again.
error-form-reused = This form was already sent. To register another person, please check the details below and send the form again.

## Registration page
manage-title = Your registration
manage-contact-email = E-mail
manage-online-link = Access link for online participation:
manage-calendar = Add to calendar (.ics)
manage-keep-link = Please keep the link to this page: your ticket is always here.
manage-sessions = Chosen programme items
manage-no-sessions = No programme choice.
manage-ticket-title = Your ticket
manage-ticket-alt = QR ticket for { $name }
manage-ticket-hint = Show this QR code at the entrance, on your phone or printed.
manage-ticket-download = Download the ticket as an image (PNG)
manage-ticket-code = Ticket code to type in
status-pending-confirmation = Please confirm your e-mail address.
status-confirmed = You are registered.
status-waitlisted = You are on the waiting list.
status-awaiting-approval = Your registration is being reviewed.
status-cancelled = This registration has been cancelled.

## Calendar
calendar-feed-name = Treffpunkt – events
calendar-online-link = Access link: { $url }

## Privacy notice
privacy-title = Privacy notice
privacy-controller-heading = Controller
privacy-controller = The controller is the NRW town twinning network office, which runs these events.
privacy-data-heading = What data we process
privacy-data = Name, e-mail address, organisation, type of organisation, partner municipality, programme choice and the time of your consent and of your admission.
privacy-purpose-heading = What for
privacy-purpose = To organise and run the event (admission, list of participants, room planning) and for anonymised figures for the funder. The legal basis is your consent (Art. 6(1)(a) GDPR).
privacy-retention-heading = How long
privacy-retention = Names, e-mail addresses and answers in your own words are anonymised automatically a set time after the event (usually 180 days); what does not point to a person (kind of organisation, taking part in sessions) stays for the figures reported to the funder.
privacy-rights-heading = Your rights
privacy-rights = You can ask for access, correction and deletion and withdraw your consent at any time. On your registration page you can download everything stored and ask for its erasure; you can also contact the network office. You also have the right to complain to a data protection supervisory authority.

## Door
door-title = Admission: { $event }
door-device = Device: { $device }
door-scope = What is being checked in?
door-scope-entrance = Event entrance
door-code-label = Scan the ticket or type the code
door-code-hint = Handheld scanner: just scan, the code is sent automatically.
door-submit = Check
door-counts = { $checked } of { $expected } checked in
door-network-error = No connection to the server. Please scan again.
door-unknown-session = This programme item does not belong to this event.
door-result-ok = Admitted
door-result-already = Already checked in at { $time } by { $device }
door-result-invalid = Invalid ticket
door-result-revoked = Ticket replaced or blocked
door-result-cancelled = Registration cancelled
door-result-wrong-event = Ticket for another event
door-result-not-registered-for-session = Not registered for this programme item

## E-mail
mail-confirmation-subject = Registration confirmed: { $event }
mail-greeting = Dear { $name },
mail-confirmation-intro = Thank you for registering for "{ $event }". Here are your details and your ticket.
mail-ticket-hint = Show the QR code at the entrance, on your phone or printed.
mail-manage-link = Your registration with ticket and calendar file is always here:
mail-calendar-attached = The calendar file (.ics) is attached to this e-mail.
mail-signature = The NRW town twinning network office
mail-waitlisted-subject = Waiting list: { $event }
mail-waitlisted-intro = "{ $event }" is fully booked; you are on the waiting list. As soon as a place becomes free, you move up automatically in order of registration and get your ticket by e-mail.
mail-promoted-subject = A place is yours: { $event }
mail-promoted-intro = Good news: a place has become free for "{ $event }". You have moved up from the waiting list and are now registered. Here is your ticket.
mail-cancelled-subject = Cancelled: { $event }
mail-cancelled-intro = Your registration for "{ $event }" is cancelled. Your place goes to the next person on the waiting list.
mail-link-subject = Your registration link: { $event }
mail-link-intro = You asked for the link to your registration for "{ $event }".
register-sent-title = Please check your e-mail
register-sent-text = Thank you. We have sent an e-mail with the link to your registration for "{ $event }" to the address you gave. Please also look in your spam folder.
register-sent-again = No e-mail? Ask for the link again

manage-cancel-heading = Cannot come?
manage-cancel-link = Cancel the registration
cancel-title = Cancel the registration
cancel-question = Do you really want to cancel your registration for "{ $event }"? This concerns:
cancel-consequence = Your ticket becomes invalid and your place goes to the next person on the waiting list.
cancel-submit = Yes, cancel
cancel-keep = No, keep the registration
find-title = Get the link to your registration
find-intro = Enter the e-mail address you registered with. We send the link to every registration of this address there.
find-submit = Send the link
find-sent = If there are registrations for this address, we have sent the links there. Please also look in your spam folder.
footer-find-registration = Get the link to your registration
delegation-legend = Further people (delegation, optional)
delegation-hint = Register further members of your delegation right away, for example guests from your partner municipality. Everyone gets their own ticket. Whoever gives an e-mail address of their own also receives their ticket and every message about the registration themselves, in the language chosen; you still receive the overview with all tickets. Without their own e-mail address, everything goes to you.
delegation-person = Person { $number }
delegation-email = E-mail address (optional)
delegation-organisation = Organisation (optional, otherwise yours)
delegation-add = Add another person
manage-resend = Send the e-mail with the ticket again
manage-resent = The e-mail is on its way.
manage-cancel-attendee = Cancel only { $name }
mail-confirm-subject = Please confirm your registration: { $event }
mail-confirm-intro = Please confirm your e-mail address so that your registration for "{ $event }" counts. Until then we hold your place for you.
mail-confirm-action = Confirm the registration now
confirm-expired-title = This confirmation link has expired
confirm-expired-text = The registration was not confirmed in time or has been cancelled; the place is free again. You are welcome to register again.
confirm-unknown-title = This confirmation link is unknown
confirm-unknown-text = Please check that the link is complete. You can have the link to your registration sent to you again at any time.
mail-reminder-subject = Reminder: { $event } on { $date }
mail-reminder-intro = We look forward to seeing you at "{ $event }" on { $date }. Here are your details and your ticket once more. If you cannot come, please cancel through the link below so that someone from the waiting list can move up.
manage-edit-attendee = Change the details and programme choice of { $name }
edit-title = Change details
edit-save = Save the changes
edit-back = Back to the registration without saving
door-camera-start = Scan with the camera
door-camera-stop = Turn the camera off
door-camera-denied = The camera is not allowed. Please allow access in the browser settings.
door-camera-unavailable = Camera scanning needs a browser with camera access over HTTPS. A handheld scanner and typing always work.
door-search-heading = Search by name
door-search-label = Name or organisation
door-search-submit = Search
door-search-admit = Admit
door-search-none = Nobody found.
door-search-checked-in = checked in at { $time }
door-counts-here = { $count } at this device
door-recent-heading = Last scans at this device
door-recent-already = Already checked in
door-undo = Undo
door-walk-in-heading = Register a new person at the door
door-walk-in-consent = The person agrees to their details being processed.
door-walk-in-submit = Register and admit
door-walk-in-already = This e-mail address is already registered. Please admit them through the name search.
door-walk-in-full = The event is full; nobody more can be registered at the door.
door-walk-in-closed = Registration for this event is no longer possible.
door-status-online = Online
door-status-offline = Offline – this device checks tickets itself
door-status-waiting = { $count } scans waiting to be sent
door-status-lists = lists from { $time }
door-checked-offline = checked offline, will be sent
footer-accessibility = Accessibility
accessibility-title = Accessibility statement
accessibility-scope = The NRW town twinning network office strives to make these registration pages accessible in accordance with the German Accessible Information Technology Ordinance (BITV 2.0) and Directive (EU) 2016/2102. This statement covers Treffpunkt's public pages: events, registration, your registration and the door page.
accessibility-status-heading = Compliance status
accessibility-status = With every change the pages are checked automatically with axe-core against WCAG 2.1 level AA, in German, English and Ukrainian. All pages can be used without a mouse and work without JavaScript.
accessibility-known-heading = Content that is not accessible
accessibility-known = Scanning with the camera on the door page requires sight; the name search and typing the code are the alternatives. The QR code on the ticket has a text with your name and the ticket code to type in.
accessibility-feedback-heading = Feedback and contact
accessibility-feedback = Have you come across a barrier? Please write to the NRW town twinning network office; we answer within two weeks.
accessibility-enforcement-heading = Enforcement procedure
accessibility-enforcement = If you do not receive a satisfactory answer, you can turn to the ombudsman's office for accessible information technology of the state of North Rhine-Westphalia.
footer-imprint = Imprint
imprint-title = Imprint
imprint-legal-basis = Information pursuant to § 5 of the German Digital Services Act (DDG)
imprint-operator-heading = Operator
imprint-represented-by = Represented by
imprint-contact-heading = Contact
imprint-phone = Phone
imprint-email = E-mail
imprint-responsible-heading = Responsible for the content under § 18(2) of the German Interstate Media Treaty (MStV)
imprint-privacy-heading = Data protection
imprint-privacy-contact = Data protection contact
imprint-privacy-link = Read the privacy notice
imprint-missing = The details of who runs these pages have not been entered yet.
imprint-missing-admin = Administrators enter them in the back office under "Operator details".
imprint-missing-admin-link = Enter the operator details
privacy-controller-named = The controller responsible for processing your data within the meaning of the GDPR is:
privacy-contact-heading = Data protection contact
privacy-contact = Please send questions about data protection and requests for access or erasure to:
privacy-imprint-link = All details about the operator are in the imprint.
mail-contact = Contact: { $operator }, { $email }
mail-imprint = Imprint:
error-invalid-phone = Please enter a phone number with its area code, for example +49 211 123456.
admin-nav-operator = Operator details
admin-audit-settings-operator = Operator details changed
admin-operator-title = Operator details
admin-operator-intro = These details appear in the imprint, in the privacy notice and below every e-mail. They apply to the whole site, not to one event.
admin-operator-imprint-link = View the imprint
admin-operator-section-operator = Operator (§ 5 DDG)
admin-operator-section-responsible = Responsible for the content (§ 18(2) MStV)
admin-operator-section-privacy = Data protection
admin-operator-name = Name of the operator
admin-operator-name-hint = The authority, association or office that runs these pages.
admin-operator-representative = Represented by
admin-operator-representative-hint = Optional: who represents the operator, such as the head of the authority.
admin-operator-address = Postal address
admin-operator-address-hint = One line each: street and number, postcode and town; no PO box.
admin-operator-email = E-mail address
admin-operator-phone = Phone number
admin-operator-responsible-name = Name of the person responsible
admin-operator-responsible-name-hint = A natural person who is responsible for the editorial content.
admin-operator-responsible-address = Address of the person responsible
admin-operator-responsible-address-hint = Leave empty if it is the operator's address.
admin-operator-privacy-contact = Data protection officer or contact
admin-operator-privacy-contact-hint = A name or a title, such as "Data protection officer of the authority".
admin-operator-privacy-email = E-mail address for data protection
admin-operator-missing = The imprint is still empty: the operator details are missing.

## Back office
admin-site-name = Treffpunkt – back office
admin-nav = Back office
admin-nav-events = Events
admin-nav-team = Team
admin-nav-audit = Audit log
admin-log-out = Log out ({ $name })
admin-login-title = Team log-in
admin-login-submit = Log in
admin-login-wrong = The e-mail address or the password is wrong.
admin-login-throttled = { $seconds ->
    [one] Too many attempts. Please wait one second and try again, or reset your password.
   *[other] Too many attempts. Please wait { $seconds } seconds and try again, or reset your password.
}
admin-forgot-link = Forgotten your password?
admin-forgot-title = Reset your password
admin-forgot-intro = Enter your e-mail address. We will send you a link to choose a new password.
admin-forgot-submit = Send the link
admin-forgot-sent = If this address has an account, a link is on its way. It is valid for one hour.
admin-field-email = E-mail address
admin-field-password = Password
admin-field-new-password = New password
admin-field-password-hint = At least 10 characters; a sentence is easy to remember.
admin-field-name = Your name
admin-link-submit = Save and log in
admin-setup-title = Create the first administrator
admin-setup-intro = This link works once. The account may do everything: manage events, attendees and the team.
admin-invite-title = Invitation to the team
admin-invite-intro = You were invited as { $email }. Choose your name and a password.
admin-reset-title = Choose a new password
admin-link-invalid-title = This link is no longer valid
admin-link-invalid-text = The link was used already or has expired. Please ask for a new one.
admin-email-taken = There is already an account for this e-mail address.
admin-back = Back
admin-events-title = Events
admin-new-event = New event
admin-no-events = No events yet.
admin-col-event = Event
admin-col-when = When
admin-col-status = Status
admin-col-expected = Expected
admin-col-checked-in = Checked in
admin-event-status-draft = Draft
admin-event-status-published = Published
admin-event-status-cancelled = Cancelled
admin-event-nav = Parts of this event
admin-attendees-title = Attendees
admin-programme-title = Programme
admin-check-ins-title = Check-ins
admin-doors-title = Door devices
admin-signature-list-title = Signature list
admin-public-page = Public page
admin-edit = Edit
admin-add-attendee = Add a person
admin-publish = Publish
admin-cancel-event = Cancel the event
admin-figures = Figures
admin-figure-registered = Registered
admin-figure-confirmed = Confirmed
admin-filter-waiting = Waiting list of a session
admin-filter-waiting-any = on any waiting list
admin-figure-waiting-for-sessions = On waiting lists of sessions
admin-figure-waitlisted = Waiting list
admin-figure-cancelled = Cancelled
admin-figure-checked-in = Checked in
admin-figure-by-type = By type of organisation (confirmed)
admin-figure-by-session = By programme session
admin-figure-over-time = Registrations per day
admin-figure-none = No figures yet.
admin-figure-partnerships = Municipalities and partnerships represented
admin-figure-organisations-count =
    { $count ->
        [one] one organisation
       *[other] { $count } organisations
    }
admin-figure-partners-count =
    { $count ->
        [one] one partner municipality
       *[other] { $count } partner municipalities
    }
admin-report-download = Download the funder report (XLSX)
admin-report-sheet-summary = Summary
admin-report-sheet-organisations = Organisations
admin-report-sheet-partnerships = Partnerships
admin-col-organisation-type = Type of organisation
admin-col-count = Number
admin-col-chart = Bar
admin-col-session = Programme session
admin-col-chosen = Chosen
admin-col-capacity = Places
admin-col-day = Day
admin-duplicate = Duplicate
admin-duplicate-hint = The copy keeps texts, place and programme; all times move with the new start. It starts as a draft, without registrations.
admin-duplicate-submit = Create the copy
admin-error-duplicate = Please give a valid address (lower-case letters, digits, dashes) and a start.
admin-edit-event = Edit “{ $event }”
admin-event-texts = Texts
admin-event-place-time = Place and time
admin-event-registration = Registration
admin-field-slug = Address (URL)
admin-field-slug-hint = Lower-case letters, digits and dashes, e.g. tag-der-staedtepartnerschaften-2027.
admin-field-title-de = Title (German)
admin-field-title-en = Title (English)
admin-field-title-uk = Title (Ukrainian)
admin-field-fallback-hint = Leave empty to show the German text.
admin-field-description-de = Description (German)
admin-field-description-en = Description (English)
admin-field-description-uk = Description (Ukrainian)
admin-field-format = Format
admin-format-in_person = In person
admin-format-online = Online
admin-format-hybrid = Hybrid
admin-field-venue = Venue
admin-field-address = Address
admin-field-online-url = Access link (online)
admin-field-online-url-hint = Only confirmed attendees see it, never the public page.
admin-field-starts-at = Starts
admin-field-ends-at = Ends
admin-field-time-zone = Time zone
admin-field-opens-at = Registration opens
admin-field-opens-at-hint = Empty: as soon as it is published.
admin-field-closes-at = Registration closes
admin-field-closes-at-hint = Empty: until the start.
admin-field-capacity = Places
admin-field-capacity-hint = Empty: unlimited.
admin-field-approval = Admission
admin-approval-open = Open: every registration counts
admin-approval-approval = By invitation: the team approves
admin-field-double-opt-in = Ask to confirm the e-mail address (double opt-in)
admin-field-confirmation-hours = Place held until confirmed (hours)
admin-save = Save
admin-error-slug = Only lower-case letters, digits and dashes.
admin-error-slug-taken = Another event has this address.
admin-error-url = Please give a full link starting with https://.
admin-error-time-zone = Unknown time zone; for example Europe/Berlin or Europe/Kyiv.
admin-error-ends-before-start = The end must be after the start.
admin-error-closes-before-opens = Registration must close after it opens.
admin-error-capacity = Please a whole number from 1 to 100000, or leave it empty.
admin-error-capacity-below-taken =
    { $taken ->
        [one] One place is taken already; fewer places are not possible.
       *[other] { $taken } places are taken already; fewer places are not possible.
    }
admin-error-hours = Please a whole number from 1 to 720.
admin-error-consent = Please confirm that the person consented.
admin-error-already-registered = This e-mail address is registered for the event already.
admin-attendees-of = Attendees: { $event }
admin-filter-label = Search and filter attendees
admin-search = Search
admin-search-hint = Name, e-mail, organisation or partner municipality
admin-filter-any = All
admin-filter-checked-in-yes = Checked in
admin-filter-checked-in-no = Not checked in yet
admin-filter-submit = Show
admin-attendees-found =
    { $count ->
        [one] One person
       *[other] { $count } people
    }
admin-export-csv = Download CSV
admin-export-xlsx = Download Excel (XLSX)
admin-select = Select
admin-select-person = Select { $name }
admin-col-name = Name
admin-col-organisation = Organisation
admin-col-registered = Registered on
admin-bulk-title = With the selection
admin-bulk-export-csv = download as CSV
admin-bulk-export-xlsx = download as Excel
admin-bulk-cancel = cancel (places are freed)
admin-bulk-submit = Apply
admin-bulk-nothing-selected = Please select at least one person first.
admin-pages = Pages
admin-page-previous = Previous page
admin-page-next = Next page
admin-page-of = Page { $page }
admin-status-pending_confirmation = Waiting for e-mail confirmation
admin-status-confirmed = Confirmed
admin-status-waitlisted = Waiting list
admin-status-awaiting_approval = Awaiting approval
admin-status-cancelled = Cancelled
admin-back-to-list = Back to the attendees of { $event }
admin-col-partner-municipality = Partner municipality
admin-col-contact = Contact of the registration
admin-col-language = Language
admin-col-consent = Consent given on
admin-ticket-version = Valid ticket, issue { $version }
admin-no-ticket = No valid ticket.
admin-check-in-by-hand = Check in by hand
admin-reissue = Re-issue the ticket (the old one is revoked)
admin-cancel-attendee = Cancel
admin-none-yet = None yet.
admin-mails-title = E-mails
admin-history-title = History
admin-mail-confirmation = Confirmation
admin-mail-waitlisted = Waiting list
admin-mail-promoted = Moved up
admin-mail-cancelled = Cancellation
admin-mail-manage_link = Registration link
admin-mail-confirm_email = E-mail confirmation
admin-mail-reminder = Reminder
admin-mail-sent-at = sent { $time }
admin-mail-pending =
    { $attempts ->
        [0] waiting to be sent
       *[other] waiting, { $attempts } attempts
    }
admin-mail-undeliverable =
    { $attempts ->
        [one] undeliverable after 1 attempt, not tried again
       *[other] undeliverable after { $attempts } attempts, not tried again
    }
admin-method-scan = Ticket scanned
admin-method-manual = by hand
admin-office-device = Office: { $name }
admin-check-in-title = Check-in
admin-scan-ok = Checked in.
admin-scan-already_checked_in = This person is checked in already.
admin-scan-invalid = No valid ticket.
admin-scan-revoked = The ticket is revoked.
admin-scan-cancelled = The registration is cancelled or not confirmed.
admin-scan-wrong_event = The ticket belongs to another event.
admin-scan-not_registered_for_session = This person is not registered for this session.
admin-add-attendee-to = Register a person: { $event }
admin-field-consent-by-phone = The person agreed to the processing of their details (e.g. on the phone).
admin-list-event = Event: { $event }
admin-list-date = Date: { $date }
admin-list-place = Place: { $place }
admin-list-session = Programme session: { $session }
admin-list-whole-event = Whole event
admin-list-page = Page { $page } of { $pages }
admin-col-no = No.
admin-col-municipality = Municipality / partner
admin-col-signature = Signature
admin-col-sessions = Programme sessions
admin-download-pdf = Download PDF
admin-badges-pdf = Name badges (PDF)
admin-print-hint = Or print this page straight from the browser.
admin-check-ins-of = Check-ins: { $event }
admin-check-ins-count =
    { $count ->
        [one] one check-in
       *[other] { $count } check-ins
    }
admin-expected-count = { $count } expected
admin-blocked-title = Scans from blocked devices
admin-blocked-intro = These devices were blocked when they sent these scans: nobody was let in by them. While offline, the device may have let someone in before; check these people.
admin-blocked-received = Received
admin-blocked-offline = Let in offline at
admin-blocked-unknown = Ticket not readable
admin-conflicts-title = Conflicts (let in twice while offline)
admin-no-conflicts = No conflicts.
admin-conflict-first = First
admin-conflict-second = Then
admin-undos-title = Undone
admin-col-time = Time
admin-col-scope = For
admin-col-device = Device
admin-col-method = How
admin-scope-entrance = Entrance
admin-undo-of = check-in of { $time } undone
admin-doors-of = Door devices: { $event }
admin-door-new = New device
admin-door-name = Device name
admin-door-name-hint = For example “Eingang Nord” or “Forum 2”.
admin-door-create = Create device
admin-door-created = “{ $name }” is ready
admin-door-created-hint = Open the link on the phone or scan the QR code. It is shown only now; whoever has it can check people in.
admin-door-qr-alt = QR code to open { $name }
admin-door-active = Active
admin-door-revoked-at = Revoked { $time }
admin-door-rename = Rename
admin-door-rename-label = New name for { $name }
admin-door-revoke = Revoke
admin-col-created = Created
admin-col-actions = Actions
admin-programme-of = Programme: { $event }
admin-col-places = Taken / places
admin-field-room = Room
admin-field-speakers = Speakers
admin-field-kind = Kind
admin-move-up = Move “{ $session }” up
admin-move-down = Move “{ $session }” down
admin-remove = Remove
admin-session-remove-confirm =
    { $count ->
        [one] Yes, also remove it from one person's choice
       *[other] Yes, also remove it from { $count } people's choice
    }
admin-session-remove-warning =
    { $count ->
        [one] One person chose this session. Please confirm the removal with the tick box.
       *[other] { $count } people chose this session. Please confirm the removal with the tick box.
    }
admin-session-new = New programme session
admin-session-add = Add session
admin-team-self = This is you; another administrator changes your own role.
admin-field-role = Role
admin-role-door = Door staff (door devices only)
admin-role-organiser = Organiser (events, attendees)
admin-role-admin = Administrator (everything, incl. team)
admin-field-all-events = All events
admin-field-events = Assigned events
admin-field-disabled = Access disabled
admin-invitations-pending = Open invitations:
admin-invite-submit = Send invitation
admin-invited = The invitation to { $email } is on its way.
admin-col-actor = Who
admin-col-action = Action
admin-col-subject = What
admin-col-detail = Details
error-password-too-short = The password needs at least 10 characters.
error-invalid-date-time = Please give a date and time, for example 2027-06-12T10:00.
error-403-title = No access
error-403-text = You lack the permission for this, or the form has expired. Reload the page and try again.
mail-invite-subject = Invitation to the Treffpunkt team
mail-invite-text = You were invited to join the Treffpunkt team. Use this link to choose your name and password (valid for 7 days):
mail-reset-subject = New password for Treffpunkt
mail-reset-text = Use this link to choose a new password (valid for one hour). If you did not ask for this, ignore this e-mail.
admin-cancel-event-confirm = Yes, cancel (everyone registered will see it)
admin-cancel-event-unconfirmed = Please confirm the cancellation with the tick box next to the button.
admin-bulk-cancel-title = Cancel the selection?
admin-bulk-cancel-warning =
    { $count ->
        [one] This person will be cancelled; the place frees up and the waiting list moves up.
       *[other] These { $count } people will be cancelled; their places free up and the waiting list moves up.
    }
admin-bulk-cancel-submit = Yes, cancel
admin-edit-attendee = Edit { $name }
admin-error-not-editable = This registration is cancelled and can no longer be changed.
mail-approval-subject = Registration received: { $event }
mail-approval-intro = Your registration for "{ $event }" has arrived. Participation is by invitation; the team will decide and write to you. Your place is held until then.
mail-declined-subject = Not confirmed: { $event }
mail-declined-intro = We are sorry: we cannot confirm your registration for "{ $event }". If you have questions, please reply to this e-mail.
admin-approve = Approve
admin-decline = Decline
admin-bulk-approve = approve (the confirmation with the ticket goes out)
admin-mail-awaiting_approval = Received, awaiting approval
admin-mail-declined = Declined
admin-field-door-overbooking = Allow overbooking at the door (walk-ins and people added by hand get in even when the event is full)
admin-session-edit = Edit “{ $session }”
admin-reports-title = Funder reports (XLSX)
admin-report-year = Funder report { $year }
admin-report-sheet-events = Events
mail-changed-subject = Registration changed: { $event }
mail-changed-intro = The team has changed your registration for "{ $event }". This is how it stands now:
admin-mail-changed = Changed by the team
admin-messages-title = Messages
admin-messages-of = Write to attendees: { $event }
admin-messages-who = To whom
admin-messages-subject = Subject
admin-messages-body = Text
admin-messages-placeholders = Placeholders: {"{"}name{"}"} (the name of the person receiving it), {"{"}event{"}"} (the event), {"{"}link{"}"} (the link to the registration). The link is also added below every message.
admin-messages-preview-button = Preview
admin-messages-send = Send now
admin-messages-history = Sent so far
admin-messages-nobody = Nobody matches this selection.
admin-messages-preview =
    { $count ->
        [one] Preview for one recipient
       *[other] Preview; goes to { $count } recipients
    }
admin-messages-sent =
    { $count ->
        [one] The message goes to one recipient.
       *[other] The message goes to { $count } recipients.
    }
admin-bulk-message = write a message
admin-messages-who-reads-what = Who reads which version
admin-messages-reader-language = Language
admin-messages-registrations = Recipients
admin-messages-gets-version = Gets the version
admin-messages-replies-to = Replies go to { $address }.
admin-messages-replies-to-sender = Replies go to the sender address.
admin-messages-to-selected =
    { $count ->
        [one] To the selected person
       *[other] To the { $count } selected people
    }
admin-messages-selection-hint = The message goes to each selected person with an e-mail address of their own, in their language, otherwise to the contact person of their registration; every address receives it once.
admin-messages-to-filtered-instead = Write to a filtered group instead
admin-messages-version-de = German (required)
admin-messages-version-en = English (optional)
admin-messages-version-uk = Ukrainian (optional)
admin-messages-languages-hint = English and Ukrainian are optional; write both the subject and the text there, or leave both empty. People registered in a language without its own version get the German one.
admin-messages-subject-en = Subject in English
admin-messages-body-en = Text in English
admin-messages-subject-uk = Subject in Ukrainian
admin-messages-body-uk = Text in Ukrainian
admin-messages-reply-to = Replies to (Reply-To)
admin-messages-reply-to-hint = The address replies go to; every recipient sees it. Empty: the sender address.
admin-messages-history-selected =
    { $count ->
        [one] to one selected person
       *[other] to { $count } selected people
    }
mail-message-footer = Your registration for "{ $event }":
admin-mail-organiser_message = Message from the team

# Registration form: own questions
org-type-unspecified = Not stated
error-answer-missing = Please answer this question.
error-answer-not-ticked = Please tick this box; without this consent we cannot accept the registration.
register-questions = Further questions
answer-yes = Yes
answer-no = No
answer-none = Not answered
field-optional = (optional)
manage-answers = Your answers

# Back office: registration form
admin-form-title = Registration form
admin-form-of = Registration form: { $event }
admin-saved = Saved.
admin-form-standard-fields = Standard fields
admin-form-standard-fields-hint = Name and e-mail address are always asked. For the other fields, choose whether they are required, optional or not in the form at all.
admin-field-rule-required = Required
admin-field-rule-optional = Optional
admin-field-rule-hidden = Do not ask
admin-form-questions = Own questions
admin-col-question = Question
admin-col-answered = Answered
admin-question-required = required
admin-question-required-label = Required (for a consent: no registration without the tick)
admin-question-new = New question
admin-question-add = Add question
admin-question-edit = Edit question: { $question }
admin-field-question-de = Question or consent text (German)
admin-field-question-en = Question or consent text (English; empty: German)
admin-field-question-uk = Question or consent text (Ukrainian; empty: German)
admin-question-options-hint = For choice questions only: one option per line, translations in the same order and number.
admin-field-options-de = Options (German)
admin-field-options-en = Options (English; empty: German)
admin-field-options-uk = Options (Ukrainian; empty: German)
admin-question-kind-short_text = Short text
admin-question-kind-long_text = Long text
admin-question-kind-single_choice = Single choice
admin-question-kind-multiple_choice = Multiple choice
admin-question-kind-yes_no = Yes/no
admin-question-kind-consent = Consent (tick box with its own text)
admin-error-options-too-few = A choice question needs at least two options, one per line.
admin-error-options-too-many = At most 30 options.
admin-error-options-do-not-match = The translation needs as many lines as the German options (or stays empty).
admin-error-options-duplicate = Each option may appear only once.
admin-error-too-many-questions = A form has at most { $count } own questions.
admin-question-remove-confirm =
    { $count ->
        [one] Yes, also delete one person's answer
       *[other] Yes, also delete the answers of { $count } people
    }
admin-question-remove-warning =
    { $count ->
        [one] One person answered this question. Please confirm the removal with the tick box; the answer will be deleted.
       *[other] { $count } people answered this question. Please confirm the removal with the tick box; the answers will be deleted.
    }
admin-col-answers = Answers
admin-filter-answer = Answer
admin-filter-answer-any = answered
manage-data-heading = Your data
manage-data-text = Download everything we store about this registration: details, consents and answers with their wording, programme sessions, check-ins and e-mails.
manage-data-download = Download my data (JSON)

# Waiting lists per programme session
mail-session-promoted-subject = A place in the programme is yours: { $event }
mail-session-promoted-intro = Good news: a place has come free in a session of “{ $event }” whose waiting list you were on. It is yours now; your current programme is below.
session-on-waiting-list = { $session } (waiting list)
admin-mail-session_promoted = Moved up in a session

# Adding a person after registering
add-person-title = Add a person
add-person-submit = Register this person
add-person-link = Add another person to this registration
error-add-event-full = The event is fully booked; nobody else can join.
error-delegation-full = A registration can have at most 21 people.
admin-event-privacy = Privacy
admin-field-retention-days = Anonymise personal data after (days after the end)
admin-field-retention-days-hint = Names, e-mail addresses and free-text answers are then removed; the figures for the funder stay the same.
admin-error-retention-days = Please a whole number from 1 to 3650.
manage-deletion-link = Ask for my data to be erased
manage-deletion-requested = You asked on { $time } for your data to be erased. The organisers will erase it within one month.
deletion-title = Ask for your data to be erased
deletion-question = Do you want the data of these people, registered for “{ $event }”, to be erased?
deletion-what = Names, e-mail addresses, answers in your own words and this link are erased. What does not point to a person stays for the statistics (such as the kind of organisation, taking part in sessions).
deletion-cancels = The event has not taken place yet: erasing cancels the places.
deletion-when = The organisers carry out the erasure within one month (Art. 12 and 17 GDPR). Until then this page stays available.
deletion-submit = Ask for erasure
deletion-keep = Back, ask for nothing
admin-privacy-due = { $count ->
    [one] The personal data of the one person registered will be anonymised on { $time } ({ $days } days after the end).
   *[other] The personal data of the { $count } people registered will be anonymised on { $time } ({ $days } days after the end).
}
admin-privacy-anonymised = The personal data was anonymised on { $time }.
admin-privacy-what = Removed: names, e-mail addresses, free-text answers, the registrations' links and their e-mails, the names in the audit log and the scan log. Kept: status, day of registration, organisation and its type, partner municipality, sessions, check-ins and choices: every figure and the funder report stay the same.
admin-privacy-requests = Erasure requests
admin-privacy-requested-at = asked for on { $time }
admin-privacy-anonymise = Anonymise now
admin-privacy-anonymise-confirm = I understand: the names and contact details of everyone registered are removed for good.
admin-privacy-confirm-missing = Please confirm with the tick first.
admin-anonymised-person = (anonymised)
admin-privacy-person-title = This person's data
admin-privacy-export = Download this person's data (JSON)
admin-privacy-erase = Erase this person's data
admin-privacy-erase-confirm = I understand: the name, e-mail address and free-text answers are erased for good; before the event the place is cancelled.
admin-privacy-erased-at = This person's data was erased on { $time }.
admin-privacy-request-notice = Erasure asked for on { $time }.
admin-col-consent-wording = Consent wording
admin-actor-participant = the person themselves (registration page)
admin-question-shown-at-door-label = This is the photo and video consent: whoever does not agree gets “No photos, please” on the name badge, the signature list and in the door's name search (yes/no and consent only)
admin-error-shown-at-door = Only yes/no questions and consents can be shown at the door.
no-photos = No photos, please
organiser-name = Network office for town twinning in North Rhine-Westphalia
certificate-heading = Certificate of attendance
certificate-confirms = This is to certify that
certificate-attended = took part on { $date } in { $place } in the event
certificate-days = { $from } to { $to }
certificate-sessions = Sessions attended (checked in at the door):
certificate-issued = Issued on { $date }
certificate-signature = Signature, network office for town twinning NRW
manage-certificate = Download the certificate of attendance for { $name } (PDF)
mail-certificate-subject = Your certificate of attendance: { $event }
mail-certificate-intro = { $count ->
    [one] Thank you for taking part in “{ $event }”. The certificate of attendance is attached.
   *[other] Thank you for taking part in “{ $event }”. { $count } certificates of attendance are attached.
}
mail-certificate-link = You can also download the certificates on your registration page:
admin-mail-certificate = Certificates of attendance
admin-certificates-title = Certificates of attendance
admin-certificates-later = After the event, people who were checked in can download their certificate from their registration page; here you can then mail them all.
admin-certificates-gone = The data is anonymised: there are no certificates any more.
admin-certificates-status = { $count ->
    [one] One registration with people checked in; mailed so far: { $mailed }.
   *[other] { $count } registrations with people checked in; mailed so far: { $mailed }.
}
admin-certificates-send = Mail everyone their certificates
privacy-event-retention = { $days ->
    [one] For “{ $event }”: your personal data is anonymised on { $date }, one day after the event.
   *[other] For “{ $event }”: your personal data is anonymised on { $date }, { $days } days after the event.
}
content-german-only = This event's details are available in German only.

# A full event: the form stays, for the waiting list.
event-full-waitlist = This event is fully booked. You can join the waiting list: when a place becomes free, people move up in the order they registered and get their ticket by e-mail.
event-full-waitlist-short = Fully booked – you can join the waiting list.
event-join-waitlist = Join the waiting list
event-join-waitlist-for = Join the waiting list: { $event }
register-submit-waitlist = Join the waiting list

# Online events: no entrance, no place.
manage-ticket-hint-online = This event takes place online: you join through the access link and never need to show a ticket.
mail-ticket-hint-online = The event takes place online: you join through the access link and never need to show a ticket.
certificate-attended-online = took part online on { $date } in the event

# The back office's person page
admin-ticket-title = Ticket

# Each status says what is true for it
mail-promoted-confirm-subject = A place came free – please confirm: { $event }
mail-promoted-confirm-intro = Good news: a place came free for "{ $event }" and you moved up from the waiting list. Please confirm your e-mail address with the link below to keep the place; until then we hold it for you.
admin-mail-promoted_confirm_email = Moved up, confirmation asked
manage-keep-link-status = Please keep the link to this page: it always shows where your registration stands.
manage-resend-plain = Send the e-mail again
manage-confirm-pending = We sent the confirmation link to { $email }. Please confirm by { $deadline }; until then we hold your place.

# The summary above a form names each field
form-error-line = { $field }: { $message }
field-consent-name = Consent

# The certificate tells checked-in sessions from registered ones
certificate-sessions-registered = Sessions as registered:

# A ticket to print or forward
ticket-pdf-heading = Ticket
manage-ticket-pdf = { $name }'s ticket as PDF (to print or forward)

# The audit log in words
admin-audit-export = Exports (all)
admin-audit-export-attendees-csv = Export: attendee list (CSV)
admin-audit-export-attendees-xlsx = Export: attendee list (Excel)
admin-audit-export-signature-list = Export: signature list (PDF)
admin-audit-export-badges = Export: name badges (PDF)
admin-audit-export-report = Export: funder report
admin-audit-export-yearly-report = Export: funder report of a year
admin-audit-export-check-ins-csv = Export: check-ins (CSV)
admin-audit-privacy-export = Data of a person exported
admin-audit-privacy-download = Data downloaded by the person
admin-audit-privacy-erase = Data of a person erased
admin-audit-privacy-anonymise = Event anonymised
admin-audit-privacy-deletion-request = Erasure requested
admin-audit-attendee-add = Person added by hand
admin-audit-attendee-edit = Person changed
admin-audit-attendee-cancel = Person cancelled
admin-audit-attendee-check-in = Checked in by hand
admin-audit-attendee-reissue-ticket = Ticket re-issued
admin-audit-registration-approve = Registration approved
admin-audit-registration-decline = Registration declined
admin-audit-event-create = Event created
admin-audit-event-edit = Event changed
admin-audit-event-duplicate = Event duplicated
admin-audit-event-publish = Event published
admin-audit-event-cancel = Event cancelled
admin-audit-programme-add = Session added
admin-audit-programme-edit = Session changed
admin-audit-programme-remove = Session removed
admin-audit-form-fields = Registration form changed
admin-audit-message-send = Message sent
admin-audit-certificates-send = Certificates sent
admin-audit-door-create = Door device created
admin-audit-door-rename = Door device renamed
admin-audit-door-revoke = Door device revoked
admin-audit-team-access = Team access changed
admin-audit-team-invite = Invited to the team
admin-audit-account-log-in = Signed in (back office)
admin-audit-newer = Newer entries
admin-audit-older = Older entries
admin-audit-form-question-add = Question added
admin-audit-form-question-edit = Question changed
admin-audit-form-question-remove = Question removed

# Each member of a delegation: their own kind of organisation and partner
delegation-as-contact = as for you
delegation-language = Language of the e-mails to this person
delegation-partner-municipality = Partner municipality (empty: as for you)

# Forum waiting lists in the figures
admin-col-waiting = Waiting list

# Moving someone up from the waiting list by hand
admin-waitlist-move-up = Move up from the waiting list
admin-audit-registration-move-up = Moved up by hand

# A revoked door device stops admitting
door-device-blocked = This device has been blocked: it no longer lets anyone in. Please contact the team.
door-status-refused = Scans refused by the server: { $count }

# Mail given up, on the event page
admin-undeliverable-title = { $count ->
    [one] One e-mail undeliverable
   *[other] { $count } e-mails undeliverable
}
admin-col-mail = E-mail
admin-col-reason = Reason
admin-nav-status = Status
admin-status-version = Version
admin-status-database = Database
admin-status-running-since = Running since
admin-status-since = { $time } ({ $duration })
admin-status-outbox-unsent = E-mails in the outbox
admin-status-outbox-oldest = Oldest waiting e-mail
admin-status-outbox-undeliverable = Undeliverable e-mails
admin-status-none = none
admin-status-backup = Last backup
admin-status-backup-off = No scheduled backups (the server was started without --backup-dir)
admin-status-backup-none-yet = None since the start; backups go to { $dir }
admin-status-backup-done = { $time }, { $size }
admin-status-backup-failed = Failed on { $time }: { $reason }
admin-status-disk-free = Free space in the data folder
admin-status-unknown = unknown
admin-status-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
admin-status-hours-minutes = { $hours } h { $minutes } min
admin-status-megabytes = { $size } MB
admin-status-probes = For load balancers and monitoring: /healthz (the process answers) and /readyz (database, migrations and background workers ready).
