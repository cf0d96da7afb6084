## Treffpunkt – Deutsch (Quellsprache)

site-name = Treffpunkt
skip-link = Zum Inhalt springen
language-switch = Sprache
language-name-de = Deutsch
language-name-en = English
language-name-uk = Українська
footer-privacy = Datenschutzhinweise
footer-calendar-feed = Kalender aller Veranstaltungen abonnieren

## Dates
date-long = { $weekday }, { $day }. { $month } { $year }
date-time = { $date }, { $time } Uhr
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Error pages
error-back-home = Zur Übersicht der Veranstaltungen
error-400-title = Anfrage nicht verständlich
error-400-text = Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-404-title = Seite nicht gefunden
error-404-text = Diese Seite gibt es nicht (mehr). Vielleicht hat sich der Link geändert oder er ist unvollständig.
error-405-title = Nicht möglich
error-405-text = Diese Aktion ist auf dieser Seite nicht möglich.
error-408-title = Zeitüberschreitung
error-408-text = Die Anfrage hat zu lange gedauert. Bitte versuchen Sie es noch einmal.
error-413-title = Zu viele Daten
error-413-text = Die gesendeten Daten sind zu groß. Bitte kürzen Sie Ihre Angaben.
error-415-title = Format nicht unterstützt
error-415-text = Die Daten wurden in einem Format gesendet, das hier nicht angenommen wird.
error-429-title = Zu viele Anfragen
error-429-text = Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.
error-500-title = Ein Fehler ist aufgetreten
error-500-text = Das ist unser Fehler, nicht Ihrer. Bitte versuchen Sie es in einigen Minuten noch einmal.
error-503-title = Vorübergehend nicht erreichbar
error-503-text = Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten noch einmal; Ihre Daten gehen nicht verloren.

## Event list and event page
index-title = Veranstaltungen
index-intro = Tag der Städtepartnerschaften, Reallabor-Werkstätten, Informationsveranstaltungen und Fachaustausche der Netzwerkstelle Städtepartnerschaften NRW.
index-empty = Zurzeit sind keine Veranstaltungen geplant.
index-subscribe = Alle Veranstaltungen im eigenen Kalender abonnieren
event-when = Wann
event-where = Wo
event-format = Format
event-places = Plätze
event-format-in-person = vor Ort
event-format-online = online
event-format-hybrid = hybrid (vor Ort und online)
event-register = Jetzt anmelden
event-register-for = Anmelden: { $event }
event-online-note = Den Zugangslink erhalten Sie nach der Anmeldung auf Ihrer Bestätigungsseite.
event-add-to-calendar = In den Kalender übernehmen (.ics)
event-programme = Programm
event-cancelled = Diese Veranstaltung wurde abgesagt.
event-full = Diese Veranstaltung ist ausgebucht.
registration-not-open-yet = Die Anmeldung öffnet am { $date }.
registration-closed = Die Anmeldung ist geschlossen.
places-full = ausgebucht
places-free = { $count ->
    [one] { $count } Platz frei
   *[other] { $count } Plätze frei
}
session-kind-plenary = Plenum
session-kind-forum = Forum
session-kind-workshop = Workshop
session-kind-excursion = Exkursion
session-room = Raum: { $room }
session-speakers = Mit: { $speakers }

## Registration form
register-title = Anmeldung: { $event }
register-about-you = Ihre Angaben
register-submit = Verbindlich anmelden
register-back-to-event = Zurück zur Veranstaltung
form-required-note = Alle Felder außer „Partnerkommune“ und der Programmwahl sind Pflichtfelder.
form-errors-title = Bitte prüfen Sie Ihre Angaben
field-first-name = Vorname
field-last-name = Nachname
field-email = E-Mail-Adresse
field-email-hint = An diese Adresse schicken wir die Bestätigung.
field-organisation = Organisation
field-organisation-hint = Zum Beispiel Ihre Stadt, Ihr Kreis oder Ihr Verein.
field-organisation-type = Art der Organisation
field-organisation-type-choose = Bitte wählen
field-partner-municipality = Partnerkommune (optional)
field-partner-municipality-hint = Zum Beispiel die Partnerstadt in der Ukraine.
field-sessions = Programmwahl (optional)
field-sessions-hint = Die Foren finden zur selben Zeit statt; bitte wählen Sie höchstens eines.
field-consent = Ich willige ein, dass meine Angaben zur Organisation und Durchführung der Veranstaltung verarbeitet werden.
field-consent-privacy-link = Datenschutzhinweise lesen
org-type-kommune = Kommune
org-type-kreis = Kreis
org-type-verein = Verein
org-type-partner_abroad = Partnerkommune im Ausland (z. B. Ukraine)
org-type-land_bund = Land / Bund
org-type-science_education = Wissenschaft / Bildung
org-type-civil_society_other = Zivilgesellschaft / Sonstige
error-required = Bitte füllen Sie dieses Feld aus.
error-too-long = Dieser Text ist zu lang.
error-invalid-email = Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@stadt.de.
error-invalid-characters = Dieser Text enthält unzulässige Steuerzeichen.
error-invalid-choice = Diese Auswahl ist nicht möglich.
error-choose = Bitte wählen Sie die Art Ihrer Organisation.
error-consent-missing = Ohne Ihre Einwilligung können wir die Anmeldung nicht annehmen.
error-unknown-session = Dieser Programmpunkt gehört nicht zu dieser Veranstaltung.
error-sessions-overlap = Zwei gewählte Programmpunkte finden zur selben Zeit statt. Bitte wählen Sie einen davon.
error-session-full = „{ $session }“ ist inzwischen ausgebucht. Bitte wählen Sie einen anderen Programmpunkt.
error-event-full = Die Veranstaltung ist inzwischen ausgebucht. Ihre Anmeldung wurde nicht gespeichert.
error-form-unreadable = Das Formular konnte nicht gelesen werden. Bitte füllen Sie es noch einmal aus.

## Registration page
manage-title = Ihre Anmeldung
manage-contact-email = E-Mail
manage-online-link = Zugangslink zur Online-Teilnahme:
manage-calendar = In den Kalender übernehmen (.ics)
manage-keep-link = Bitte bewahren Sie den Link zu dieser Seite auf: Hier finden Sie jederzeit Ihr Ticket.
manage-sessions = Gewählte Programmpunkte
manage-no-sessions = Keine Programmwahl.
manage-ticket-title = Ihr Ticket
manage-ticket-alt = QR-Ticket für { $name }
manage-ticket-hint = Zeigen Sie diesen QR-Code am Einlass vor, auf dem Telefon oder ausgedruckt.
manage-ticket-download = Ticket als Bild herunterladen (PNG)
manage-ticket-code = Ticket-Code zum Eintippen
status-pending-confirmation = Bitte bestätigen Sie Ihre E-Mail-Adresse.
status-confirmed = Sie sind angemeldet.
status-waitlisted = Sie stehen auf der Warteliste.
status-awaiting-approval = Ihre Anmeldung wird geprüft.
status-cancelled = Diese Anmeldung wurde storniert.

## Calendar
calendar-feed-name = Treffpunkt – Veranstaltungen
calendar-online-link = Zugangslink: { $url }

## Privacy notice
privacy-title = Datenschutzhinweise
privacy-controller-heading = Verantwortliche Stelle
privacy-controller = Verantwortlich für die Verarbeitung ist die Netzwerkstelle Städtepartnerschaften NRW, die diese Veranstaltungen ausrichtet.
privacy-data-heading = Welche Daten wir verarbeiten
privacy-data = Name, E-Mail-Adresse, Organisation, Art der Organisation, Partnerkommune, Programmwahl sowie der Zeitpunkt Ihrer Einwilligung und Ihres Einlasses.
privacy-purpose-heading = Wozu
privacy-purpose = Zur Organisation und Durchführung der Veranstaltung (Einlass, Teilnehmendenliste, Raumplanung) und für anonymisierte Zahlen gegenüber dem Fördermittelgeber. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO).
privacy-retention-heading = Wie lange
privacy-retention = Ihre Angaben werden nach der Veranstaltung gelöscht, sobald sie für Nachweise gegenüber dem Fördermittelgeber nicht mehr benötigt werden.
privacy-rights-heading = Ihre Rechte
privacy-rights = Sie können Auskunft, Berichtigung und Löschung verlangen und Ihre Einwilligung jederzeit widerrufen. Wenden Sie sich dazu an die Netzwerkstelle; Sie haben außerdem das Recht, sich bei einer Datenschutzaufsichtsbehörde zu beschweren.

## Door
door-title = Einlass: { $event }
door-device = Gerät: { $device }
door-scope = Was wird eingecheckt?
door-scope-entrance = Eingang der Veranstaltung
door-code-label = Ticket scannen oder Code eintippen
door-code-hint = Handscanner: einfach scannen, die Eingabe wird automatisch abgeschickt.
door-submit = Prüfen
door-counts = { $checked } von { $expected } eingecheckt
door-network-error = Keine Verbindung zum Server. Bitte noch einmal scannen.
door-unknown-session = Dieser Programmpunkt gehört nicht zu dieser Veranstaltung.
door-result-ok = Einlass
door-result-already = Bereits eingecheckt um { $time } durch { $device }
door-result-invalid = Ungültiges Ticket
door-result-revoked = Ticket ersetzt oder gesperrt
door-result-cancelled = Anmeldung storniert
door-result-wrong-event = Ticket für eine andere Veranstaltung
door-result-not-registered-for-session = Nicht für diesen Programmpunkt angemeldet

## E-mail
mail-confirmation-subject = Anmeldebestätigung: { $event }
mail-greeting = Guten Tag { $name },
mail-confirmation-intro = vielen Dank für Ihre Anmeldung zu „{ $event }“. Hier sind Ihre Angaben und Ihr Ticket.
mail-ticket-hint = Zeigen Sie den QR-Code am Einlass vor, auf dem Telefon oder ausgedruckt.
mail-manage-link = Ihre Anmeldung mit Ticket und Kalenderdatei finden Sie jederzeit hier:
mail-calendar-attached = Die Kalenderdatei (.ics) hängt an dieser E-Mail.
mail-signature = Ihre Netzwerkstelle Städtepartnerschaften NRW
mail-waitlisted-subject = Warteliste: { $event }
mail-waitlisted-intro = die Veranstaltung „{ $event }“ ist ausgebucht; Sie stehen auf der Warteliste. Sobald ein Platz frei wird, rücken Sie in der Reihenfolge der Anmeldung automatisch nach und erhalten Ihr Ticket per E-Mail.
mail-promoted-subject = Ihr Platz ist frei: { $event }
mail-promoted-intro = gute Nachricht: Für „{ $event }“ ist ein Platz frei geworden, Sie sind von der Warteliste nachgerückt und jetzt angemeldet. Hier ist Ihr Ticket.
mail-cancelled-subject = Stornierung: { $event }
mail-cancelled-intro = Ihre Anmeldung zu „{ $event }“ ist storniert. Ihr Platz wird an die nächste Person auf der Warteliste vergeben.
mail-link-subject = Ihr Link zur Anmeldung: { $event }
mail-link-intro = Sie haben den Link zu Ihrer Anmeldung für „{ $event }“ angefordert.
already-title = Sie sind bereits angemeldet
already-text = Für diese E-Mail-Adresse gibt es schon eine Anmeldung zu „{ $event }“. Eine zweite ist nicht nötig. Wir können Ihnen den Link zu Ihrer Anmeldung noch einmal an diese Adresse schicken.
already-resend = Link noch einmal zuschicken
manage-cancel-heading = Nicht dabei?
manage-cancel-link = Anmeldung stornieren
cancel-title = Anmeldung stornieren
cancel-question = Möchten Sie Ihre Anmeldung zu „{ $event }“ wirklich stornieren? Das betrifft:
cancel-consequence = Ihr Ticket wird ungültig und Ihr Platz geht an die nächste Person auf der Warteliste.
cancel-submit = Ja, stornieren
cancel-keep = Nein, Anmeldung behalten
find-title = Link zur Anmeldung anfordern
find-intro = Geben Sie die E-Mail-Adresse Ihrer Anmeldung ein. Wir schicken den Link zu jeder Anmeldung dieser Adresse dorthin.
find-submit = Link zuschicken
find-sent = Wenn es für diese Adresse Anmeldungen gibt, haben wir die Links dorthin geschickt. Bitte sehen Sie auch im Spam-Ordner nach.
footer-find-registration = Link zur eigenen Anmeldung anfordern
delegation-legend = Weitere Personen (Delegation, optional)
delegation-hint = Melden Sie weitere Personen Ihrer Delegation gleich mit an, zum Beispiel Gäste aus der Partnerkommune. Jede Person erhält ein eigenes Ticket. Ohne eigene E-Mail-Adresse geht alles an Sie.
delegation-person = Person { $number }
delegation-email = E-Mail-Adresse (optional)
delegation-organisation = Organisation (optional, sonst Ihre)
delegation-add = Weitere Person hinzufügen
manage-resend = E-Mail mit Ticket noch einmal schicken
manage-resent = Die E-Mail ist unterwegs.
manage-cancel-attendee = Nur { $name } abmelden
mail-confirm-subject = Bitte bestätigen Sie Ihre Anmeldung: { $event }
mail-confirm-intro = bitte bestätigen Sie Ihre E-Mail-Adresse, damit Ihre Anmeldung zu „{ $event }“ gilt. Bis dahin halten wir Ihren Platz für Sie frei.
mail-confirm-action = Anmeldung jetzt bestätigen
confirm-expired-title = Dieser Bestätigungslink ist abgelaufen
confirm-expired-text = Die Anmeldung wurde nicht rechtzeitig bestätigt oder inzwischen storniert; der Platz ist wieder frei. Sie können sich gern neu anmelden.
confirm-unknown-title = Dieser Bestätigungslink ist unbekannt
confirm-unknown-text = Bitte prüfen Sie, ob der Link vollständig ist. Den Link zu Ihrer Anmeldung können Sie sich jederzeit noch einmal zuschicken lassen.
mail-reminder-subject = Erinnerung: { $event } am { $date }
mail-reminder-intro = wir freuen uns auf Sie bei „{ $event }“ am { $date }. Hier sind noch einmal Ihre Angaben und Ihr Ticket. Falls Sie nicht kommen können, stornieren Sie bitte über den Link unten, damit jemand von der Warteliste nachrücken kann.
manage-edit-attendee = Angaben und Programmwahl von { $name } ändern
edit-title = Angaben ändern
edit-save = Änderungen speichern
edit-back = Zurück zur Anmeldung ohne zu speichern
