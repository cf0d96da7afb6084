//! The translation layer: every user-facing string comes from `locales/{de,en,uk}/main.ftl`.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, Timelike};
use chrono_tz::Tz;
use domain::Language;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "de",
        // Without this every placeable is wrapped in invisible U+2068/U+2069 marks,
        // which end up in names, subjects and calendar files.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DE: LanguageIdentifier = langid!("de");
static EN: LanguageIdentifier = langid!("en");
static UK: LanguageIdentifier = langid!("uk");

fn identifier(language: Language) -> &'static LanguageIdentifier {
    match language {
        Language::De => &DE,
        Language::En => &EN,
        Language::Uk => &UK,
    }
}

/// Translations in one language; templates hold it as `t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub language: Language,
}

impl Tr {
    pub fn new(language: Language) -> Self {
        Tr { language }
    }

    /// The language code for `lang` attributes and links.
    pub fn code(&self) -> &'static str {
        self.language.code()
    }

    pub fn get(&self, key: &str) -> String {
        LOCALES.lookup(identifier(self.language), key)
    }

    /// A message with one text argument.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        self.lookup_args(key, [(name, FluentValue::from(value.to_owned()))])
    }

    /// A message with a number, so that plural forms (Ukrainian has four) come out right.
    /// Takes the number by value or by reference (templates pass references).
    pub fn count(&self, key: &str, name: &str, value: impl std::borrow::Borrow<i64>) -> String {
        self.lookup_args(key, [(name, FluentValue::from(*value.borrow()))])
    }

    /// A message with a number (for its plural form) and further text arguments.
    pub fn count_with(&self, key: &str, name: &str, value: i64, texts: &[(&str, &str)]) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'static>> = texts
            .iter()
            .map(|(name, text)| (Cow::Owned((*name).to_owned()), FluentValue::from((*text).to_owned())))
            .collect();
        args.insert(Cow::Owned(name.to_owned()), FluentValue::from(value));
        LOCALES.lookup_with_args(identifier(self.language), key, &args)
    }

    pub fn with2(&self, key: &str, names: [&str; 2], values: [&str; 2]) -> String {
        self.lookup_args(
            key,
            [(names[0], FluentValue::from(values[0].to_owned())), (names[1], FluentValue::from(values[1].to_owned()))],
        )
    }

    fn lookup_args<const N: usize>(&self, key: &str, args: [(&str, FluentValue<'static>); N]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.into_iter().map(|(name, value)| (Cow::Owned(name.to_owned()), value)).collect();
        LOCALES.lookup_with_args(identifier(self.language), key, &args)
    }

    /// "Donnerstag, 24. Dezember 2026" / "Thursday, 24 December 2026" / "четвер, 24 грудня 2026".
    pub fn date(&self, at: &DateTime<Tz>) -> String {
        let weekday = self.get(&format!("weekday-{}", at.weekday().number_from_monday()));
        let month = self.get(&format!("month-{}", at.month()));
        self.lookup_args(
            "date-long",
            [
                ("weekday", FluentValue::from(weekday)),
                ("day", FluentValue::from(at.day().to_string())),
                ("month", FluentValue::from(month)),
                ("year", FluentValue::from(at.year().to_string())),
            ],
        )
    }

    /// 24-hour time, as all three languages write it.
    pub fn time(&self, at: &DateTime<Tz>) -> String {
        format!("{:02}:{:02}", at.hour(), at.minute())
    }

    pub fn date_time(&self, at: &DateTime<Tz>) -> String {
        self.with2("date-time", ["date", "time"], [&self.date(at), &self.time(at)])
    }

    /// "10:00–17:00" on one day, otherwise both dates.
    pub fn span(&self, from: &DateTime<Tz>, to: &DateTime<Tz>) -> String {
        if from.date_naive() == to.date_naive() {
            format!("{}, {}–{}", self.date(from), self.time(from), self.time(to))
        } else {
            format!("{} – {}", self.date_time(from), self.date_time(to))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Language;
    use std::collections::BTreeSet;

    #[test]
    fn ukrainian_plurals_use_their_own_forms() {
        let uk = Tr::new(Language::Uk);
        let one = uk.count("places-free", "count", 1);
        let few = uk.count("places-free", "count", 3);
        let many = uk.count("places-free", "count", 5);
        assert!(one != few && few != many && one != many, "{one} / {few} / {many}");
        assert!(Tr::new(Language::De).count("places-free", "count", 1).contains("1 Platz"));
    }

    fn keys(language: &str) -> BTreeSet<String> {
        let path = format!("{}/../../locales/{language}/main.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(!text.is_empty(), "{path} is missing");
        text.lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim().to_owned()))
            .collect()
    }

    /// A key defined twice makes the whole language fail to load at the first lookup.
    #[test]
    fn no_key_is_defined_twice() {
        for language in ["de", "en", "uk"] {
            let path = format!("{}/../../locales/{language}/main.ftl", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut seen = BTreeSet::new();
            for key in text
                .lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim()))
            {
                assert!(seen.insert(key), "{language}: {key} is defined twice");
            }
        }
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let german = keys("de");
        assert!(german.len() > 50);
        for language in ["en", "uk"] {
            let other = keys(language);
            let missing: Vec<_> = german.difference(&other).collect();
            let extra: Vec<_> = other.difference(&german).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{language}: missing {missing:?}, extra {extra:?}");
        }
    }

    /// Every file in a folder and its subfolders (templates and sources sit one folder
    /// per crate).
    fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(files_under(&path));
            } else {
                files.push(path);
            }
        }
        files
    }

    /// Removes `open … close` spans (template tags, HTML tags) from a text.
    fn without(text: &str, open: &str, close: &str) -> String {
        let mut rest = text;
        let mut kept = String::new();
        while let Some(start) = rest.find(open) {
            kept.push_str(&rest[..start]);
            match rest[start..].find(close) {
                Some(end) => rest = &rest[start + end + close.len()..],
                None => return kept,
            }
        }
        kept.push_str(rest);
        kept
    }

    /// No template shows a word that does not come from the translations: outside of
    /// template expressions and HTML tags only punctuation and symbols may stand, and
    /// texts in `alt`, `title`, `aria-label` and `placeholder` are expressions too.
    #[test]
    fn templates_hold_no_literal_words() {
        let root = format!("{}/../../templates", env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        {
            for path in files_under(std::path::Path::new(&root)) {
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                for attribute in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
                    for (start, _) in source.match_indices(attribute) {
                        let value = source[start + attribute.len()..].split('"').next().unwrap_or_default();
                        assert!(
                            value.is_empty() || value.starts_with("{{"),
                            "{}: literal text in {attribute}…\" : {value}",
                            path.display()
                        );
                    }
                }
                let text = without(&without(&without(&without(&source, "{#", "#}"), "{%", "%}"), "{{", "}}"), "<", ">");
                let words: Vec<&str> =
                    text.split_whitespace().filter(|word| word.chars().any(char::is_alphabetic)).collect();
                assert!(words.is_empty(), "{}: literal words {words:?}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 10, "only {checked} templates checked");
    }

    /// Every literal key passed to `get`, `with`, `with2` or `count` in a template or in
    /// the web crates' code exists, so no page shows a raw key.
    #[test]
    fn every_key_used_in_templates_and_code_exists() {
        let german = keys("de");
        let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        let mut rust_sources = Vec::new();
        for dir in ["templates", "crates", "src"] {
            for path in files_under(&std::path::Path::new(&root).join(dir)) {
                let source = || std::fs::read_to_string(&path).unwrap_or_default();
                match path.extension().and_then(|extension| extension.to_str()) {
                    Some("rs") => rust_sources.push(source()),
                    Some("html" | "txt") => sources.push(source()),
                    _ => {}
                }
            }
        }
        sources.extend(rust_sources.iter().cloned());
        let mut used = 0;
        for source in &sources {
            for marker in
                ["t.get(\"", "t.with(\"", "t.count(\"", "t.with2(\"", "tr.get(\"", "tr.with(\"", "tr.count(\""]
            {
                for (start, _) in source.match_indices(marker) {
                    let rest = &source[start + marker.len()..];
                    let key = rest.split('"').next().unwrap_or_default();
                    used += 1;
                    assert!(german.contains(key), "unknown translation key {key}");
                }
            }
        }
        // Message keys handed around as values in code (refusals, form errors) too.
        for source in &rust_sources {
            for prefix in ["\"error-", "\"admin-error-"] {
                for (start, _) in source.match_indices(prefix) {
                    let key = source[start + 1..].split('"').next().unwrap_or_default();
                    if !key.contains(['{', ' ']) && !key.ends_with('-') {
                        used += 1;
                        assert!(german.contains(key), "unknown translation key {key}");
                    }
                }
            }
        }
        assert!(used > 200, "only {used} keys found; the scan is broken");
    }
}
