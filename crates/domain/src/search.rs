//! How people are found by what is typed: one folding for the back office's list, the
//! door's name search and the door's offline search (the same table, in JavaScript, in
//! `static/door.js`). Case is folded in every script, Latin letters lose their accents
//! (ß is ss, ł is l), Cyrillic ё is е, and Cyrillic names are also found in Latin
//! letters, so that `Kovalenko` finds `Коваленко` and `grossmann` finds `Größmann`.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::entity::attendee;

/// Lower case, without accents on Latin letters, ß as ss, ё as е.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => folded.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => folded.push('o'),
            'ü' | 'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => folded.push('u'),
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'ė' => folded.push('e'),
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => folded.push('i'),
            'ç' | 'ć' | 'č' | 'ĉ' => folded.push('c'),
            'ş' | 'ś' | 'š' | 'ș' => folded.push('s'),
            'ţ' | 'ț' | 'ť' => folded.push('t'),
            'ğ' => folded.push('g'),
            'ł' | 'ľ' | 'ĺ' => folded.push('l'),
            'ñ' | 'ń' | 'ň' => folded.push('n'),
            'ž' | 'ź' | 'ż' => folded.push('z'),
            'ř' => folded.push('r'),
            'ď' | 'đ' => folded.push('d'),
            'ý' | 'ÿ' => folded.push('y'),
            'ё' => folded.push('е'),
            // Combining accents (typed decomposed, or left by lower-casing İ).
            '\u{300}'..='\u{36f}' => {}
            other => folded.push(other),
        }
    }
    folded
}

/// Folded text with Cyrillic letters written in Latin ones (Ukraine's national
/// transliteration, with the Russian letters that Ukrainian lacks); everything else
/// stays. `fold(text)` is expected.
pub fn latin(folded: &str) -> String {
    let mut latin = String::with_capacity(folded.len());
    for c in folded.chars() {
        let spelled = match c {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "h",
            'ґ' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'є' => "ie",
            'ж' => "zh",
            'з' => "z",
            'и' | 'ы' => "y",
            'і' | 'ї' | 'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ь' | 'ъ' | '\'' | '’' | 'ʼ' => "",
            'ю' => "iu",
            'я' => "ia",
            other => {
                latin.push(other);
                continue;
            }
        };
        latin.push_str(spelled);
    }
    latin
}

/// The text a person is found by, stored with them: their name and organisation folded,
/// and the same in Latin letters when it is written in another script.
pub fn key(parts: &[&str]) -> String {
    let folded = fold(&parts.join(" "));
    let latin = latin(&folded);
    if latin == folded { folded } else { format!("{folded} {latin}") }
}

/// Gives the people stored before search keys existed theirs; run at start-up, after
/// the migrations. Returns how many it filled.
pub async fn fill_missing_keys(db: &DatabaseConnection) -> Result<usize, DbErr> {
    let missing = attendee::Entity::find()
        .filter(attendee::Column::SearchKey.eq(""))
        .filter(attendee::Column::AnonymisedAt.is_null())
        .all(db)
        .await?;
    for person in &missing {
        attendee::Entity::update_many()
            .col_expr(
                attendee::Column::SearchKey,
                Expr::value(key(&[&person.first_name, &person.last_name, &person.organisation])),
            )
            .filter(attendee::Column::Id.eq(person.id))
            .exec(db)
            .await?;
    }
    Ok(missing.len())
}

/// What was typed, ready to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle {
    folded: String,
    latin: String,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let folded = fold(query.trim());
        let latin = latin(&folded);
        Needle { folded, latin }
    }

    /// The forms to look for in a [`key`]: as typed (folded), and in Latin letters.
    pub fn forms(&self) -> Vec<&str> {
        if self.latin == self.folded { vec![&self.folded] } else { vec![&self.folded, &self.latin] }
    }

    /// Whether this finds `text` (a name, an organisation).
    pub fn finds(&self, text: &str) -> bool {
        let folded = fold(text);
        folded.contains(&self.folded)
            // Typed in Cyrillic, written in Latin letters.
            || (self.latin != self.folded && folded.contains(&self.latin))
            // Cyrillic written in Latin letters: only worth spelling out for Cyrillic text.
            || (folded.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) && latin(&folded).contains(&self.latin))
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names from every script the events see, as typed by door staff.
    #[test]
    fn names_are_found_whatever_the_case_accents_or_script() {
        let people = [
            "Олена Коваленко",
            "Łukasz Wójcik",
            "Ayşe Çelik",
            "Mehmet Öztürk",
            "Jürgen Größmann",
            "Фёдор Житомирський",
            "Їжак Ґудзь",
            "Stadt Житомир",
        ];
        for (typed, expected) in [
            ("коваленко", "Олена Коваленко"),
            ("КОВАЛЕНКО", "Олена Коваленко"),
            ("Kovalenko", "Олена Коваленко"),
            ("олена", "Олена Коваленко"),
            ("Olena", "Олена Коваленко"),
            ("Житомир", "Stadt Житомир"),
            ("zhytomyr", "Stadt Житомир"),
            ("łukasz", "Łukasz Wójcik"),
            ("lukasz", "Łukasz Wójcik"),
            ("Wojcik", "Łukasz Wójcik"),
            ("ÇELİK", "Ayşe Çelik"),
            ("celik", "Ayşe Çelik"),
            ("öztürk", "Mehmet Öztürk"),
            ("Ozturk", "Mehmet Öztürk"),
            ("grossmann", "Jürgen Größmann"),
            ("GRÖSSMANN", "Jürgen Größmann"),
            ("федор", "Фёдор Житомирський"),
            ("ґудзь", "Їжак Ґудзь"),
        ] {
            let needle = Needle::new(typed);
            let found: Vec<&str> = people.iter().copied().filter(|person| needle.finds(person)).collect();
            assert!(found.contains(&expected), "{typed:?} finds {found:?}, not {expected:?}");
        }
        assert!(!Needle::new("kowalski").finds("Олена Коваленко"));
        assert!(!Needle::new("гудзь").finds("Їжак Ґудзь"), "ґ and г are different letters");
    }

    #[test]
    fn keys_hold_both_scripts_only_where_needed() {
        assert_eq!(key(&["Größmann", "Stadt Köln"]), "grossmann stadt koln");
        assert_eq!(key(&["Коваленко"]), "коваленко kovalenko");
    }
}
