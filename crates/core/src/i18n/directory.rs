//! Messages of the directory check (`crate::directory`): why a file cannot be read, the names
//! of the problems found in values, the note on values beyond those counted, and the limits as
//! the section states them.

use crate::directory::limits::{MAX_DISTINCT_VALUES, MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_ROWS};
use crate::directory::{FileProblem, ValueProblem};
use crate::i18n::{number, Lang};

/// The file's size in whole MB (MiB, as Windows shows «MB»), rounded up.
fn megabytes(bytes: u64) -> usize {
    usize::try_from(bytes.div_ceil(1024 * 1024)).unwrap_or(usize::MAX)
}

/// What the section says of the files it reads, before one is chosen.
///
/// ```
/// use scim_token_core::i18n::{directory::limits_note, Lang};
/// assert_eq!(limits_note(Lang::En), "A CSV file of up to 200 MB and 1,000,000 users. It is read on this device and never sent anywhere.");
/// ```
pub fn limits_note(lang: Lang) -> String {
    let size = megabytes(MAX_FILE_BYTES);
    let rows = number(MAX_ROWS as usize, lang);
    match lang {
        Lang::En => format!("A CSV file of up to {size} MB and {rows} users. It is read on this device and never sent anywhere."),
        Lang::Nb => format!("En CSV-fil på opptil {size} MB og {rows} brukere. Den leses på denne enheten og sendes aldri noe sted."),
    }
}

/// Why a file cannot be read, and what to do.
///
/// ```
/// use scim_token_core::directory::FileProblem;
/// use scim_token_core::i18n::{directory::file_problem, Lang};
///
/// assert_eq!(
///     file_problem(FileProblem::UnclosedQuote { row: 12 }, Lang::En),
///     "A quote (\") opened in row 12 is not closed where its value ends, so the rest of the file would be read wrong. Fix that row and choose the file again."
/// );
/// assert!(file_problem(FileProblem::TooLarge { bytes: 300 << 20 }, Lang::Nb).starts_with("Filen er 300 MB"));
/// ```
pub fn file_problem(problem: FileProblem, lang: Lang) -> String {
    let n = |count: u64| number(usize::try_from(count).unwrap_or(usize::MAX), lang);
    let max_size = megabytes(MAX_FILE_BYTES);
    let max_rows = n(MAX_ROWS);
    let max_field = number(MAX_FIELD_BYTES, lang);
    match (lang, problem) {
        (Lang::En, FileProblem::TooLarge { bytes }) => format!("The file is {} MB; this check reads files of up to {max_size} MB. Export fewer columns (the key and the source attribute are enough), or split the file.", megabytes(bytes)),
        (Lang::Nb, FileProblem::TooLarge { bytes }) => format!("Filen er {} MB; denne sjekken leser filer på opptil {max_size} MB. Eksporter færre kolonner (nøkkelen og kildeattributtet er nok), eller del opp filen.", megabytes(bytes)),
        (Lang::En, FileProblem::TooManyRows) => format!("The file has more than {max_rows} users; this check reads up to {max_rows}. Split the file and check each part."),
        (Lang::Nb, FileProblem::TooManyRows) => format!("Filen har flere enn {max_rows} brukere; denne sjekken leser opptil {max_rows}. Del opp filen og sjekk hver del."),
        (Lang::En, FileProblem::Binary) => "This is not a text file (it contains NUL bytes). Choose the CSV file the users were exported to.".to_owned(),
        (Lang::Nb, FileProblem::Binary) => "Dette er ikke en tekstfil (den inneholder NUL-byte). Velg CSV-filen brukerne ble eksportert til.".to_owned(),
        (Lang::En, FileProblem::NotUtf8 { row }) => format!("Row {} is not UTF-8 text. If the file was saved from Excel, save it as «CSV UTF-8» and choose it again.", n(row)),
        (Lang::Nb, FileProblem::NotUtf8 { row }) => format!("Rad {} er ikke UTF-8-tekst. Hvis filen ble lagret fra Excel, lagrer du den som «CSV UTF-8» og velger den på nytt.", n(row)),
        (Lang::En, FileProblem::UnclosedQuote { row }) => format!("A quote (\") opened in row {} is not closed where its value ends, so the rest of the file would be read wrong. Fix that row and choose the file again.", n(row)),
        (Lang::Nb, FileProblem::UnclosedQuote { row }) => format!("Et anførselstegn (\") som åpnes i rad {}, lukkes ikke der verdien slutter, så resten av filen ville blitt lest feil. Rett den raden og velg filen på nytt.", n(row)),
        (Lang::En, FileProblem::FieldTooLong { row }) => format!("Row {} has a value longer than {max_field} bytes; no directory attribute is that long. Fix that row and choose the file again.", n(row)),
        (Lang::Nb, FileProblem::FieldTooLong { row }) => format!("Rad {} har en verdi som er lengre enn {max_field} byte; ingen katalogattributter er så lange. Rett den raden og velg filen på nytt.", n(row)),
        (Lang::En, FileProblem::TooManyColumns { row }) => format!("Row {} has more than 1,000 columns. Export fewer columns and choose the file again.", n(row)),
        (Lang::Nb, FileProblem::TooManyColumns { row }) => format!("Rad {} har flere enn 1\u{A0}000 kolonner. Eksporter færre kolonner og velg filen på nytt.", n(row)),
        (Lang::En, FileProblem::Empty) => "The file is empty: it has no header row.".to_owned(),
        (Lang::Nb, FileProblem::Empty) => "Filen er tom: den har ingen overskriftsrad.".to_owned(),
        (Lang::En, FileProblem::NoSuchColumn) => "The chosen column is not in this file. Was the file changed? Choose it again.".to_owned(),
        (Lang::Nb, FileProblem::NoSuchColumn) => "Den valgte kolonnen finnes ikke i denne filen. Er filen endret? Velg den på nytt.".to_owned(),
    }
}

/// A problem's name, as the report lists it.
///
/// ```
/// use scim_token_core::directory::ValueProblem;
/// use scim_token_core::i18n::{directory::problem_name, Lang};
/// assert_eq!(problem_name(ValueProblem::UnusualSpace, Lang::En), "A space that is not an ordinary space (such as a no-break space)");
/// ```
pub fn problem_name(problem: ValueProblem, lang: Lang) -> &'static str {
    match (lang, problem) {
        (Lang::En, ValueProblem::SpaceAtEnds) => "Spaces at the start or the end",
        (Lang::Nb, ValueProblem::SpaceAtEnds) => "Mellomrom først eller sist",
        (Lang::En, ValueProblem::DoubledDelimiter) => "Two delimiters in a row (an empty level)",
        (Lang::Nb, ValueProblem::DoubledDelimiter) => {
            "To skilletegn etter hverandre (et tomt nivå)"
        }
        (Lang::En, ValueProblem::LeadingDelimiter) => {
            "Starts with the delimiter (an empty first level)"
        }
        (Lang::Nb, ValueProblem::LeadingDelimiter) => {
            "Begynner med skilletegnet (et tomt første nivå)"
        }
        (Lang::En, ValueProblem::TrailingDelimiter) => {
            "Ends with the delimiter (an empty last level)"
        }
        (Lang::Nb, ValueProblem::TrailingDelimiter) => {
            "Slutter med skilletegnet (et tomt siste nivå)"
        }
        (Lang::En, ValueProblem::UnusualSpace) => {
            "A space that is not an ordinary space (such as a no-break space)"
        }
        (Lang::Nb, ValueProblem::UnusualSpace) => {
            "Et mellomrom som ikke er et vanlig mellomrom (for eksempel hardt mellomrom)"
        }
        (Lang::En, ValueProblem::InvisibleCharacter) => {
            "An invisible character (such as a zero-width space)"
        }
        (Lang::Nb, ValueProblem::InvisibleCharacter) => {
            "Et usynlig tegn (for eksempel mellomrom uten bredde)"
        }
        (Lang::En, ValueProblem::UnusualDash) => "A dash that is not a hyphen (-), such as – or −",
        (Lang::Nb, ValueProblem::UnusualDash) => {
            "En strek som ikke er bindestrek (-), for eksempel – eller −"
        }
        (Lang::En, ValueProblem::LookAlikeDelimiter) => {
            "A character that looks like a delimiter but is not (such as › for >)"
        }
        (Lang::Nb, ValueProblem::LookAlikeDelimiter) => {
            "Et tegn som ligner et skilletegn, men ikke er det (for eksempel › for >)"
        }
    }
}

/// Said under a target's values when some were beyond those counted one by one.
///
/// ```
/// use scim_token_core::i18n::{directory::more_values, Lang};
/// assert_eq!(more_values(1_234, Lang::En), "… and more values for 1,234 users (only the first 1,000 distinct values are counted one by one).");
/// ```
pub fn more_values(users: u64, lang: Lang) -> String {
    let users = number(usize::try_from(users).unwrap_or(usize::MAX), lang);
    let max = number(MAX_DISTINCT_VALUES, lang);
    match lang {
        Lang::En => format!("… and more values for {users} users (only the first {max} distinct values are counted one by one)."),
        Lang::Nb => format!("… og flere verdier for {users} brukere (bare de {max} første ulike verdiene telles hver for seg)."),
    }
}
