//! Names in the mapping helper's menus and tables: the SCIM targets, level positions and columns,
//! and the delimiters.

use crate::expr::ScimTarget;
use crate::i18n::Lang;

/// The name of a SCIM target in the mapping table (the attribute itself is
/// [`ScimTarget::attribute`]).
///
/// ```
/// use scim_token_core::expr::ScimTarget;
/// use scim_token_core::i18n::{expr::target_name, Lang};
/// assert_eq!(target_name(ScimTarget::Department, Lang::Nb), "Avdeling");
/// ```
pub fn target_name(target: ScimTarget, lang: Lang) -> &'static str {
    match (target, lang) {
        (ScimTarget::Organization, Lang::En) => "Organization",
        (ScimTarget::Organization, Lang::Nb) => "Organisasjon",
        (ScimTarget::Division, Lang::En) => "Division",
        (ScimTarget::Division, Lang::Nb) => "Divisjon",
        (ScimTarget::Department, Lang::En) => "Department",
        (ScimTarget::Department, Lang::Nb) => "Avdeling",
    }
}

/// A position choice in the level menu: "1st level", "2. nivå".
///
/// ```
/// use scim_token_core::i18n::{expr::level_position, Lang};
/// assert_eq!(level_position(2, Lang::En), "2nd level");
/// assert_eq!(level_position(12, Lang::En), "12th level");
/// assert_eq!(level_position(2, Lang::Nb), "2. nivå");
/// ```
pub fn level_position(n: u8, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix} level")
        }
        Lang::Nb => format!("{n}. nivå"),
    }
}

/// A column heading in the split table: "Level 1".
///
/// ```
/// use scim_token_core::i18n::{expr::level_column, Lang};
/// assert_eq!(level_column(1, Lang::Nb), "Nivå 1");
/// ```
pub fn level_column(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Level {n}"),
        Lang::Nb => format!("Nivå {n}"),
    }
}

/// A delimiter with its name, for the delimiter menu: "> (greater-than sign)".
///
/// ```
/// use scim_token_core::i18n::{expr::delimiter_name, Lang};
/// assert_eq!(delimiter_name('|', Lang::En), "| (vertical bar)");
/// assert_eq!(delimiter_name('\\', Lang::Nb), "\\ (omvendt skråstrek)");
/// assert_eq!(delimiter_name('»', Lang::En), "»");
/// ```
pub fn delimiter_name(delimiter: char, lang: Lang) -> String {
    let name = match (delimiter, lang) {
        ('>', Lang::En) => "greater-than sign",
        ('>', Lang::Nb) => "større enn-tegn",
        ('|', Lang::En) => "vertical bar",
        ('|', Lang::Nb) => "loddrett strek",
        ('/', Lang::En) => "slash",
        ('/', Lang::Nb) => "skråstrek",
        ('\\', Lang::En) => "backslash",
        ('\\', Lang::Nb) => "omvendt skråstrek",
        (';', Lang::En) => "semicolon",
        (';', Lang::Nb) => "semikolon",
        (',', Lang::En) => "comma",
        (',', Lang::Nb) => "komma",
        ('-', Lang::En) => "hyphen",
        ('-', Lang::Nb) => "bindestrek",
        _ => return delimiter.to_string(),
    };
    format!("{delimiter} ({name})")
}
