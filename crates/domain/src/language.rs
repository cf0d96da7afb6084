//! The three languages Treffpunkt speaks; German is the source and the fallback.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Stored as its code (`de`, `en`, `uk`), as the registration's language always was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    #[sea_orm(string_value = "de")]
    De,
    #[sea_orm(string_value = "en")]
    En,
    #[sea_orm(string_value = "uk")]
    Uk,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::De, Language::En, Language::Uk];

    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
            Language::Uk => "uk",
        }
    }

    /// Accepts `de`, `EN`, `uk-UA` and the like; anything else is `None`.
    pub fn parse(raw: &str) -> Option<Language> {
        let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Language::De),
            "en" => Some(Language::En),
            "uk" => Some(Language::Uk),
            _ => None,
        }
    }

    /// Picks a text in this language, falling back to German where it is empty.
    /// `Some("de")` when [`Language::pick`] falls back to German for this text: pages
    /// mark such text with its language and say it exists in German only.
    pub fn fallback(self, en: &str, uk: &str) -> Option<&'static str> {
        let chosen = match self {
            Language::De => return None,
            Language::En => en,
            Language::Uk => uk,
        };
        chosen.trim().is_empty().then_some("de")
    }

    pub fn pick<'a>(self, de: &'a str, en: &'a str, uk: &'a str) -> &'a str {
        let chosen = match self {
            Language::De => de,
            Language::En => en,
            Language::Uk => uk,
        };
        if chosen.trim().is_empty() { de } else { chosen }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags_and_rejects_others() {
        assert_eq!(Language::parse("uk-UA"), Some(Language::Uk));
        assert_eq!(Language::parse("EN"), Some(Language::En));
        assert_eq!(Language::parse("fr"), None);
        assert_eq!(Language::parse(""), None);
    }

    #[test]
    fn the_stored_value_is_the_code() {
        for language in Language::ALL {
            assert_eq!(language.to_value(), language.code());
            assert_eq!(Language::parse(language.code()), Some(language));
        }
    }

    #[test]
    fn empty_translation_falls_back_to_german() {
        assert_eq!(Language::En.pick("Hallo", " ", "Привіт"), "Hallo");
        assert_eq!(Language::Uk.pick("Hallo", "Hello", "Привіт"), "Привіт");
    }
}
