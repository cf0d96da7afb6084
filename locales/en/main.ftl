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
places-full = fully booked
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
form-required-note = All fields except "Partner municipality" and the programme choice are required.
form-errors-title = Please check your entries
field-first-name = First name
field-last-name = Last name
field-email = E-mail address
field-email-hint = We send the confirmation to this address.
field-organisation = Organisation
field-organisation-hint = For example your town, district or association.
field-organisation-type = Type of organisation
field-organisation-type-choose = Please choose
field-partner-municipality = Partner municipality (optional)
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
error-invalid-characters = This text contains control characters that are not allowed.
error-invalid-choice = This choice is not possible.
error-choose = Please choose the type of your organisation.
error-consent-missing = We cannot accept the registration without your consent.
error-unknown-session = This programme item does not belong to this event.
error-sessions-overlap = Two chosen programme items take place at the same time. Please choose one of them.
error-session-full = "{ $session }" is now fully booked. Please choose another programme item.
error-event-full = The event is now fully booked. Your registration was not saved.
error-form-unreadable = The form could not be read. Please fill it in again.

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
privacy-retention = Your details are deleted after the event as soon as they are no longer needed as evidence for the funder.
privacy-rights-heading = Your rights
privacy-rights = You can ask for access, correction and deletion and withdraw your consent at any time. Please contact the network office; you also have the right to complain to a data protection supervisory authority.

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
mail-confirmation-intro = thank you for registering for "{ $event }". Here are your details and your ticket.
mail-ticket-hint = Show the QR code at the entrance, on your phone or printed.
mail-manage-link = Your registration with ticket and calendar file is always here:
mail-calendar-attached = The calendar file (.ics) is attached to this e-mail.
mail-signature = The NRW town twinning network office
mail-waitlisted-subject = Waiting list: { $event }
mail-waitlisted-intro = "{ $event }" is fully booked; you are on the waiting list. As soon as a place becomes free, you move up automatically in order of registration and get your ticket by e-mail.
mail-promoted-subject = A place is yours: { $event }
mail-promoted-intro = good news: a place has become free for "{ $event }". You have moved up from the waiting list and are now registered. Here is your ticket.
mail-cancelled-subject = Cancelled: { $event }
mail-cancelled-intro = your registration for "{ $event }" is cancelled. Your place goes to the next person on the waiting list.
mail-link-subject = Your registration link: { $event }
mail-link-intro = you asked for the link to your registration for "{ $event }".
already-title = You are already registered
already-text = This e-mail address already has a registration for "{ $event }". A second one is not needed. We can send the link to your registration to this address again.
already-resend = Send the link again
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
delegation-hint = Register further members of your delegation right away, for example guests from your partner municipality. Everyone gets their own ticket. Without their own e-mail address, everything goes to you.
delegation-person = Person { $number }
delegation-email = E-mail address (optional)
delegation-organisation = Organisation (optional, otherwise yours)
delegation-add = Add another person
manage-resend = Send the e-mail with the ticket again
manage-resent = The e-mail is on its way.
manage-cancel-attendee = Cancel only { $name }
mail-confirm-subject = Please confirm your registration: { $event }
mail-confirm-intro = please confirm your e-mail address so that your registration for "{ $event }" counts. Until then we hold your place for you.
mail-confirm-action = Confirm the registration now
confirm-expired-title = This confirmation link has expired
confirm-expired-text = The registration was not confirmed in time or has been cancelled; the place is free again. You are welcome to register again.
confirm-unknown-title = This confirmation link is unknown
confirm-unknown-text = Please check that the link is complete. You can have the link to your registration sent to you again at any time.
mail-reminder-subject = Reminder: { $event } on { $date }
mail-reminder-intro = we look forward to seeing you at "{ $event }" on { $date }. Here are your details and your ticket once more. If you cannot come, please cancel through the link below so that someone from the waiting list can move up.
manage-edit-attendee = Change the details and programme choice of { $name }
edit-title = Change details
edit-save = Save the changes
edit-back = Back to the registration without saving
