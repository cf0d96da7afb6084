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
places-full = ausgebucht – Warteliste möglich
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
form-required-note = Felder, die mit „(freiwillig)“ markiert sind, können Sie leer lassen; alle anderen brauchen wir für die Anmeldung.
form-errors-title = Bitte prüfen Sie Ihre Angaben
field-first-name = Vorname
field-last-name = Nachname
field-email = E-Mail-Adresse
field-email-hint = An diese Adresse schicken wir die Bestätigung.
field-organisation = Organisation
field-organisation-hint = Zum Beispiel Ihre Stadt, Ihr Kreis oder Ihr Verein.
field-organisation-type = Art der Organisation
field-organisation-type-choose = Bitte wählen
field-partner-municipality = Partnerkommune
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
error-invalid-characters = Dieser Text enthält unzulässige Steuerzeichen oder unsichtbare Zeichen.
error-invalid-choice = Diese Auswahl ist nicht möglich.
error-choose = Bitte wählen Sie die Art Ihrer Organisation.
error-consent-missing = Ohne Ihre Einwilligung können wir die Anmeldung nicht annehmen.
error-unknown-session = Dieser Programmpunkt gehört nicht zu dieser Veranstaltung.
error-sessions-overlap = Zwei gewählte Programmpunkte finden zur selben Zeit statt. Bitte wählen Sie einen davon.
error-event-full = Die Veranstaltung ist inzwischen ausgebucht. Ihre Anmeldung wurde nicht gespeichert.
error-form-unreadable = Das Formular konnte nicht gelesen werden. Bitte füllen Sie es noch einmal aus.
error-form-reused = Dieses Formular wurde schon einmal abgeschickt. Um eine weitere Person anzumelden, prüfen Sie bitte die Angaben unten und senden Sie das Formular erneut.

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
privacy-retention = Namen, E-Mail-Adressen und Antworten in eigenen Worten werden eine festgelegte Zeit nach der Veranstaltung (in der Regel 180 Tage) automatisch anonymisiert; was auf keine Person verweist (Art der Organisation, Teilnahme an Programmpunkten), bleibt für die Zahlen gegenüber dem Fördermittelgeber.
privacy-rights-heading = Ihre Rechte
privacy-rights = Sie können Auskunft, Berichtigung und Löschung verlangen und Ihre Einwilligung jederzeit widerrufen. Auf Ihrer Anmeldeseite können Sie alle gespeicherten Daten herunterladen und ihre Löschung beantragen; Sie können sich auch an die Netzwerkstelle wenden. Sie haben außerdem das Recht, sich bei einer Datenschutzaufsichtsbehörde zu beschweren.

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
register-sent-title = Bitte sehen Sie in Ihr E-Mail-Postfach
register-sent-text = Vielen Dank. Wir haben eine E-Mail mit dem Link zu Ihrer Anmeldung für „{ $event }“ an die angegebene Adresse geschickt. Bitte sehen Sie auch im Spam-Ordner nach.
register-sent-again = Keine E-Mail erhalten? Link noch einmal anfordern
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
delegation-hint = Melden Sie weitere Personen Ihrer Delegation gleich mit an, zum Beispiel Gäste aus der Partnerkommune. Jede Person erhält ein eigenes Ticket. Wer eine eigene E-Mail-Adresse angibt, bekommt sein Ticket und alle Nachrichten zur Anmeldung auch selbst, in der gewählten Sprache; Sie erhalten weiterhin die Übersicht mit allen Tickets. Ohne eigene E-Mail-Adresse geht alles an Sie.
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
door-camera-start = Mit der Kamera scannen
door-camera-stop = Kamera ausschalten
door-camera-denied = Die Kamera ist nicht freigegeben. Bitte erlauben Sie den Zugriff in den Browser-Einstellungen.
door-camera-unavailable = Kamera-Scannen braucht einen Browser mit Kamerazugriff über HTTPS. Handscanner und Eintippen gehen immer.
door-search-heading = Nach Namen suchen
door-search-label = Name oder Organisation
door-search-submit = Suchen
door-search-admit = Einlassen
door-search-none = Niemand gefunden.
door-search-checked-in = eingecheckt um { $time }
door-counts-here = { $count } an diesem Gerät
door-recent-heading = Letzte Scans an diesem Gerät
door-recent-already = Bereits eingecheckt
door-undo = Rückgängig
door-walk-in-heading = Neue Person an der Tür anmelden
door-walk-in-consent = Die Person ist mit der Verarbeitung ihrer Angaben einverstanden.
door-walk-in-submit = Anmelden und einlassen
door-walk-in-already = Diese E-Mail-Adresse ist schon angemeldet. Bitte über die Namenssuche einlassen.
door-walk-in-full = Die Veranstaltung ist voll; an der Tür kann niemand mehr angemeldet werden.
door-walk-in-closed = Für diese Veranstaltung ist keine Anmeldung mehr möglich.
door-status-online = Online
door-status-offline = Offline – dieses Gerät prüft Tickets selbst
door-status-waiting = { $count } Scans warten auf Übertragung
door-status-lists = Listen von { $time }
door-checked-offline = offline geprüft, wird übertragen
footer-accessibility = Barrierefreiheit
accessibility-title = Erklärung zur Barrierefreiheit
accessibility-scope = Die Netzwerkstelle Städtepartnerschaften NRW ist bemüht, diese Anmeldeseiten im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der Richtlinie (EU) 2016/2102 barrierefrei zugänglich zu machen. Diese Erklärung gilt für die öffentlichen Seiten von Treffpunkt: Veranstaltungen, Anmeldung, Ihre Anmeldung und die Einlassseite.
accessibility-status-heading = Stand der Vereinbarkeit
accessibility-status = Die Seiten werden bei jeder Änderung automatisch mit axe-core gegen die Anforderungen der WCAG 2.1 auf Stufe AA geprüft, in deutscher, englischer und ukrainischer Sprache. Alle Seiten lassen sich ohne Maus bedienen und funktionieren ohne JavaScript.
accessibility-known-heading = Nicht barrierefreie Inhalte
accessibility-known = Das Scannen mit der Kamera auf der Einlassseite setzt Sehen voraus; als Alternative gibt es die Suche nach Namen und die Eingabe des Codes. Der QR-Code im Ticket hat einen Text mit Ihrem Namen und den Ticket-Code zum Eintippen.
accessibility-feedback-heading = Feedback und Kontakt
accessibility-feedback = Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns bitte an die Netzwerkstelle Städtepartnerschaften NRW; wir antworten innerhalb von zwei Wochen.
accessibility-enforcement-heading = Schlichtungsverfahren
accessibility-enforcement = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden.
footer-imprint = Impressum
imprint-title = Impressum
imprint-legal-basis = Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)
imprint-operator-heading = Betreiber
imprint-represented-by = Vertreten durch
imprint-contact-heading = Kontakt
imprint-phone = Telefon
imprint-email = E-Mail
imprint-responsible-heading = Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV
imprint-privacy-heading = Datenschutz
imprint-privacy-contact = Ansprechpartner für den Datenschutz
imprint-privacy-link = Zu den Datenschutzhinweisen
imprint-missing = Die Angaben zum Betreiber dieser Seiten sind noch nicht eingetragen.
imprint-missing-admin = Administratorinnen und Administratoren tragen sie in der Verwaltung unter „Betreiberangaben“ ein.
imprint-missing-admin-link = Betreiberangaben eintragen
privacy-controller-named = Verantwortlich für die Verarbeitung Ihrer Daten im Sinne der DSGVO ist:
privacy-contact-heading = Ansprechpartner für den Datenschutz
privacy-contact = Fragen zum Datenschutz, Auskunfts- und Löschungsersuchen richten Sie bitte an:
privacy-imprint-link = Alle Angaben zum Betreiber stehen im Impressum.
mail-contact = Kontakt: { $operator }, { $email }
mail-imprint = Impressum:
error-invalid-phone = Bitte geben Sie eine Telefonnummer mit Vorwahl ein, zum Beispiel +49 211 123456.
admin-nav-operator = Betreiberangaben
admin-audit-settings-operator = Betreiberangaben geändert
admin-operator-title = Betreiberangaben
admin-operator-intro = Diese Angaben erscheinen im Impressum, in den Datenschutzhinweisen und unter jeder E-Mail. Sie gelten für die ganze Seite, nicht für eine einzelne Veranstaltung.
admin-operator-imprint-link = Impressum ansehen
admin-operator-section-operator = Betreiber (§ 5 DDG)
admin-operator-section-responsible = Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)
admin-operator-section-privacy = Datenschutz
admin-operator-name = Name des Betreibers
admin-operator-name-hint = Die Behörde, der Verein oder die Stelle, die diese Seiten betreibt.
admin-operator-representative = Vertreten durch
admin-operator-representative-hint = Freiwillig: wer den Betreiber vertritt, etwa die Leitung der Behörde.
admin-operator-address = Postanschrift
admin-operator-address-hint = Eine Zeile je Angabe: Straße und Hausnummer, Postleitzahl und Ort; kein Postfach.
admin-operator-email = E-Mail-Adresse
admin-operator-phone = Telefonnummer
admin-operator-responsible-name = Name der verantwortlichen Person
admin-operator-responsible-name-hint = Eine natürliche Person, die für die redaktionellen Inhalte verantwortlich ist.
admin-operator-responsible-address = Anschrift der verantwortlichen Person
admin-operator-responsible-address-hint = Leer lassen, wenn sie mit der Anschrift des Betreibers übereinstimmt.
admin-operator-privacy-contact = Datenschutzbeauftragte oder Ansprechstelle
admin-operator-privacy-contact-hint = Name oder Bezeichnung, etwa „Behördliche Datenschutzbeauftragte“.
admin-operator-privacy-email = E-Mail-Adresse für den Datenschutz
admin-operator-missing = Das Impressum ist noch leer: Die Betreiberangaben fehlen.

## Back office
admin-site-name = Treffpunkt – Verwaltung
admin-nav = Verwaltung
admin-nav-events = Veranstaltungen
admin-nav-team = Team
admin-nav-audit = Protokoll
admin-log-out = Abmelden ({ $name })
admin-login-title = Anmeldung für das Team
admin-login-submit = Anmelden
admin-login-wrong = E-Mail-Adresse oder Passwort stimmen nicht.
admin-login-throttled = { $seconds ->
    [one] Zu viele Versuche. Bitte warten Sie eine Sekunde und versuchen Sie es dann noch einmal, oder setzen Sie Ihr Passwort zurück.
   *[other] Zu viele Versuche. Bitte warten Sie { $seconds } Sekunden und versuchen Sie es dann noch einmal, oder setzen Sie Ihr Passwort zurück.
}
admin-forgot-link = Passwort vergessen?
admin-forgot-title = Passwort zurücksetzen
admin-forgot-intro = Geben Sie Ihre E-Mail-Adresse ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.
admin-forgot-submit = Link senden
admin-forgot-sent = Wenn zu dieser Adresse ein Konto gehört, ist ein Link unterwegs. Er gilt eine Stunde.
admin-field-email = E-Mail-Adresse
admin-field-password = Passwort
admin-field-new-password = Neues Passwort
admin-field-password-hint = Mindestens 10 Zeichen; ein Satz ist gut zu merken.
admin-field-name = Ihr Name
admin-link-submit = Speichern und anmelden
admin-setup-title = Erstes Administratorkonto anlegen
admin-setup-intro = Dieser Link gilt einmal. Das Konto darf alles: Veranstaltungen, Teilnehmende und das Team verwalten.
admin-invite-title = Einladung ins Team
admin-invite-intro = Sie wurden als { $email } eingeladen. Wählen Sie Ihren Namen und ein Passwort.
admin-reset-title = Neues Passwort festlegen
admin-link-invalid-title = Dieser Link gilt nicht mehr
admin-link-invalid-text = Der Link wurde schon benutzt oder ist abgelaufen. Bitten Sie um einen neuen Link.
admin-email-taken = Für diese E-Mail-Adresse gibt es schon ein Konto.
admin-back = Zurück
admin-events-title = Veranstaltungen
admin-new-event = Neue Veranstaltung
admin-no-events = Noch keine Veranstaltungen.
admin-col-event = Veranstaltung
admin-col-when = Wann
admin-col-status = Status
admin-col-expected = Erwartet
admin-col-checked-in = Eingecheckt
admin-event-status-draft = Entwurf
admin-event-status-published = Veröffentlicht
admin-event-status-cancelled = Abgesagt
admin-event-nav = Bereiche der Veranstaltung
admin-attendees-title = Teilnehmende
admin-programme-title = Programm
admin-check-ins-title = Einlass
admin-doors-title = Einlassgeräte
admin-signature-list-title = Teilnehmerliste mit Unterschriften
admin-public-page = Öffentliche Seite
admin-edit = Bearbeiten
admin-add-attendee = Person hinzufügen
admin-publish = Veröffentlichen
admin-cancel-event = Veranstaltung absagen
admin-figures = Zahlen
admin-figure-registered = Angemeldet
admin-figure-confirmed = Bestätigt
admin-filter-waiting = Warteliste eines Programmpunkts
admin-filter-waiting-any = auf irgendeiner Warteliste
admin-figure-waiting-for-sessions = Auf Wartelisten von Programmpunkten
admin-figure-waitlisted = Warteliste
admin-figure-cancelled = Storniert
admin-figure-checked-in = Eingecheckt
admin-figure-by-type = Nach Art der Organisation (bestätigt)
admin-figure-by-session = Nach Programmpunkt
admin-figure-over-time = Anmeldungen pro Tag
admin-figure-none = Noch keine Zahlen.
admin-figure-partnerships = Vertretene Kommunen und Partnerschaften
admin-figure-organisations-count =
    { $count ->
        [one] eine Organisation
       *[other] { $count } Organisationen
    }
admin-figure-partners-count =
    { $count ->
        [one] eine Partnerkommune
       *[other] { $count } Partnerkommunen
    }
admin-report-download = Verwendungsnachweis herunterladen (XLSX)
admin-report-sheet-summary = Übersicht
admin-report-sheet-organisations = Organisationen
admin-report-sheet-partnerships = Partnerschaften
admin-col-organisation-type = Art der Organisation
admin-col-count = Anzahl
admin-col-chart = Balken
admin-col-session = Programmpunkt
admin-col-chosen = Gewählt
admin-col-capacity = Plätze
admin-col-day = Tag
admin-duplicate = Als Kopie neu anlegen
admin-duplicate-hint = Die Kopie übernimmt Texte, Ort und Programm; alle Zeiten verschieben sich mit dem neuen Beginn. Sie beginnt als Entwurf, ohne Anmeldungen.
admin-duplicate-submit = Kopie anlegen
admin-error-duplicate = Bitte geben Sie eine gültige Adresse (Kleinbuchstaben, Ziffern, Bindestriche) und einen Beginn an.
admin-edit-event = „{ $event }“ bearbeiten
admin-event-texts = Texte
admin-event-place-time = Ort und Zeit
admin-event-registration = Anmeldung
admin-field-slug = Adresse (URL)
admin-field-slug-hint = Kleinbuchstaben, Ziffern und Bindestriche, z. B. tag-der-staedtepartnerschaften-2027.
admin-field-title-de = Titel (Deutsch)
admin-field-title-en = Titel (Englisch)
admin-field-title-uk = Titel (Ukrainisch)
admin-field-fallback-hint = Leer lassen, um den deutschen Text zu zeigen.
admin-field-description-de = Beschreibung (Deutsch)
admin-field-description-en = Beschreibung (Englisch)
admin-field-description-uk = Beschreibung (Ukrainisch)
admin-field-format = Form
admin-format-in_person = Vor Ort
admin-format-online = Online
admin-format-hybrid = Hybrid
admin-field-venue = Veranstaltungsort
admin-field-address = Adresse
admin-field-online-url = Zugangslink (online)
admin-field-online-url-hint = Nur bestätigte Teilnehmende sehen ihn, nie die öffentliche Seite.
admin-field-starts-at = Beginn
admin-field-ends-at = Ende
admin-field-time-zone = Zeitzone
admin-field-opens-at = Anmeldung ab
admin-field-opens-at-hint = Leer: sofort nach dem Veröffentlichen.
admin-field-closes-at = Anmeldung bis
admin-field-closes-at-hint = Leer: bis zum Beginn.
admin-field-capacity = Plätze
admin-field-capacity-hint = Leer: unbegrenzt.
admin-field-approval = Zulassung
admin-approval-open = Offen: jede Anmeldung gilt
admin-approval-approval = Auf Einladung: das Team bestätigt
admin-field-double-opt-in = E-Mail-Adresse bestätigen lassen (Double-Opt-in)
admin-field-confirmation-hours = Platz reserviert bis zur Bestätigung (Stunden)
admin-save = Speichern
admin-error-slug = Nur Kleinbuchstaben, Ziffern und Bindestriche.
admin-error-slug-taken = Diese Adresse hat schon eine andere Veranstaltung.
admin-error-url = Bitte einen vollständigen Link mit https:// angeben.
admin-error-time-zone = Unbekannte Zeitzone; zum Beispiel Europe/Berlin oder Europe/Kyiv.
admin-error-ends-before-start = Das Ende muss nach dem Beginn liegen.
admin-error-closes-before-opens = Die Anmeldung muss nach dem Öffnen schließen.
admin-error-capacity = Bitte eine ganze Zahl von 1 bis 100000, oder leer lassen.
admin-error-capacity-below-taken =
    { $taken ->
        [one] Ein Platz ist schon vergeben; weniger Plätze gehen nicht.
       *[other] { $taken } Plätze sind schon vergeben; weniger Plätze gehen nicht.
    }
admin-error-hours = Bitte eine ganze Zahl von 1 bis 720.
admin-error-consent = Bitte bestätigen Sie, dass die Person eingewilligt hat.
admin-error-already-registered = Diese E-Mail-Adresse ist für die Veranstaltung schon angemeldet.
admin-attendees-of = Teilnehmende: { $event }
admin-filter-label = Teilnehmende suchen und filtern
admin-search = Suche
admin-search-hint = Name, E-Mail, Organisation oder Partnerkommune
admin-filter-any = Alle
admin-filter-checked-in-yes = Eingecheckt
admin-filter-checked-in-no = Noch nicht eingecheckt
admin-filter-submit = Anzeigen
admin-attendees-found =
    { $count ->
        [one] Eine Person
       *[other] { $count } Personen
    }
admin-export-csv = CSV herunterladen
admin-export-xlsx = Excel herunterladen (XLSX)
admin-select = Auswahl
admin-select-person = { $name } auswählen
admin-col-name = Name
admin-col-organisation = Organisation
admin-col-registered = Angemeldet am
admin-bulk-title = Mit der Auswahl
admin-bulk-export-csv = als CSV herunterladen
admin-bulk-export-xlsx = als Excel herunterladen
admin-bulk-cancel = stornieren (Plätze werden frei)
admin-bulk-submit = Ausführen
admin-bulk-nothing-selected = Bitte wählen Sie zuerst mindestens eine Person aus.
admin-pages = Seiten
admin-page-previous = Vorherige Seite
admin-page-next = Nächste Seite
admin-page-of = Seite { $page }
admin-status-pending_confirmation = Wartet auf E-Mail-Bestätigung
admin-status-confirmed = Bestätigt
admin-status-waitlisted = Warteliste
admin-status-awaiting_approval = Wartet auf Zulassung
admin-status-cancelled = Storniert
admin-back-to-list = Zurück zu den Teilnehmenden von { $event }
admin-col-partner-municipality = Partnerkommune
admin-col-contact = Kontaktperson der Anmeldung
admin-col-language = Sprache
admin-col-consent = Einwilligung am
admin-ticket-version = Gültiges Ticket, Ausgabe { $version }
admin-no-ticket = Kein gültiges Ticket.
admin-check-in-by-hand = Von Hand einchecken
admin-reissue = Neues Ticket ausstellen (altes wird gesperrt)
admin-cancel-attendee = Stornieren
admin-none-yet = Noch keine.
admin-mails-title = E-Mails
admin-history-title = Verlauf
admin-mail-confirmation = Bestätigung
admin-mail-waitlisted = Warteliste
admin-mail-promoted = Nachgerückt
admin-mail-cancelled = Stornierung
admin-mail-manage_link = Link zur Anmeldung
admin-mail-confirm_email = E-Mail-Bestätigung
admin-mail-reminder = Erinnerung
admin-mail-sent-at = gesendet { $time }
admin-mail-pending =
    { $attempts ->
        [0] wartet auf Versand
       *[other] wartet, { $attempts } Versuche
    }
admin-mail-undeliverable =
    { $attempts ->
        [one] nicht zustellbar nach 1 Versuch, wird nicht mehr versucht
       *[other] nicht zustellbar nach { $attempts } Versuchen, wird nicht mehr versucht
    }
admin-method-scan = Ticket gescannt
admin-method-manual = von Hand
admin-office-device = Büro: { $name }
admin-check-in-title = Einchecken
admin-scan-ok = Eingecheckt.
admin-scan-already_checked_in = Die Person ist schon eingecheckt.
admin-scan-invalid = Kein gültiges Ticket.
admin-scan-revoked = Das Ticket ist gesperrt.
admin-scan-cancelled = Die Anmeldung ist storniert oder nicht bestätigt.
admin-scan-wrong_event = Das Ticket gehört zu einer anderen Veranstaltung.
admin-scan-not_registered_for_session = Die Person ist für diesen Programmpunkt nicht angemeldet.
admin-add-attendee-to = Person anmelden: { $event }
admin-field-consent-by-phone = Die Person hat der Verarbeitung ihrer Angaben zugestimmt (z. B. am Telefon).
admin-list-event = Veranstaltung: { $event }
admin-list-date = Datum: { $date }
admin-list-place = Ort: { $place }
admin-list-session = Programmpunkt: { $session }
admin-list-whole-event = Ganze Veranstaltung
admin-list-page = Seite { $page } von { $pages }
admin-col-no = Nr.
admin-col-municipality = Kommune / Partnerkommune
admin-col-signature = Unterschrift
admin-col-sessions = Programmpunkte
admin-download-pdf = PDF herunterladen
admin-badges-pdf = Namensschilder (PDF)
admin-print-hint = Oder drucken Sie diese Seite direkt aus dem Browser.
admin-check-ins-of = Einlass: { $event }
admin-check-ins-count =
    { $count ->
        [one] ein Check-in
       *[other] { $count } Check-ins
    }
admin-expected-count = { $count } erwartet
admin-blocked-title = Scans gesperrter Geräte
admin-blocked-intro = Diese Geräte waren gesperrt, als sie diese Scans schickten: niemand wurde damit eingelassen. Offline kann das Gerät vorher jemanden eingelassen haben; prüfen Sie diese Personen.
admin-blocked-received = Empfangen
admin-blocked-offline = Offline eingelassen um
admin-blocked-unknown = Ticket nicht lesbar
admin-conflicts-title = Konflikte (zweimal eingelassen, offline)
admin-no-conflicts = Keine Konflikte.
admin-conflict-first = Zuerst
admin-conflict-second = Dann
admin-undos-title = Zurückgenommen
admin-col-time = Zeit
admin-col-scope = Wofür
admin-col-device = Gerät
admin-col-method = Art
admin-scope-entrance = Eingang
admin-undo-of = Check-in von { $time } zurückgenommen
admin-doors-of = Einlassgeräte: { $event }
admin-door-new = Neues Gerät
admin-door-name = Name des Geräts
admin-door-name-hint = Zum Beispiel „Eingang Nord“ oder „Forum 2“.
admin-door-create = Gerät anlegen
admin-door-created = „{ $name }“ ist angelegt
admin-door-created-hint = Öffnen Sie den Link auf dem Telefon oder scannen Sie den QR-Code. Er wird nur jetzt angezeigt; wer ihn hat, kann einlassen.
admin-door-qr-alt = QR-Code zum Öffnen von { $name }
admin-door-active = Aktiv
admin-door-revoked-at = Gesperrt { $time }
admin-door-rename = Umbenennen
admin-door-rename-label = Neuer Name für { $name }
admin-door-revoke = Sperren
admin-col-created = Angelegt
admin-col-actions = Aktionen
admin-programme-of = Programm: { $event }
admin-col-places = Belegt / Plätze
admin-field-room = Raum
admin-field-speakers = Mitwirkende
admin-field-kind = Art
admin-move-up = „{ $session }“ nach oben
admin-move-down = „{ $session }“ nach unten
admin-remove = Entfernen
admin-session-remove-confirm =
    { $count ->
        [one] Ja, auch aus der Wahl einer Person entfernen
       *[other] Ja, auch aus der Wahl von { $count } Personen entfernen
    }
admin-session-remove-warning =
    { $count ->
        [one] Eine Person hat diesen Programmpunkt gewählt. Bitte bestätigen Sie das Entfernen mit dem Häkchen.
       *[other] { $count } Personen haben diesen Programmpunkt gewählt. Bitte bestätigen Sie das Entfernen mit dem Häkchen.
    }
admin-session-new = Neuer Programmpunkt
admin-session-add = Programmpunkt hinzufügen
admin-team-self = Das sind Sie; Ihre eigene Rolle ändert ein anderes Administratorkonto.
admin-field-role = Rolle
admin-role-door = Einlass (nur Einlassgeräte)
admin-role-organiser = Organisation (Veranstaltungen, Teilnehmende)
admin-role-admin = Administration (alles, auch Team)
admin-field-all-events = Alle Veranstaltungen
admin-field-events = Zugeordnete Veranstaltungen
admin-field-disabled = Zugang gesperrt
admin-invitations-pending = Offene Einladungen:
admin-invite-submit = Einladung senden
admin-invited = Die Einladung an { $email } ist unterwegs.
admin-col-actor = Wer
admin-col-action = Aktion
admin-col-subject = Was
admin-col-detail = Einzelheiten
error-password-too-short = Das Passwort braucht mindestens 10 Zeichen.
error-invalid-date-time = Bitte Datum und Uhrzeit angeben, zum Beispiel 2027-06-12T10:00.
error-403-title = Kein Zugriff
error-403-text = Dafür fehlt Ihnen die Berechtigung, oder das Formular ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es noch einmal.
mail-invite-subject = Einladung ins Team von Treffpunkt
mail-invite-text = Sie wurden eingeladen, im Team von Treffpunkt mitzuarbeiten. Mit diesem Link legen Sie Ihren Namen und Ihr Passwort fest (gültig 7 Tage):
mail-reset-subject = Neues Passwort für Treffpunkt
mail-reset-text = Mit diesem Link legen Sie ein neues Passwort fest (gültig eine Stunde). Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.
admin-cancel-event-confirm = Ja, absagen (alle Angemeldeten sehen es)
admin-cancel-event-unconfirmed = Bitte bestätigen Sie die Absage mit dem Häkchen neben der Schaltfläche.
admin-bulk-cancel-title = Auswahl stornieren?
admin-bulk-cancel-warning =
    { $count ->
        [one] Diese Person wird storniert; ihr Platz wird frei und die Warteliste rückt nach.
       *[other] Diese { $count } Personen werden storniert; ihre Plätze werden frei und die Warteliste rückt nach.
    }
admin-bulk-cancel-submit = Ja, stornieren
admin-edit-attendee = { $name } bearbeiten
admin-error-not-editable = Diese Anmeldung ist storniert und kann nicht mehr geändert werden.
mail-approval-subject = Anmeldung eingegangen: { $event }
mail-approval-intro = Ihre Anmeldung zu „{ $event }“ ist eingegangen. Die Teilnahme ist auf Einladung; das Team entscheidet und schreibt Ihnen. Ihr Platz ist so lange reserviert.
mail-declined-subject = Absage: { $event }
mail-declined-intro = leider können wir Ihre Anmeldung zu „{ $event }“ nicht bestätigen. Bei Fragen antworten Sie gern auf diese E-Mail.
admin-approve = Zulassen
admin-decline = Ablehnen
admin-bulk-approve = zulassen (Bestätigung mit Ticket geht raus)
admin-mail-awaiting_approval = Eingang, wartet auf Zulassung
admin-mail-declined = Absage
admin-field-door-overbooking = Überbuchung am Einlass erlauben (Spontangäste und von Hand Angemeldete kommen auch bei voller Veranstaltung hinein)
admin-session-edit = „{ $session }“ bearbeiten
admin-reports-title = Verwendungsnachweise (XLSX)
admin-report-year = Verwendungsnachweis { $year }
admin-report-sheet-events = Veranstaltungen
mail-changed-subject = Geänderte Anmeldung: { $event }
mail-changed-intro = das Team hat Ihre Anmeldung zu „{ $event }“ geändert. So steht sie jetzt:
admin-mail-changed = Änderung durch das Team
admin-messages-title = Nachrichten
admin-messages-of = An Teilnehmende schreiben: { $event }
admin-messages-who = An wen
admin-messages-subject = Betreff
admin-messages-body = Text
admin-messages-placeholders = Platzhalter: {"{"}name{"}"} (Name der Person, die die Nachricht erhält), {"{"}event{"}"} (Veranstaltung), {"{"}link{"}"} (Link zur Anmeldung). Der Link steht zusätzlich unter jeder Nachricht.
admin-messages-preview-button = Vorschau
admin-messages-send = Jetzt senden
admin-messages-history = Bisher gesendet
admin-messages-nobody = Diese Auswahl trifft auf niemanden zu.
admin-messages-preview =
    { $count ->
        [one] Vorschau für eine Empfängeradresse
       *[other] Vorschau; geht an { $count } Empfängeradressen
    }
admin-messages-sent =
    { $count ->
        [one] Die Nachricht geht an eine Empfängeradresse.
       *[other] Die Nachricht geht an { $count } Empfängeradressen.
    }
admin-bulk-message = eine Nachricht schreiben
admin-messages-who-reads-what = Wer welche Fassung liest
admin-messages-reader-language = Sprache
admin-messages-registrations = Empfänger
admin-messages-gets-version = Erhält die Fassung
admin-messages-replies-to = Antworten gehen an { $address }.
admin-messages-replies-to-sender = Antworten gehen an die Absenderadresse.
admin-messages-to-selected =
    { $count ->
        [one] An die ausgewählte Person
       *[other] An die { $count } ausgewählten Personen
    }
admin-messages-selection-hint = Die Nachricht geht an jede ausgewählte Person mit eigener E-Mail-Adresse in ihrer Sprache, sonst an die Kontaktperson ihrer Anmeldung; jede Adresse erhält sie einmal.
admin-messages-to-filtered-instead = Stattdessen an eine gefilterte Gruppe schreiben
admin-messages-version-de = Deutsch (erforderlich)
admin-messages-version-en = Englisch (freiwillig)
admin-messages-version-uk = Ukrainisch (freiwillig)
admin-messages-languages-hint = Englisch und Ukrainisch sind freiwillig; schreiben Sie dort Betreff und Text oder lassen Sie beides leer. Wer in einer Sprache angemeldet ist, für die es keine Fassung gibt, erhält die deutsche.
admin-messages-subject-en = Betreff auf Englisch
admin-messages-body-en = Text auf Englisch
admin-messages-subject-uk = Betreff auf Ukrainisch
admin-messages-body-uk = Text auf Ukrainisch
admin-messages-reply-to = Antworten an (Reply-To)
admin-messages-reply-to-hint = Die Adresse, an die Antworten gehen; alle Empfänger sehen sie. Leer: an die Absenderadresse.
admin-messages-history-selected =
    { $count ->
        [one] an eine ausgewählte Person
       *[other] an { $count } ausgewählte Personen
    }
mail-message-footer = Ihre Anmeldung zu „{ $event }“:
admin-mail-organiser_message = Nachricht des Teams

# Registration form: own questions
org-type-unspecified = Nicht angegeben
error-answer-missing = Bitte beantworten Sie diese Frage.
error-answer-not-ticked = Bitte setzen Sie hier ein Häkchen; ohne diese Zustimmung ist die Anmeldung nicht möglich.
register-questions = Weitere Fragen
answer-yes = Ja
answer-no = Nein
answer-none = Keine Angabe
field-optional = (freiwillig)
manage-answers = Ihre Antworten

# Back office: registration form
admin-form-title = Anmeldeformular
admin-form-of = Anmeldeformular: { $event }
admin-saved = Gespeichert.
admin-form-standard-fields = Standardfelder
admin-form-standard-fields-hint = Name und E-Mail-Adresse werden immer abgefragt. Für die übrigen Felder legen Sie fest, ob sie Pflicht, freiwillig oder gar nicht im Formular sind.
admin-field-rule-required = Pflichtfeld
admin-field-rule-optional = Freiwillig
admin-field-rule-hidden = Nicht abfragen
admin-form-questions = Eigene Fragen
admin-col-question = Frage
admin-col-answered = Beantwortet
admin-question-required = Pflicht
admin-question-required-label = Pflichtfrage (bei einer Einwilligung: ohne Häkchen keine Anmeldung)
admin-question-new = Neue Frage
admin-question-add = Frage hinzufügen
admin-question-edit = Frage bearbeiten: { $question }
admin-field-question-de = Frage bzw. Einwilligungstext (Deutsch)
admin-field-question-en = Frage bzw. Einwilligungstext (Englisch; leer: Deutsch)
admin-field-question-uk = Frage bzw. Einwilligungstext (Ukrainisch; leer: Deutsch)
admin-question-options-hint = Nur für Auswahlfragen: eine Antwortmöglichkeit pro Zeile, Übersetzungen in derselben Reihenfolge und Anzahl.
admin-field-options-de = Antwortmöglichkeiten (Deutsch)
admin-field-options-en = Antwortmöglichkeiten (Englisch; leer: Deutsch)
admin-field-options-uk = Antwortmöglichkeiten (Ukrainisch; leer: Deutsch)
admin-question-kind-short_text = Kurzer Text
admin-question-kind-long_text = Langer Text
admin-question-kind-single_choice = Eine Auswahl
admin-question-kind-multiple_choice = Mehrfachauswahl
admin-question-kind-yes_no = Ja/Nein
admin-question-kind-consent = Einwilligung (Häkchen mit eigenem Text)
admin-error-options-too-few = Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten, eine pro Zeile.
admin-error-options-too-many = Höchstens 30 Antwortmöglichkeiten.
admin-error-options-do-not-match = Die Übersetzung braucht genauso viele Zeilen wie die deutschen Antwortmöglichkeiten (oder bleibt leer).
admin-error-options-duplicate = Jede Antwortmöglichkeit darf nur einmal vorkommen.
admin-error-too-many-questions = Ein Formular hat höchstens { $count } eigene Fragen.
admin-question-remove-confirm =
    { $count ->
        [one] Ja, auch die Antwort einer Person löschen
       *[other] Ja, auch die Antworten von { $count } Personen löschen
    }
admin-question-remove-warning =
    { $count ->
        [one] Eine Person hat diese Frage beantwortet. Bitte bestätigen Sie das Entfernen mit dem Häkchen; die Antwort wird gelöscht.
       *[other] { $count } Personen haben diese Frage beantwortet. Bitte bestätigen Sie das Entfernen mit dem Häkchen; die Antworten werden gelöscht.
    }
admin-col-answers = Antworten
admin-filter-answer = Antwort
admin-filter-answer-any = beantwortet
manage-data-heading = Ihre Daten
manage-data-text = Laden Sie alles herunter, was wir zu dieser Anmeldung gespeichert haben: Angaben, Einwilligungen und Antworten mit ihrem Wortlaut, Programmpunkte, Check-ins und E-Mails.
manage-data-download = Meine Daten herunterladen (JSON)

# Waiting lists per programme session
mail-session-promoted-subject = Ein Platz im Programm ist frei: { $event }
mail-session-promoted-intro = gute Nachricht: In einem Programmpunkt von „{ $event }“, für den Sie auf der Warteliste standen, ist ein Platz frei geworden. Er gehört jetzt Ihnen; unten steht Ihr aktuelles Programm.
session-on-waiting-list = { $session } (Warteliste)
admin-mail-session_promoted = Nachgerückt im Programmpunkt

# Adding a person after registering
add-person-title = Person hinzufügen
add-person-submit = Person anmelden
add-person-link = Weitere Person zu dieser Anmeldung hinzufügen
error-add-event-full = Die Veranstaltung ist ausgebucht; es kann niemand mehr hinzukommen.
error-delegation-full = Zu einer Anmeldung gehören höchstens 21 Personen.
admin-event-privacy = Datenschutz
admin-field-retention-days = Personenbezogene Daten anonymisieren nach (Tagen nach dem Ende)
admin-field-retention-days-hint = Dann werden Namen, E-Mail-Adressen und Freitextantworten entfernt; Zahlen für den Verwendungsnachweis bleiben gleich.
admin-error-retention-days = Bitte eine ganze Zahl von 1 bis 3650.
manage-deletion-link = Löschung meiner Daten beantragen
manage-deletion-requested = Sie haben am { $time } die Löschung Ihrer Daten beantragt. Das Organisationsteam löscht sie innerhalb eines Monats.
deletion-title = Löschung Ihrer Daten beantragen
deletion-question = Möchten Sie die Löschung der Daten dieser Personen zur Anmeldung für „{ $event }“ beantragen?
deletion-what = Gelöscht werden Namen, E-Mail-Adressen, Antworten in eigenen Worten und dieser Link. Was nicht auf eine Person verweist, bleibt für die Statistik (z. B. Art der Organisation, Teilnahme an Programmpunkten).
deletion-cancels = Die Veranstaltung hat noch nicht stattgefunden: Mit der Löschung werden die Plätze storniert.
deletion-when = Das Organisationsteam führt die Löschung innerhalb eines Monats aus (Art. 12 und 17 DSGVO). Bis dahin bleibt diese Seite erreichbar.
deletion-submit = Löschung beantragen
deletion-keep = Zurück, nichts beantragen
admin-privacy-due = { $count ->
    [one] Die personenbezogenen Daten der einen angemeldeten Person werden am { $time } anonymisiert ({ $days } Tage nach dem Ende).
   *[other] Die personenbezogenen Daten der { $count } angemeldeten Personen werden am { $time } anonymisiert ({ $days } Tage nach dem Ende).
}
admin-privacy-anonymised = Die personenbezogenen Daten wurden am { $time } anonymisiert.
admin-privacy-what = Entfernt werden Namen, E-Mail-Adressen, Freitextantworten, die Links der Anmeldungen und ihre E-Mails, die Namen im Protokoll und im Scan-Verlauf. Es bleiben Status, Anmeldetag, Organisation und ihre Art, Partnerkommune, Programmpunkte, Check-ins und Auswahlantworten: Alle Zahlen und der Verwendungsnachweis bleiben gleich.
admin-privacy-requests = Löschanträge
admin-privacy-requested-at = beantragt am { $time }
admin-privacy-anonymise = Jetzt anonymisieren
admin-privacy-anonymise-confirm = Ich verstehe: Namen und Kontaktdaten aller Angemeldeten werden endgültig entfernt.
admin-privacy-confirm-missing = Bitte bestätigen Sie zuerst mit dem Häkchen.
admin-anonymised-person = (anonymisiert)
admin-privacy-person-title = Daten dieser Person
admin-privacy-export = Daten dieser Person herunterladen (JSON)
admin-privacy-erase = Daten dieser Person löschen
admin-privacy-erase-confirm = Ich verstehe: Name, E-Mail-Adresse und Freitextantworten werden endgültig gelöscht; vor der Veranstaltung wird der Platz storniert.
admin-privacy-erased-at = Die Daten dieser Person wurden am { $time } gelöscht.
admin-privacy-request-notice = Löschung beantragt am { $time }.
admin-col-consent-wording = Einwilligungstext
admin-actor-participant = die Person selbst (Anmeldeseite)
admin-question-shown-at-door-label = Dies ist die Foto- und Video-Einwilligung: Wer nicht zustimmt, erhält „Bitte nicht fotografieren“ auf Namensschild und Unterschriftenliste und in der Namenssuche an der Tür (nur Ja/Nein und Einwilligung)
admin-error-shown-at-door = Nur Ja/Nein-Fragen und Einwilligungen können an der Tür gezeigt werden.
no-photos = Bitte nicht fotografieren
organiser-name = Netzwerkstelle Städtepartnerschaften NRW
certificate-heading = Teilnahmebescheinigung
certificate-confirms = Hiermit wird bestätigt, dass
certificate-attended = am { $date } in { $place } an folgender Veranstaltung teilgenommen hat:
certificate-days = { $from } bis { $to }
certificate-sessions = Besuchte Programmpunkte (beim Einlass erfasst):
certificate-issued = Ausgestellt am { $date }
certificate-signature = Unterschrift, Netzwerkstelle Städtepartnerschaften NRW
manage-certificate = Teilnahmebescheinigung für { $name } herunterladen (PDF)
mail-certificate-subject = Ihre Teilnahmebescheinigung: { $event }
mail-certificate-intro = { $count ->
    [one] vielen Dank für Ihre Teilnahme an „{ $event }“. Im Anhang finden Sie die Teilnahmebescheinigung.
   *[other] vielen Dank für Ihre Teilnahme an „{ $event }“. Im Anhang finden Sie { $count } Teilnahmebescheinigungen.
}
mail-certificate-link = Sie können die Bescheinigungen auch auf Ihrer Anmeldeseite herunterladen:
admin-mail-certificate = Teilnahmebescheinigungen
admin-certificates-title = Teilnahmebescheinigungen
admin-certificates-later = Nach dem Ende der Veranstaltung können eingecheckte Personen ihre Bescheinigung von ihrer Anmeldeseite herunterladen; hier lassen sie sich dann alle per E-Mail verschicken.
admin-certificates-gone = Die Daten sind anonymisiert: Es gibt keine Bescheinigungen mehr.
admin-certificates-status = { $count ->
    [one] Eine Anmeldung mit eingecheckten Personen; davon per E-Mail erhalten: { $mailed }.
   *[other] { $count } Anmeldungen mit eingecheckten Personen; davon per E-Mail erhalten: { $mailed }.
}
admin-certificates-send = Allen ihre Bescheinigungen per E-Mail senden
privacy-event-retention = { $days ->
    [one] Für „{ $event }“: Ihre personenbezogenen Daten werden am { $date } anonymisiert, einen Tag nach der Veranstaltung.
   *[other] Für „{ $event }“: Ihre personenbezogenen Daten werden am { $date } anonymisiert, { $days } Tage nach der Veranstaltung.
}
content-german-only = Die Angaben zu dieser Veranstaltung gibt es nur auf Deutsch.

# A full event: the form stays, for the waiting list.
event-full-waitlist = Diese Veranstaltung ist ausgebucht. Sie können sich auf die Warteliste setzen: Wird ein Platz frei, rücken Sie in der Reihenfolge der Anmeldung nach und erhalten Ihr Ticket per E-Mail.
event-full-waitlist-short = Ausgebucht – Anmeldung auf die Warteliste möglich.
event-join-waitlist = Auf die Warteliste
event-join-waitlist-for = Auf die Warteliste: { $event }
register-submit-waitlist = Auf die Warteliste setzen

# Online events: no entrance, no place.
manage-ticket-hint-online = Diese Veranstaltung findet online statt: Sie nehmen über den Zugangslink teil, ein Ticket müssen Sie nirgends vorzeigen.
mail-ticket-hint-online = Die Veranstaltung findet online statt: Sie nehmen über den Zugangslink teil, ein Ticket müssen Sie nirgends vorzeigen.
certificate-attended-online = am { $date } online an folgender Veranstaltung teilgenommen hat:

# The back office's person page
admin-ticket-title = Ticket

# Each status says what is true for it
mail-promoted-confirm-subject = Ein Platz ist frei geworden – bitte bestätigen: { $event }
mail-promoted-confirm-intro = gute Nachricht: Für „{ $event }“ ist ein Platz frei geworden, und Sie sind von der Warteliste nachgerückt. Bitte bestätigen Sie Ihre E-Mail-Adresse mit dem Link unten, damit der Platz Ihnen bleibt; bis dahin halten wir ihn für Sie frei.
admin-mail-promoted_confirm_email = Nachgerückt, Bestätigung erbeten
manage-keep-link-status = Bitte bewahren Sie den Link zu dieser Seite auf: Hier sehen Sie jederzeit den Stand Ihrer Anmeldung.
manage-resend-plain = E-Mail noch einmal schicken
manage-confirm-pending = Wir haben den Bestätigungslink an { $email } geschickt. Bitte bestätigen Sie bis { $deadline }; bis dahin halten wir Ihren Platz frei.

# The summary above a form names each field
form-error-line = { $field }: { $message }
field-consent-name = Einwilligung

# The certificate tells checked-in sessions from registered ones
certificate-sessions-registered = Programmpunkte laut Anmeldung:

# A ticket to print or forward
ticket-pdf-heading = Ticket
manage-ticket-pdf = Ticket von { $name } als PDF (zum Drucken oder Weiterleiten)

# The audit log in words
admin-audit-export = Exporte (alle)
admin-audit-export-attendees-csv = Export: Teilnehmendenliste (CSV)
admin-audit-export-attendees-xlsx = Export: Teilnehmendenliste (Excel)
admin-audit-export-signature-list = Export: Unterschriftenliste (PDF)
admin-audit-export-badges = Export: Namensschilder (PDF)
admin-audit-export-report = Export: Verwendungsnachweis
admin-audit-export-yearly-report = Export: Verwendungsnachweis eines Jahres
admin-audit-export-check-ins-csv = Export: Einlassliste (CSV)
admin-audit-privacy-export = Daten einer Person exportiert
admin-audit-privacy-download = Daten von der Person selbst heruntergeladen
admin-audit-privacy-erase = Daten einer Person gelöscht
admin-audit-privacy-anonymise = Veranstaltung anonymisiert
admin-audit-privacy-deletion-request = Löschung beantragt
admin-audit-attendee-add = Person von Hand angemeldet
admin-audit-attendee-edit = Person geändert
admin-audit-attendee-cancel = Person storniert
admin-audit-attendee-check-in = Von Hand eingecheckt
admin-audit-attendee-reissue-ticket = Ticket neu ausgestellt
admin-audit-registration-approve = Anmeldung zugelassen
admin-audit-registration-decline = Anmeldung abgelehnt
admin-audit-event-create = Veranstaltung angelegt
admin-audit-event-edit = Veranstaltung geändert
admin-audit-event-duplicate = Veranstaltung kopiert
admin-audit-event-publish = Veranstaltung veröffentlicht
admin-audit-event-cancel = Veranstaltung abgesagt
admin-audit-programme-add = Programmpunkt angelegt
admin-audit-programme-edit = Programmpunkt geändert
admin-audit-programme-remove = Programmpunkt entfernt
admin-audit-form-fields = Anmeldeformular geändert
admin-audit-message-send = Nachricht verschickt
admin-audit-certificates-send = Teilnahmebescheinigungen verschickt
admin-audit-door-create = Einlassgerät angelegt
admin-audit-door-rename = Einlassgerät umbenannt
admin-audit-door-revoke = Einlassgerät gesperrt
admin-audit-team-access = Zugriff im Team geändert
admin-audit-team-invite = Ins Team eingeladen
admin-audit-account-log-in = Angemeldet (Backoffice)
admin-audit-newer = Neuere Einträge
admin-audit-older = Ältere Einträge
admin-audit-form-question-add = Frage angelegt
admin-audit-form-question-edit = Frage geändert
admin-audit-form-question-remove = Frage entfernt

# Each member of a delegation: their own kind of organisation and partner
delegation-as-contact = wie bei Ihnen
delegation-language = Sprache der E-Mails an diese Person
delegation-partner-municipality = Partnerkommune (leer: wie bei Ihnen)

# Forum waiting lists in the figures
admin-col-waiting = Warteliste

# Moving someone up from the waiting list by hand
admin-waitlist-move-up = Von der Warteliste nachrücken lassen
admin-audit-registration-move-up = Von Hand nachgerückt

# A revoked door device stops admitting
door-device-blocked = Dieses Gerät wurde gesperrt: Es lässt niemanden mehr ein. Bitte wenden Sie sich an das Team.
door-status-refused = { $count } Scans vom Server abgelehnt

# Mail given up, on the event page
admin-undeliverable-title = { $count ->
    [one] Eine E-Mail nicht zustellbar
   *[other] { $count } E-Mails nicht zustellbar
}
admin-col-mail = E-Mail
admin-col-reason = Grund
admin-nav-status = Status
admin-status-version = Version
admin-status-database = Datenbank
admin-status-running-since = Läuft seit
admin-status-since = { $time } ({ $duration })
admin-status-outbox-unsent = E-Mails im Postausgang
admin-status-outbox-oldest = Älteste wartende E-Mail
admin-status-outbox-undeliverable = Nicht zustellbare E-Mails
admin-status-none = keine
admin-status-backup = Letzte Sicherung
admin-status-backup-off = Keine geplanten Sicherungen (der Server wurde ohne --backup-dir gestartet)
admin-status-backup-none-yet = Seit dem Start noch keine; Sicherungen gehen nach { $dir }
admin-status-backup-done = { $time }, { $size }
admin-status-backup-failed = Fehlgeschlagen am { $time }: { $reason }
admin-status-disk-free = Freier Speicher im Datenordner
admin-status-unknown = unbekannt
admin-status-days = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
admin-status-hours-minutes = { $hours } Std. { $minutes } Min.
admin-status-megabytes = { $size } MB
admin-status-probes = Für Lastverteiler und Überwachung: /healthz (der Prozess antwortet) und /readyz (Datenbank, Migrationen und Hintergrundprozesse bereit).
