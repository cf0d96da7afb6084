//! Who runs the site: the operator's details for the imprint (Impressum: § 5 DDG, the
//! person responsible for the content under § 18 Abs. 2 MStV), the privacy notice's
//! data-protection contact and the contact line under every mail. Entered by an
//! administrator; until then there are none, and the pages say so.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, TransactionTrait};

use crate::account::User;
use crate::audit;
use crate::entity::operator_details;
use crate::person::{EmailAddress, InvalidInput, MAX_TEXT_CHARS, PhoneNumber, clean_optional_text, clean_text};

/// The audit log's code for saving the details.
pub const AUDIT_ACTION: &str = "settings.operator";

/// The only row's id (the table's CHECK allows no other).
const ROW_ID: i32 = 1;

/// More lines than a postal address has (recipient, department, street, post box, town).
const MAX_ADDRESS_LINES: usize = 6;

/// The form's fields, in the order the form shows them; parse errors name them.
pub const FIELDS: [&str; 9] = [
    "name",
    "representative",
    "address",
    "email",
    "phone",
    "responsible_name",
    "responsible_address",
    "privacy_contact",
    "privacy_email",
];

/// What an administrator typed, unparsed.
#[derive(Clone, Copy, Debug, Default)]
pub struct OperatorInput<'a> {
    pub name: &'a str,
    pub representative: &'a str,
    pub address: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub responsible_name: &'a str,
    pub responsible_address: &'a str,
    pub privacy_contact: &'a str,
    pub privacy_email: &'a str,
}

/// The operator's details, parsed: only [`OperatorDetails::parse`] and the stored row
/// (written from a parsed value) make one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorDetails {
    name: String,
    representative: String,
    address: String,
    email: String,
    phone: String,
    responsible_name: String,
    responsible_address: String,
    privacy_contact: String,
    privacy_email: String,
}

/// A field the parser refused, and why (`field` is one of [`FIELDS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: InvalidInput,
}

impl OperatorDetails {
    /// Every field checked at once, so the form can name every problem in one answer.
    pub fn parse(input: &OperatorInput<'_>) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut check = |field: &'static str, parsed: Result<String, InvalidInput>| {
            parsed.unwrap_or_else(|problem| {
                problems.push(FieldProblem { field, problem });
                String::new()
            })
        };
        let details = OperatorDetails {
            name: check("name", clean_text(input.name, MAX_TEXT_CHARS)),
            representative: check("representative", clean_optional_text(input.representative, MAX_TEXT_CHARS)),
            address: check("address", address_lines(input.address).and_then(required)),
            email: check("email", EmailAddress::parse(input.email).map(|email| email.as_str().to_owned())),
            phone: check("phone", PhoneNumber::parse(input.phone).map(|phone| phone.as_str().to_owned())),
            responsible_name: check("responsible_name", clean_text(input.responsible_name, MAX_TEXT_CHARS)),
            responsible_address: check("responsible_address", address_lines(input.responsible_address)),
            privacy_contact: check("privacy_contact", clean_text(input.privacy_contact, MAX_TEXT_CHARS)),
            privacy_email: check(
                "privacy_email",
                EmailAddress::parse(input.privacy_email).map(|email| email.as_str().to_owned()),
            ),
        };
        if problems.is_empty() { Ok(details) } else { Err(problems) }
    }

    /// The operator: an authority, an association, a company.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Who represents the operator; empty when not given.
    pub fn representative(&self) -> &str {
        &self.representative
    }

    /// The postal address, line by line.
    pub fn address_lines(&self) -> Vec<&str> {
        self.address.lines().collect()
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn phone(&self) -> &str {
        &self.phone
    }

    /// Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV.
    pub fn responsible_name(&self) -> &str {
        &self.responsible_name
    }

    /// The responsible person's address as entered; empty when it is the operator's.
    pub fn responsible_address(&self) -> &str {
        &self.responsible_address
    }

    /// The responsible person's address, line by line (the operator's when none was given:
    /// the law asks for an address that reaches them).
    pub fn responsible_address_lines(&self) -> Vec<&str> {
        if self.responsible_address.is_empty() {
            self.address_lines()
        } else {
            self.responsible_address.lines().collect()
        }
    }

    /// The data-protection officer or contact (a name or an office).
    pub fn privacy_contact(&self) -> &str {
        &self.privacy_contact
    }

    pub fn privacy_email(&self) -> &str {
        &self.privacy_email
    }

    /// The postal address as the form shows it.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The fields whose value differs from `other`'s, for the audit log.
    fn changed_fields(&self, other: Option<&OperatorDetails>) -> Vec<&'static str> {
        let Some(other) = other else { return FIELDS.to_vec() };
        let pairs = [
            self.name == other.name,
            self.representative == other.representative,
            self.address == other.address,
            self.email == other.email,
            self.phone == other.phone,
            self.responsible_name == other.responsible_name,
            self.responsible_address == other.responsible_address,
            self.privacy_contact == other.privacy_contact,
            self.privacy_email == other.privacy_email,
        ];
        FIELDS.iter().zip(pairs).filter(|(_, same)| !same).map(|(field, _)| *field).collect()
    }
}

/// A multi-line address: every line cleaned like a one-line field (no control or
/// invisible characters), blank lines dropped, `\r\n` from browsers made `\n`.
fn address_lines(raw: &str) -> Result<String, InvalidInput> {
    let mut lines = Vec::new();
    for line in raw.lines() {
        let line = clean_optional_text(line, MAX_TEXT_CHARS)?;
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.len() > MAX_ADDRESS_LINES {
        return Err(InvalidInput::TooLong);
    }
    Ok(lines.join("\n"))
}

fn required(text: String) -> Result<String, InvalidInput> {
    if text.is_empty() { Err(InvalidInput::Required) } else { Ok(text) }
}

impl From<operator_details::Model> for OperatorDetails {
    fn from(row: operator_details::Model) -> Self {
        OperatorDetails {
            name: row.name,
            representative: row.representative,
            address: row.address,
            email: row.email,
            phone: row.phone,
            responsible_name: row.responsible_name,
            responsible_address: row.responsible_address,
            privacy_contact: row.privacy_contact,
            privacy_email: row.privacy_email,
        }
    }
}

/// The stored details; `None` until an administrator (or the demo) entered them.
pub async fn load<C: ConnectionTrait>(db: &C) -> Result<Option<OperatorDetails>, DbErr> {
    Ok(operator_details::Entity::find_by_id(ROW_ID).one(db).await?.map(OperatorDetails::from))
}

/// Stores the details (the first time, or over the old ones) and records who changed
/// which fields in the audit log, both or neither.
pub async fn save(
    db: &DatabaseConnection,
    details: &OperatorDetails,
    actor: &User,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    // Read before the transaction: a write first keeps SQLite from refusing the
    // transaction's upgrade to a writer; two administrators saving at the same moment at
    // worst name the fields in the log against a value one of them did not see.
    let before = load(db).await?;
    let changed = details.changed_fields(before.as_ref());
    let txn = db.begin().await?;
    upsert(&txn, details, now, Overwrite::Yes).await?;
    let detail = if changed.is_empty() { "unchanged".to_owned() } else { format!("changed: {}", changed.join(", ")) };
    audit::record(
        &txn,
        actor,
        audit::Action { event_id: None, action: AUDIT_ACTION, subject: &details.name, detail },
        now,
    )
    .await?;
    txn.commit().await
}

/// Whether an upsert replaces details already stored.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overwrite {
    Yes,
    /// The demo fills in details only where nobody has.
    No,
}

pub(crate) async fn upsert<C: ConnectionTrait>(
    db: &C,
    details: &OperatorDetails,
    now: DateTime<Utc>,
    overwrite: Overwrite,
) -> Result<(), DbErr> {
    use operator_details::Column;
    let row = operator_details::ActiveModel {
        id: Set(ROW_ID),
        name: Set(details.name.clone()),
        representative: Set(details.representative.clone()),
        address: Set(details.address.clone()),
        email: Set(details.email.clone()),
        phone: Set(details.phone.clone()),
        responsible_name: Set(details.responsible_name.clone()),
        responsible_address: Set(details.responsible_address.clone()),
        privacy_contact: Set(details.privacy_contact.clone()),
        privacy_email: Set(details.privacy_email.clone()),
        updated_at: Set(now),
    };
    let on_conflict = match overwrite {
        Overwrite::Yes => OnConflict::column(Column::Id)
            .update_columns([
                Column::Name,
                Column::Representative,
                Column::Address,
                Column::Email,
                Column::Phone,
                Column::ResponsibleName,
                Column::ResponsibleAddress,
                Column::PrivacyContact,
                Column::PrivacyEmail,
                Column::UpdatedAt,
            ])
            .to_owned(),
        Overwrite::No => OnConflict::column(Column::Id).do_nothing().to_owned(),
    };
    operator_details::Entity::insert(row).on_conflict(on_conflict).exec_without_returning(db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> OperatorInput<'static> {
        OperatorInput {
            name: " Netzwerkstelle Städtepartnerschaften NRW ",
            representative: "",
            address: "Musterstraße 1\r\n\r\n40213 Düsseldorf\r\n",
            email: "info@example.org",
            phone: "+49 211 000000",
            responsible_name: "Olena Kovalenko",
            responsible_address: "",
            privacy_contact: "Datenschutzbeauftragte",
            privacy_email: "datenschutz@example.org",
        }
    }

    #[test]
    fn complete_details_are_cleaned() {
        let details = OperatorDetails::parse(&complete()).expect("valid");
        assert_eq!(details.name(), "Netzwerkstelle Städtepartnerschaften NRW");
        assert_eq!(details.address_lines(), ["Musterstraße 1", "40213 Düsseldorf"]);
        assert_eq!(details.responsible_address_lines(), details.address_lines(), "the operator's address stands in");
    }

    #[test]
    fn every_refused_field_is_named_at_once() {
        let input = OperatorInput {
            name: "",
            email: "info@example",
            phone: "Zentrale",
            address: "a\u{202E}b",
            responsible_address: &"line\n".repeat(MAX_ADDRESS_LINES + 1),
            ..complete()
        };
        let problems = OperatorDetails::parse(&input).expect_err("refused");
        assert_eq!(
            problems,
            [
                FieldProblem { field: "name", problem: InvalidInput::Required },
                FieldProblem { field: "address", problem: InvalidInput::InvalidCharacters },
                FieldProblem { field: "email", problem: InvalidInput::InvalidEmail },
                FieldProblem { field: "phone", problem: InvalidInput::InvalidPhone },
                FieldProblem { field: "responsible_address", problem: InvalidInput::TooLong },
            ]
        );
    }

    #[test]
    fn the_audit_names_only_changed_fields() {
        let before = OperatorDetails::parse(&complete()).expect("valid");
        let after = OperatorDetails::parse(&OperatorInput { phone: "+49 211 111111", ..complete() }).expect("valid");
        assert_eq!(after.changed_fields(Some(&before)), ["phone"]);
        assert_eq!(after.changed_fields(None), FIELDS);
    }
}
