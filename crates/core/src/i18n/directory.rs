//! Messages of the directory check (`crate::directory`): why a file cannot be read, the names
//! of the problems found in values, the note on values beyond those counted, and the limits as
//! the section states them.

use crate::directory::limits::{MAX_DISTINCT_VALUES, MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_ROWS};
use crate::directory::{FileProblem, GroupId, ValueProblem};
use crate::expr::MAX_LEVELS_SHOWN;
use crate::i18n::expr::target_name;
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

/// A count of users in the result's tables, grouped as the status line groups it.
///
/// ```
/// use scim_token_core::i18n::{directory::users_count, Lang};
/// assert_eq!(users_count(71_369, Lang::En), "71,369");
/// assert_eq!(users_count(71_369, Lang::Nb), "71\u{a0}369");
/// assert_eq!(users_count(144, Lang::En), "144");
/// ```
pub fn users_count(users: u64, lang: Lang) -> String {
    number(usize::try_from(users).unwrap_or(usize::MAX), lang)
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

/// The fixed texts of «Check the whole directory».
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DirectoryText {
    /// The part's heading.
    Heading,
    /// What it does, before a file is chosen.
    Intro,
    /// The file input's label.
    FileLabel,
    /// The drop zone.
    DropHint,
    /// The source column's menu.
    ColumnLabel,
    /// The key column's menu.
    KeyLabel,
    /// The key menu's choice of no column.
    KeyNone,
    /// Starts the check.
    Check,
    /// Stops what runs.
    Stop,
    /// Writes the results file.
    Download,
    /// The link to the results file once written.
    SaveResults,
    /// The progress bar's name while the header is read.
    ReadingColumns,
    /// The progress bar's name during the survey.
    Surveying,
    /// The progress bar's name during the check.
    Checking,
    /// The progress bar's name while the results file is written.
    Writing,
    /// Said after «Stop».
    Stopped,
    /// The worker did not answer within the watchdog's time.
    StoppedTooLong,
    /// The worker died.
    StoppedFailed,
    /// The worker's message was not an answer.
    StoppedRefused,
    /// The worker no longer holds the job.
    NoJob,
    /// The results' heading.
    ResultsHeading,
    /// The values table's first column.
    ValueColumn,
    /// The tables' count column.
    UsersColumn,
    /// The users whose level comes out empty.
    EmptyLevel,
    /// The users whose evaluation failed.
    FailedLevel,
    /// The users with no value in the source column.
    NoValue,
    /// The depths table's heading.
    DepthHeading,
    /// The depths table's first column.
    DepthColumn,
    /// A depth other than the most common.
    DepthDiffers,
    /// The problems table's heading.
    ProblemsHeading,
    /// The problems table's first column.
    ProblemColumn,
    /// No value has a problem.
    NoProblems,
    /// The sample users table's row column.
    RowColumn,
    /// The sample users table's user column.
    UserColumn,
    /// The text of the file's no-value group button.
    NoValueGroup,
    /// Said when no level is chosen above.
    NoLevelsChosen,
}

impl DirectoryText {
    /// Every text, for the catalog's tests.
    pub const ALL: [DirectoryText; 36] = [
        DirectoryText::Heading,
        DirectoryText::Intro,
        DirectoryText::FileLabel,
        DirectoryText::DropHint,
        DirectoryText::ColumnLabel,
        DirectoryText::KeyLabel,
        DirectoryText::KeyNone,
        DirectoryText::Check,
        DirectoryText::Stop,
        DirectoryText::Download,
        DirectoryText::SaveResults,
        DirectoryText::ReadingColumns,
        DirectoryText::Surveying,
        DirectoryText::Checking,
        DirectoryText::Writing,
        DirectoryText::Stopped,
        DirectoryText::StoppedTooLong,
        DirectoryText::StoppedFailed,
        DirectoryText::StoppedRefused,
        DirectoryText::NoJob,
        DirectoryText::ResultsHeading,
        DirectoryText::ValueColumn,
        DirectoryText::UsersColumn,
        DirectoryText::EmptyLevel,
        DirectoryText::FailedLevel,
        DirectoryText::NoValue,
        DirectoryText::DepthHeading,
        DirectoryText::DepthColumn,
        DirectoryText::DepthDiffers,
        DirectoryText::ProblemsHeading,
        DirectoryText::ProblemColumn,
        DirectoryText::NoProblems,
        DirectoryText::RowColumn,
        DirectoryText::UserColumn,
        DirectoryText::NoValueGroup,
        DirectoryText::NoLevelsChosen,
    ];

    /// The text in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{directory::DirectoryText, Lang};
    /// assert_eq!(DirectoryText::Heading.in_lang(Lang::Nb), "Sjekk hele katalogen");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        use DirectoryText as D;
        match lang {
            Lang::En => match self {
                D::Heading => "Check the whole directory",
                D::Intro => "Export the users from Entra («Users» → «Download users») and choose the file: every user's value is split with the levels chosen above, on this device.",
                D::FileLabel => "Users export (CSV file)",
                D::DropHint => "Or drop the file here.",
                D::ColumnLabel => "Column with the source attribute",
                D::KeyLabel => "Column that names each user",
                D::KeyNone => "None (row numbers)",
                D::Check => "Check every user",
                D::Stop => "Stop",
                D::Download => "Download results",
                D::SaveResults => "Save the results file (CSV)",
                D::ReadingColumns => "Reading the columns",
                D::Surveying => "Reading the column",
                D::Checking => "Checking every user",
                D::Writing => "Writing the results file",
                D::Stopped => "Stopped. Nothing of the file was kept.",
                D::StoppedTooLong => "The check stopped: it did not answer within a second. Choose the file again to try once more.",
                D::StoppedFailed => "The check stopped: it failed, perhaps out of memory. Choose the file again to try once more.",
                D::StoppedRefused => "The check stopped: it sent something that is not an answer. Choose the file again to try once more.",
                D::NoJob => "The check no longer holds these users. Check every user again to see them.",
                D::ResultsHeading => "What every user gets",
                D::ValueColumn => "Value",
                D::UsersColumn => "Users",
                D::EmptyLevel => "Empty level",
                D::FailedLevel => "Expression failed",
                D::NoValue => "Users with no value in the column",
                D::DepthHeading => "Levels per value",
                D::DepthColumn => "Levels",
                D::DepthDiffers => "differs from most",
                D::ProblemsHeading => "Values that look wrong",
                D::ProblemColumn => "Problem",
                D::NoProblems => "No value has spaces at its ends, doubled or trailing delimiters, or look-alike characters.",
                D::RowColumn => "Row",
                D::UserColumn => "User",
                D::NoValueGroup => "No value",
                D::NoLevelsChosen => "No level is chosen above, so only the levels per value and the values that look wrong are counted.",
            },
            Lang::Nb => match self {
                D::Heading => "Sjekk hele katalogen",
                D::Intro => "Eksporter brukerne fra Entra («Users» → «Download users») og velg filen: verdien til hver bruker deles med nivåene som er valgt over, på denne enheten.",
                D::FileLabel => "Brukereksport (CSV-fil)",
                D::DropHint => "Eller slipp filen her.",
                D::ColumnLabel => "Kolonne med kildeattributtet",
                D::KeyLabel => "Kolonne som navngir hver bruker",
                D::KeyNone => "Ingen (radnumre)",
                D::Check => "Sjekk alle brukerne",
                D::Stop => "Stopp",
                D::Download => "Last ned resultatene",
                D::SaveResults => "Lagre resultatfilen (CSV)",
                D::ReadingColumns => "Leser kolonnene",
                D::Surveying => "Leser kolonnen",
                D::Checking => "Sjekker alle brukerne",
                D::Writing => "Skriver resultatfilen",
                D::Stopped => "Stoppet. Ingenting fra filen ble tatt vare på.",
                D::StoppedTooLong => "Sjekken stoppet: den svarte ikke innen ett sekund. Velg filen på nytt for å prøve igjen.",
                D::StoppedFailed => "Sjekken stoppet: den feilet, kanskje fordi minnet tok slutt. Velg filen på nytt for å prøve igjen.",
                D::StoppedRefused => "Sjekken stoppet: den sendte noe som ikke er et svar. Velg filen på nytt for å prøve igjen.",
                D::NoJob => "Sjekken har ikke lenger disse brukerne. Sjekk alle brukerne på nytt for å se dem.",
                D::ResultsHeading => "Hva hver bruker får",
                D::ValueColumn => "Verdi",
                D::UsersColumn => "Brukere",
                D::EmptyLevel => "Tomt nivå",
                D::FailedLevel => "Uttrykket feilet",
                D::NoValue => "Brukere uten verdi i kolonnen",
                D::DepthHeading => "Nivåer per verdi",
                D::DepthColumn => "Nivåer",
                D::DepthDiffers => "avviker fra de fleste",
                D::ProblemsHeading => "Verdier som ser feil ut",
                D::ProblemColumn => "Problem",
                D::NoProblems => "Ingen verdi har mellomrom først eller sist, doble skilletegn eller skilletegn til slutt, eller tegn som ligner andre.",
                D::RowColumn => "Rad",
                D::UserColumn => "Bruker",
                D::NoValueGroup => "Ingen verdi",
                D::NoLevelsChosen => "Ingen nivåer er valgt over, så bare nivåer per verdi og verdier som ser feil ut telles.",
            },
        }
    }
}

/// The progress said politely while a pass runs: what it does, and how far it is.
///
/// ```
/// use scim_token_core::i18n::{directory::{progress, DirectoryText}, Lang};
/// assert_eq!(progress(DirectoryText::Checking, 12_345, 40, Lang::En), "Checking every user: 12,345 users read (40 %).");
/// ```
pub fn progress(doing: DirectoryText, rows: u64, percent: u8, lang: Lang) -> String {
    let rows = number(usize::try_from(rows).unwrap_or(usize::MAX), lang);
    let doing = doing.in_lang(lang);
    match lang {
        Lang::En => format!("{doing}: {rows} users read ({percent} %)."),
        Lang::Nb => format!("{doing}: {rows} brukere lest ({percent} %)."),
    }
}

/// Said when the check is done.
///
/// ```
/// use scim_token_core::i18n::{directory::checked, Lang};
/// assert_eq!(checked(100_000, Lang::En), "100,000 users checked.");
/// ```
pub fn checked(rows: u64, lang: Lang) -> String {
    let rows = number(usize::try_from(rows).unwrap_or(usize::MAX), lang);
    match lang {
        Lang::En => format!("{rows} users checked."),
        Lang::Nb => format!("{rows} brukere sjekket."),
    }
}

/// Under a list cut short on the page: how many more groups the results file has.
///
/// ```
/// use scim_token_core::i18n::{directory::more_groups, Lang};
/// assert_eq!(more_groups(950, Lang::En), "… and 950 more (the results file has every user).");
/// ```
pub fn more_groups(more: usize, lang: Lang) -> String {
    let more = number(more, lang);
    match lang {
        Lang::En => format!("… and {more} more (the results file has every user)."),
        Lang::Nb => format!("… og {more} til (resultatfilen har alle brukerne)."),
    }
}

/// Under a group's sample of users.
///
/// ```
/// use scim_token_core::i18n::{directory::sample_note, Lang};
/// assert_eq!(sample_note(20, 1_500, Lang::En), "The first 20 of 1,500 users.");
/// ```
pub fn sample_note(shown: usize, total: u64, lang: Lang) -> String {
    let shown = number(shown, lang);
    let total = number(usize::try_from(total).unwrap_or(usize::MAX), lang);
    match lang {
        Lang::En => format!("The first {shown} of {total} users."),
        Lang::Nb => format!("De første {shown} av {total} brukere."),
    }
}

/// The heading over a group's sample of users.
///
/// ```
/// use scim_token_core::i18n::{directory::users_of, Lang};
/// assert_eq!(users_of("Sales", Lang::En), "Users: Sales");
/// ```
pub fn users_of(group: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Users: {group}"),
        Lang::Nb => format!("Brukere: {group}"),
    }
}

/// A depth as the tables write it: the last bucket, more than [`MAX_LEVELS_SHOWN`], as «> N».
///
/// ```
/// use scim_token_core::expr::MAX_LEVELS_SHOWN;
/// use scim_token_core::i18n::directory::depth_label;
/// assert_eq!(depth_label(3), "3");
/// assert_eq!(depth_label(MAX_LEVELS_SHOWN as u32 + 1), format!("> {MAX_LEVELS_SHOWN}"));
/// ```
pub fn depth_label(depth: u32) -> String {
    if depth as usize > MAX_LEVELS_SHOWN {
        format!("> {MAX_LEVELS_SHOWN}")
    } else {
        depth.to_string()
    }
}

/// A group as the first cell of its row in a result table names it.
///
/// ```
/// use scim_token_core::directory::GroupId;
/// use scim_token_core::expr::ScimTarget;
/// use scim_token_core::i18n::{directory::row_label, Lang};
/// assert_eq!(row_label(&GroupId::EmptyLevel(ScimTarget::Division), Lang::En), "Empty level");
/// assert_eq!(row_label(&GroupId::Depth(2), Lang::En), "2");
/// ```
pub fn row_label(group: &GroupId, lang: Lang) -> String {
    let t = |text: DirectoryText| text.in_lang(lang).to_owned();
    match group {
        GroupId::Value { value, .. } => value.clone(),
        GroupId::MoreValues(target) => format!("{} …", target_name(*target, lang)),
        GroupId::EmptyLevel(_) => t(DirectoryText::EmptyLevel),
        GroupId::Failed(_) => t(DirectoryText::FailedLevel),
        GroupId::NoValue => t(DirectoryText::NoValue),
        GroupId::Depth(depth) => depth_label(*depth),
        GroupId::Problem(problem) => problem_name(*problem, lang).to_owned(),
    }
}

/// A group as the heading over its users names it: with its target, or what its number is.
///
/// ```
/// use scim_token_core::directory::GroupId;
/// use scim_token_core::expr::ScimTarget;
/// use scim_token_core::i18n::{directory::group_label, Lang};
/// assert_eq!(group_label(&GroupId::EmptyLevel(ScimTarget::Division), Lang::En), "Division – Empty level");
/// assert_eq!(group_label(&GroupId::Depth(2), Lang::En), "Levels: 2");
/// ```
pub fn group_label(group: &GroupId, lang: Lang) -> String {
    let t = |text: DirectoryText| text.in_lang(lang);
    match group {
        GroupId::EmptyLevel(target) | GroupId::Failed(target) => {
            format!(
                "{} – {}",
                target_name(*target, lang),
                row_label(group, lang)
            )
        }
        GroupId::NoValue => t(DirectoryText::NoValueGroup).into(),
        GroupId::Depth(depth) => {
            format!("{}: {}", t(DirectoryText::DepthColumn), depth_label(*depth))
        }
        GroupId::Value { .. } | GroupId::MoreValues(_) | GroupId::Problem(_) => {
            row_label(group, lang)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_said_in_each_language_and_differs_between_them() {
        for text in DirectoryText::ALL {
            let (en, nb) = (text.in_lang(Lang::En), text.in_lang(Lang::Nb));
            assert!(!en.is_empty() && !nb.is_empty(), "{text:?}");
            if text != DirectoryText::ProblemColumn {
                assert_ne!(en, nb, "{text:?} is not translated");
            }
        }
    }
}
