//! Messages of the expression helper: labels of the "Map organisation levels" section and of the
//! expression playground, and the text of every error [`crate::expr`] can return.
//!
//! Error texts count characters from 1 (positions inside the errors count from 0). Entra's own
//! UI names stand in «» exactly as Entra shows them; Entra's admin center is in English for most
//! admins, so the Norwegian texts keep those names in English.

use super::{number, Lang};
use crate::expr::{
    BuildError, EvalError, EvalErrorKind, ExprError, Limit, ParseError, ParseErrorKind, PerlClass,
    RegexProblem, ScimTarget, Unstated, MAX_EXPRESSION_CHARS, MAX_NESTING,
};

/// A fixed label of the mapping section or the playground.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)] // the English text below is each variant's documentation
pub enum ExprText {
    MapIntro,
    SamplesLabel,
    SamplesHint,
    SourceAttributeLabel,
    SourceAttributeOther,
    SourceAttributeName,
    DelimiterLabel,
    DelimiterDetected,
    DelimiterNotFound,
    SplitHeading,
    SampleColumn,
    EmptyLevel,
    LevelsHeading,
    LevelLabel,
    LevelNotMapped,
    LevelLast,
    LevelLastHint,
    TargetAttributeLabel,
    CopyTargetAttribute,
    TargetAttributeCopied,
    ExpressionLabel,
    CopyExpression,
    ExpressionCopied,
    PreviewHeading,
    CannotTell,
    StepsHeading,
    StepOpenMappings,
    StepAddMapping,
    StepPasteExpression,
    StepTargetAttribute,
    StepSave,
    StepRestart,
    DepartmentAlreadyMapped,
    PlaygroundIntro,
    StoppedTooLong,
    StoppedFailed,
    PlaygroundExpressionLabel,
    PlaygroundValuesLabel,
    PlaygroundValuesHint,
    PlaygroundResultLabel,
    NotAnExpression,
    FewerLevelsEmpty,
    PlaygroundNoAttributes,
}

/// How the tables show a value that has no text of its own. Apart from [`ExprText`] because
/// the helpers' worker writes these into its answers and nothing else of the labels: a small
/// match of its own keeps the rest of the catalog out of the worker's wasm.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Placeholder {
    /// No value: an attribute the user does not have, an empty list.
    NoValue,
    /// The empty string.
    EmptyString,
}

impl Placeholder {
    /// The placeholder in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{expr::Placeholder, Lang};
    /// assert_eq!(Placeholder::NoValue.in_lang(Lang::En), "(no value)");
    /// assert_eq!(Placeholder::EmptyString.in_lang(Lang::Nb), "(tomt)");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Placeholder::NoValue, Lang::En) => "(no value)",
            (Placeholder::EmptyString, Lang::En) => "(empty)",
            (Placeholder::NoValue, Lang::Nb) => "(ingen verdi)",
            (Placeholder::EmptyString, Lang::Nb) => "(tomt)",
        }
    }
}

impl ExprText {
    /// The label in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{expr::ExprText, Lang};
    /// assert_eq!(ExprText::DelimiterLabel.in_lang(Lang::En), "Delimiter");
    /// assert_eq!(ExprText::DelimiterLabel.in_lang(Lang::Nb), "Skilletegn");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Nb => self.nb(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            ExprText::MapIntro => "If your directory keeps the whole org chart in one attribute, such as «Contoso > Sales > EMEA», this helper writes the expressions that send each level to Secure Practice as organization, division and department.",
            ExprText::SamplesLabel => "Sample values, one per line",
            ExprText::SamplesHint => "Paste a few real values of the attribute, short ones and long ones. They stay on this device.",
            ExprText::SourceAttributeLabel => "Source attribute",
            ExprText::SourceAttributeOther => "Other attribute…",
            ExprText::SourceAttributeName => "Attribute name",
            ExprText::DelimiterLabel => "Delimiter",
            ExprText::DelimiterDetected => "Found in the samples",
            ExprText::DelimiterNotFound => "None of the usual delimiters (> | / \\ ; , -) is in the samples. Choose the one your directory uses.",
            ExprText::SplitHeading => "How each sample splits",
            ExprText::SampleColumn => "Sample",
            ExprText::EmptyLevel => "(empty)",
            ExprText::LevelsHeading => "Which level goes where",
            ExprText::LevelLabel => "Level",
            ExprText::LevelNotMapped => "Do not map",
            ExprText::LevelLast => "The last level",
            ExprText::LevelLastHint => "Choose this when users have different numbers of levels.",
            ExprText::TargetAttributeLabel => "Target attribute",
            ExprText::CopyTargetAttribute => "Copy attribute name",
            ExprText::TargetAttributeCopied => "Attribute name copied. Choose it under «Target attribute» in Entra.",
            ExprText::ExpressionLabel => "Expression",
            ExprText::CopyExpression => "Copy expression",
            ExprText::ExpressionCopied => "Expression copied. Paste it into «Expression» in Entra.",
            ExprText::PreviewHeading => "Result for each sample",
            ExprText::CannotTell => "Cannot tell",
            ExprText::StepsHeading => "Add the mappings in Entra",
            ExprText::StepOpenMappings => "In the Secure Practice enterprise application, open «Provisioning» and select «Edit attribute mappings», then «Provision Microsoft Entra ID Users».",
            ExprText::StepAddMapping => "Select «Add new mapping» and set «Mapping type» to «Expression».",
            ExprText::StepPasteExpression => "Paste the expression into «Expression».",
            ExprText::StepTargetAttribute => "Under «Target attribute», choose the attribute shown here, and select «Ok».",
            ExprText::StepSave => "Repeat for each level, then select «Save».",
            ExprText::StepRestart => "Then select «Restart provisioning» in the «Provisioning» toolbar, so that the changed mappings are applied to every user.",
            ExprText::DepartmentAlreadyMapped => "Department is usually mapped already: open the existing mapping for it and change that one instead of adding a second.",
            ExprText::StoppedTooLong => "Stopped: this took longer than 1 second, so it was not finished. Change what you typed and it is tried again; the rest of the page is not affected.",
            ExprText::StoppedFailed => "Stopped: this could not be worked out here (it needed more memory than the page allows). Change what you typed and it is tried again; the rest of the page is not affected.",
            ExprText::PlaygroundIntro => "Paste any attribute-mapping expression and some attribute values to see what Entra would make of them. Where Microsoft's reference does not say what happens, this page tells you instead of guessing.",
            ExprText::PlaygroundExpressionLabel => "Expression",
            ExprText::PlaygroundValuesLabel => "Attribute values",
            ExprText::PlaygroundValuesHint => "Leave an attribute empty if the user does not have it. For a multi-valued attribute, put one value per line.",
            ExprText::PlaygroundResultLabel => "Result",
            ExprText::NotAnExpression => "Not a valid expression",
            ExprText::FewerLevelsEmpty => "Users with fewer levels than the one chosen get an empty value.",
            ExprText::PlaygroundNoAttributes => "This expression reads no attributes.",
        }
    }

    fn nb(self) -> &'static str {
        match self {
            ExprText::MapIntro => "Hvis katalogen har hele organisasjonskartet i ett attributt, for eksempel «Contoso > Salg > EMEA», lager denne hjelperen uttrykkene som sender hvert nivå til Secure Practice som organization, division og department.",
            ExprText::SamplesLabel => "Eksempelverdier, én per linje",
            ExprText::SamplesHint => "Lim inn noen ekte verdier fra attributtet, både korte og lange. De blir på denne enheten.",
            ExprText::SourceAttributeLabel => "Kildeattributt",
            ExprText::SourceAttributeOther => "Annet attributt …",
            ExprText::SourceAttributeName => "Attributtnavn",
            ExprText::DelimiterLabel => "Skilletegn",
            ExprText::DelimiterDetected => "Funnet i eksemplene",
            ExprText::DelimiterNotFound => "Ingen av de vanlige skilletegnene (> | / \\ ; , -) finnes i eksemplene. Velg det katalogen bruker.",
            ExprText::SplitHeading => "Slik deles hvert eksempel",
            ExprText::SampleColumn => "Eksempel",
            ExprText::EmptyLevel => "(tomt)",
            ExprText::LevelsHeading => "Hvilket nivå går hvor",
            ExprText::LevelLabel => "Nivå",
            ExprText::LevelNotMapped => "Ikke tilordne",
            ExprText::LevelLast => "Det siste nivået",
            ExprText::LevelLastHint => "Velg dette når brukerne har ulikt antall nivåer.",
            ExprText::TargetAttributeLabel => "Målattributt",
            ExprText::CopyTargetAttribute => "Kopier attributtnavnet",
            ExprText::TargetAttributeCopied => "Attributtnavnet er kopiert. Velg det under «Target attribute» i Entra.",
            ExprText::ExpressionLabel => "Uttrykk",
            ExprText::CopyExpression => "Kopier uttrykket",
            ExprText::ExpressionCopied => "Uttrykket er kopiert. Lim det inn i «Expression» i Entra.",
            ExprText::PreviewHeading => "Resultat for hvert eksempel",
            ExprText::CannotTell => "Kan ikke avgjøres",
            ExprText::StepsHeading => "Legg til tilordningene i Entra",
            ExprText::StepOpenMappings => "I bedriftsapplikasjonen for Secure Practice åpner du «Provisioning» og velger «Edit attribute mappings» og deretter «Provision Microsoft Entra ID Users».",
            ExprText::StepAddMapping => "Velg «Add new mapping», og sett «Mapping type» til «Expression».",
            ExprText::StepPasteExpression => "Lim inn uttrykket i «Expression».",
            ExprText::StepTargetAttribute => "Under «Target attribute» velger du attributtet som vises her, og deretter «Ok».",
            ExprText::StepSave => "Gjenta for hvert nivå, og velg til slutt «Save».",
            ExprText::StepRestart => "Velg deretter «Restart provisioning» i verktøylinjen under «Provisioning», slik at de endrede tilordningene brukes for alle brukerne.",
            ExprText::DepartmentAlreadyMapped => "Department er som regel tilordnet allerede: åpne den eksisterende tilordningen og endre den i stedet for å legge til en ny.",
            ExprText::StoppedTooLong => "Stoppet: dette tok mer enn 1 sekund, så det ble ikke fullført. Endre det du skrev, så prøves det igjen; resten av siden berøres ikke.",
            ExprText::StoppedFailed => "Stoppet: dette kunne ikke regnes ut her (det trengte mer minne enn siden tillater). Endre det du skrev, så prøves det igjen; resten av siden berøres ikke.",
            ExprText::PlaygroundIntro => "Lim inn et hvilket som helst uttrykk for attributtilordning og noen attributtverdier for å se hva Entra vil gjøre med dem. Der Microsofts referanse ikke sier hva som skjer, sier denne siden fra i stedet for å gjette.",
            ExprText::PlaygroundExpressionLabel => "Uttrykk",
            ExprText::PlaygroundValuesLabel => "Attributtverdier",
            ExprText::PlaygroundValuesHint => "La et attributt stå tomt hvis brukeren ikke har det. For et flerverdiattributt skriver du én verdi per linje.",
            ExprText::PlaygroundResultLabel => "Resultat",
            ExprText::NotAnExpression => "Ikke et gyldig uttrykk",
            ExprText::FewerLevelsEmpty => "Brukere som har færre nivåer enn det valgte, får en tom verdi.",
            ExprText::PlaygroundNoAttributes => "Dette uttrykket leser ingen attributter.",
        }
    }
}

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

/// Said under the sample tables when more samples were pasted than they show.
///
/// ```
/// use scim_token_core::i18n::{expr::samples_left_out, Lang};
/// assert_eq!(samples_left_out(50, 1, Lang::En), "Showing the first 50 samples; 1 more is left out.");
/// assert_eq!(samples_left_out(50, 7, Lang::Nb), "Viser de 50 første eksemplene; 7 til er utelatt.");
/// ```
pub fn samples_left_out(shown: usize, left_out: usize, lang: Lang) -> String {
    match lang {
        Lang::En if left_out == 1 => {
            format!("Showing the first {shown} samples; 1 more is left out.")
        }
        Lang::En => format!("Showing the first {shown} samples; {left_out} more are left out."),
        Lang::Nb => format!("Viser de {shown} første eksemplene; {left_out} til er utelatt."),
    }
}

/// How many sample lines were left out for their length.
///
/// ```
/// use scim_token_core::i18n::{expr::samples_too_long, Lang};
/// assert_eq!(samples_too_long(1_000, 1, Lang::En), "1 line longer than 1000 characters is left out.");
/// ```
pub fn samples_too_long(max_chars: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::En if count == 1 => format!("1 line longer than {max_chars} characters is left out."),
        Lang::En => format!("{count} lines longer than {max_chars} characters are left out."),
        Lang::Nb if count == 1 => format!("1 linje lengre enn {max_chars} tegn er utelatt."),
        Lang::Nb => format!("{count} linjer lengre enn {max_chars} tegn er utelatt."),
    }
}

/// Said under a text box that is full: the browser takes no more than `max` characters into
/// it (its `maxlength`), so the rest of a long paste was cut before anything read it.
///
/// ```
/// use scim_token_core::i18n::{expr::box_full, Lang};
/// assert_eq!(box_full(20_000, Lang::En), "This box takes at most 20,000 characters, so the rest of what was pasted was left out.");
/// assert_eq!(box_full(20_000, Lang::Nb), "Denne boksen tar høyst 20\u{A0}000 tegn, så resten av det som ble limt inn, er utelatt.");
/// ```
pub fn box_full(max: usize, lang: Lang) -> String {
    let max = number(max, lang);
    match lang {
        Lang::En => format!(
            "This box takes at most {max} characters, so the rest of what was pasted was left out."
        ),
        Lang::Nb => format!(
            "Denne boksen tar høyst {max} tegn, så resten av det som ble limt inn, er utelatt."
        ),
    }
}

/// The note under the value boxes when the expression reads more attributes than have a box.
///
/// ```
/// use scim_token_core::i18n::{expr::attributes_left_out, Lang};
/// assert_eq!(attributes_left_out(50, 7, Lang::En), "Values can be typed for the first 50 attributes; the other 7 have no value.");
/// ```
pub fn attributes_left_out(shown: usize, left_out: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Values can be typed for the first {shown} attributes; the other {left_out} have no value."),
        Lang::Nb => format!("Verdier kan skrives for de {shown} første attributtene; de {left_out} andre har ingen verdi."),
    }
}

/// The note under the split table when a sample has more levels than it shows.
///
/// ```
/// use scim_token_core::i18n::{expr::levels_left_out, Lang};
/// assert_eq!(levels_left_out(20, Lang::Nb), "Viser de 20 første nivåene av hvert eksempel.");
/// ```
pub fn levels_left_out(shown: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Showing the first {shown} levels of each sample."),
        Lang::Nb => format!("Viser de {shown} første nivåene av hvert eksempel."),
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

/// A character as a message shows it: «x», or its name when it cannot be seen.
fn shown(c: Option<char>, lang: Lang) -> String {
    match (c, lang) {
        (None, Lang::En) => "the end of the text".to_owned(),
        (None, Lang::Nb) => "slutten av teksten".to_owned(),
        (Some(' '), Lang::En) => "a space".to_owned(),
        (Some(' '), Lang::Nb) => "et mellomrom".to_owned(),
        (Some('\n' | '\r'), Lang::En) => "a line break".to_owned(),
        (Some('\n' | '\r'), Lang::Nb) => "et linjeskift".to_owned(),
        (Some('\t'), Lang::En) => "a tab".to_owned(),
        (Some('\t'), Lang::Nb) => "en tabulator".to_owned(),
        (Some(c), _) if c.is_control() || c.is_whitespace() || is_mark(c) => {
            format!("U+{:04X}", u32::from(c))
        }
        (Some(c), _) => format!("«{c}»"),
    }
}

/// Combining marks, which cannot be shown on their own.
fn is_mark(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
    )
}

/// The message of an error from [`crate::expr`], in a language. A trait because the errors are
/// the expression crate's types and their words are this crate's.
pub trait ExprMessage {
    /// What is wrong, in `lang`.
    fn message(&self, lang: Lang) -> String;
}

impl ExprMessage for ParseError {
    /// What is wrong, where (counting characters from 1), in `lang`.
    ///
    /// ```
    /// use scim_token_core::expr::parse;
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::i18n::expr::ExprMessage;
    ///
    /// let error = parse(r#"Word("abc", 3 " ")"#).unwrap_err();
    /// assert_eq!(
    ///     error.message(Lang::En),
    ///     "Character 15: expected «,» or «)» after the argument, but found «\"»."
    /// );
    /// ```
    fn message(&self, lang: Lang) -> String {
        let n = self.at + 1;
        let found = shown(self.found, lang);
        match lang {
            Lang::En => match &self.kind {
                ParseErrorKind::Empty => "The expression is empty.".to_owned(),
                ParseErrorKind::ExpectedCall => format!("Character {n}: an expression must be a function call, such as ToLower([mail]), not a single value."),
                ParseErrorKind::ExpectedArgument => format!("Character {n}: expected an argument (an [attribute], a \"string\", a number or a function call), but found {found}."),
                ParseErrorKind::ExpectedCommaOrClose => format!("Character {n}: expected «,» or «)» after the argument, but found {found}."),
                ParseErrorKind::ExpectedOperand => format!("Character {n}: expected a value after the comparison, but found {found}."),
                ParseErrorKind::UnclosedCall { name, opened_at } => format!("Character {n}: the text ends before the «)» that closes {name}( at character {}.", opened_at + 1),
                ParseErrorKind::UnclosedString => format!("Character {n}: this string has no closing «\"». A quotation mark inside a string is written \\\"."),
                ParseErrorKind::UnknownEscape => format!("Character {n}: in a string, a backslash must be followed by \" or \\. A regex \\s is written \\\\s."),
                ParseErrorKind::UnclosedAttribute => format!("Character {n}: this attribute has no closing «]»."),
                ParseErrorKind::EmptyAttribute => format!("Character {n}: «[]» names no attribute."),
                ParseErrorKind::AttributeCharacter => format!("Character {n}: {found} cannot be part of an attribute name. Is a «]» missing?"),
                ParseErrorKind::NumberTooLarge => format!("Character {n}: this number is too large."),
                ParseErrorKind::ExpectedDigit => format!("Character {n}: expected a digit after «-», but found {found}."),
                ParseErrorKind::TrailingText => format!("Character {n}: the expression is complete, but {found} follows it."),
                ParseErrorKind::TooDeep => format!("Character {n}: functions are nested more than {MAX_NESTING} deep."),
                ParseErrorKind::TooLong { chars } => format!("The expression has {} characters; this page reads at most {}.", number(*chars, lang), number(MAX_EXPRESSION_CHARS, lang)),
            },
            Lang::Nb => match &self.kind {
                ParseErrorKind::Empty => "Uttrykket er tomt.".to_owned(),
                ParseErrorKind::ExpectedCall => format!("Tegn {n}: et uttrykk må være et funksjonskall, for eksempel ToLower([mail]), ikke en enkelt verdi."),
                ParseErrorKind::ExpectedArgument => format!("Tegn {n}: forventet et argument (et [attributt], en \"streng\", et tall eller et funksjonskall), men fant {found}."),
                ParseErrorKind::ExpectedCommaOrClose => format!("Tegn {n}: forventet «,» eller «)» etter argumentet, men fant {found}."),
                ParseErrorKind::ExpectedOperand => format!("Tegn {n}: forventet en verdi etter sammenligningen, men fant {found}."),
                ParseErrorKind::UnclosedCall { name, opened_at } => format!("Tegn {n}: teksten slutter før «)» som lukker {name}( ved tegn {}.", opened_at + 1),
                ParseErrorKind::UnclosedString => format!("Tegn {n}: denne strengen mangler avsluttende «\"». Et anførselstegn inne i en streng skrives \\\"."),
                ParseErrorKind::UnknownEscape => format!("Tegn {n}: i en streng må en omvendt skråstrek følges av \" eller \\. En regex-\\s skrives \\\\s."),
                ParseErrorKind::UnclosedAttribute => format!("Tegn {n}: dette attributtet mangler avsluttende «]»."),
                ParseErrorKind::EmptyAttribute => format!("Tegn {n}: «[]» angir ikke noe attributt."),
                ParseErrorKind::AttributeCharacter => format!("Tegn {n}: {found} kan ikke være en del av et attributtnavn. Mangler det en «]»?"),
                ParseErrorKind::NumberTooLarge => format!("Tegn {n}: tallet er for stort."),
                ParseErrorKind::ExpectedDigit => format!("Tegn {n}: forventet et siffer etter «-», men fant {found}."),
                ParseErrorKind::TrailingText => format!("Tegn {n}: uttrykket er ferdig, men det står {found} etter det."),
                ParseErrorKind::TooDeep => format!("Tegn {n}: funksjonene er nøstet mer enn {MAX_NESTING} nivåer dypt."),
                ParseErrorKind::TooLong { chars } => format!("Uttrykket har {} tegn; denne siden leser høyst {}.", number(*chars, lang), number(MAX_EXPRESSION_CHARS, lang)),
            },
        }
    }
}

fn argument_range(min: usize, max: Option<usize>, lang: Lang) -> String {
    match (max, lang) {
        (Some(max), _) if max == min => min.to_string(),
        (None, Lang::En) => format!("at least {min}"),
        (None, Lang::Nb) => format!("minst {min}"),
        (Some(max), Lang::En) => format!("{min} to {max}"),
        (Some(max), Lang::Nb) => format!("{min} til {max}"),
    }
}

fn perl_class(class: PerlClass, lang: Lang) -> &'static str {
    match (class, lang) {
        (PerlClass::Space, Lang::En) => "white space (\\s)",
        (PerlClass::Space, Lang::Nb) => "mellomrom (\\s)",
        (PerlClass::Digit, Lang::En) => "a digit (\\d)",
        (PerlClass::Digit, Lang::Nb) => "et siffer (\\d)",
        (PerlClass::Word, Lang::En) => "a word character (\\w)",
        (PerlClass::Word, Lang::Nb) => "et ordtegn (\\w)",
    }
}

fn regex_problem(problem: &RegexProblem, lang: Lang) -> String {
    match (problem, lang) {
        (RegexProblem::Unsupported { at }, Lang::En) => format!("this regex pattern cannot be evaluated here: character {} of the pattern uses something outside the part of .NET regular expressions this page evaluates exactly, or is not valid.", at + 1),
        (RegexProblem::Unsupported { at }, Lang::Nb) => format!("dette regex-mønsteret kan ikke beregnes her: tegn {} i mønsteret bruker noe utenfor den delen av .NET-regulære uttrykk som denne siden beregner nøyaktig, eller er ugyldig.", at + 1),
        (RegexProblem::Replacement { at }, Lang::En) => format!("the replacement cannot be evaluated here: character {} uses a «$» form other than $$, $1, ${{1}} or ${{name}} for a group of the pattern.", at + 1),
        (RegexProblem::Replacement { at }, Lang::Nb) => format!("erstatningen kan ikke beregnes her: tegn {} bruker en «$»-form som ikke er $$, $1, ${{1}} eller ${{navn}} for en gruppe i mønsteret.", at + 1),
        (RegexProblem::TooComplex, Lang::En) => "this regex pattern is larger, or nests deeper, than this page compiles, so it cannot be evaluated here.".to_owned(),
        (RegexProblem::TooComplex, Lang::Nb) => "dette regex-mønsteret er større, eller nøstet dypere, enn denne siden kompilerer, så det kan ikke beregnes her.".to_owned(),
        (RegexProblem::UncertainCharacter { class, ch }, Lang::En) => format!("this regex pattern cannot be evaluated here: whether {} counts as {} in .NET depends on Unicode tables this page does not carry.", shown(Some(*ch), lang), perl_class(*class, lang)),
        (RegexProblem::UncertainCharacter { class, ch }, Lang::Nb) => format!("dette regex-mønsteret kan ikke beregnes her: om {} regnes som {} i .NET, avhenger av Unicode-tabeller som denne siden ikke har.", shown(Some(*ch), lang), perl_class(*class, lang)),
    }
}

const REPLACE_FORMS: &str = "(source, oldValue, , , replacementValue, , ), (source, oldValue, , , , , template), (source, , regexPattern, , replacementValue, , ), (source, , regexPattern, regexGroupName, replacementValue, , ), (source, , regexPattern, regexGroupName, , replacementAttributeName, )";

fn unstated(what: &Unstated, lang: Lang) -> String {
    match lang {
        Lang::En => match what {
            Unstated::NullArgument { index } => format!("argument {index} has no value, and the reference does not say what the function does then."),
            Unstated::SplitTrimming => "the parts have spaces at their ends, and the reference does not say whether Split removes them.".to_owned(),
            Unstated::SplitEmptyParts => "some parts would be empty (two delimiters in a row, or one at either end), and the reference does not say whether Split keeps them.".to_owned(),
            Unstated::SplitDelimiter => "the delimiter must be exactly one character.".to_owned(),
            Unstated::WordEmptyWords => "the answer depends on whether empty words count (two delimiters in a row, or one at either end), and the reference does not say.".to_owned(),
            Unstated::WordSpaces => "the word has spaces at its ends, and the reference does not say whether Word removes them.".to_owned(),
            Unstated::WordNoDelimiter => "the text contains none of the delimiters, and the reference can be read both ways on whether the whole text is then word 1.".to_owned(),
            Unstated::WordDelimiters => "the delimiters are empty, or contain a character this page cannot treat the way .NET does.".to_owned(),
            Unstated::ItemSingleValue => "the value is not multi-valued, and the reference describes Item only for multi-valued attributes.".to_owned(),
            Unstated::ItemIndex => "there is no value at that index (the first is 1), and the reference does not say what Item gives then.".to_owned(),
            Unstated::MidStart => "the start is not a position in the text (the first character is 1), and the reference does not say what Mid gives then.".to_owned(),
            Unstated::NegativeLength => "the length is negative, and the reference does not say what happens then.".to_owned(),
            Unstated::CutsCharacter => "the result would cut a character, such as an emoji, in two.".to_owned(),
            Unstated::IifEmptyOperand => "one side of the comparison is empty or missing. The reference says the condition check then fails, but not what IIF gives; it recommends Switch([attribute], [attribute], \"\", \"Other\") to test for empty values.".to_owned(),
            Unstated::IifCase => "the two sides differ only in upper and lower case, and the reference does not say whether IIF tells them apart.".to_owned(),
            Unstated::IifNumberOrText => "the two sides are equal as numbers but not as text, and the reference does not say which IIF compares.".to_owned(),
            Unstated::IifOrderingOfText => "«>», «>=», «<» and «<=» are only certain between whole numbers; the reference does not say how IIF orders text.".to_owned(),
            Unstated::IifNotBoolean => "the condition is neither a comparison nor True or False.".to_owned(),
            Unstated::InStrNotFound => "the text does not contain what is searched for, and the reference does not say what InStr gives then.".to_owned(),
            Unstated::InStrEmpty => "the reference does not describe searching for the empty string.".to_owned(),
            Unstated::InStrStart => "the start is not a position in the text (the first character is 1).".to_owned(),
            Unstated::TextCompare => "the reference does not give vbTextCompare's rules for upper and lower case.".to_owned(),
            Unstated::CompareType => "the compare type must be vbBinaryCompare or vbTextCompare, written without quotes.".to_owned(),
            Unstated::JoinNull { index } => format!("argument {index} has no value, and the reference does not say whether Join leaves it out."),
            Unstated::SwitchNoDefault => "no key matches and there is no default value, and the reference does not say what Switch gives then.".to_owned(),
            Unstated::ReplaceForm => format!("these arguments are none of Replace's documented forms: {REPLACE_FORMS}."),
            Unstated::ReplaceEmptyOldValue => "oldValue is empty, and the reference does not say what replacing the empty string does.".to_owned(),
            Unstated::ReplaceUnknownGroup => "regexGroupName names no group of the pattern.".to_owned(),
            Unstated::ReplaceGroupEmpty => "the group matched nothing, and the reference does not say where the replacement goes then.".to_owned(),
            Unstated::ReplaceGroupAmbiguous => "the group's text also occurs elsewhere in the value, and the reference does not say whether only the group's match or every occurrence is replaced.".to_owned(),
            Unstated::ReplaceGroupDollar => "with regexGroupName, the reference does not say whether «$» in replacementValue refers to groups.".to_owned(),
            Unstated::ReplaceNoMatch => "the pattern does not match the replacement attribute's value, and the reference does not say what Replace gives then.".to_owned(),
            Unstated::Culture => "the reference does not give the rules of cultures other than the invariant one.".to_owned(),
            Unstated::LowerCase(c) => format!("this page cannot be sure how ToLower lowers {}.", shown(Some(*c), lang)),
            Unstated::Diacritic(c) => format!("the reference's table does not say what NormalizeDiacritics makes of {}.", shown(Some(*c), lang)),
        },
        Lang::Nb => match what {
            Unstated::NullArgument { index } => format!("argument {index} har ingen verdi, og referansen sier ikke hva funksjonen gjør da."),
            Unstated::SplitTrimming => "delene har mellomrom i endene, og referansen sier ikke om Split fjerner dem.".to_owned(),
            Unstated::SplitEmptyParts => "noen deler blir tomme (to skilletegn etter hverandre, eller ett først eller sist), og referansen sier ikke om Split beholder dem.".to_owned(),
            Unstated::SplitDelimiter => "skilletegnet må være nøyaktig ett tegn.".to_owned(),
            Unstated::WordEmptyWords => "svaret avhenger av om tomme ord telles med (to skilletegn etter hverandre, eller ett først eller sist), og det sier ikke referansen.".to_owned(),
            Unstated::WordSpaces => "ordet har mellomrom i endene, og referansen sier ikke om Word fjerner dem.".to_owned(),
            Unstated::WordNoDelimiter => "teksten inneholder ingen av skilletegnene, og referansen kan leses begge veier om hele teksten da er ord 1.".to_owned(),
            Unstated::WordDelimiters => "skilletegnene er tomme, eller inneholder et tegn som denne siden ikke kan behandle slik .NET gjør.".to_owned(),
            Unstated::ItemSingleValue => "verdien er ikke flerverdi, og referansen beskriver Item bare for flerverdiattributter.".to_owned(),
            Unstated::ItemIndex => "det finnes ingen verdi på den plassen (den første er 1), og referansen sier ikke hva Item gir da.".to_owned(),
            Unstated::MidStart => "starten er ikke en posisjon i teksten (første tegn er 1), og referansen sier ikke hva Mid gir da.".to_owned(),
            Unstated::NegativeLength => "lengden er negativ, og referansen sier ikke hva som skjer da.".to_owned(),
            Unstated::CutsCharacter => "resultatet ville delt et tegn, for eksempel en emoji, i to.".to_owned(),
            Unstated::IifEmptyOperand => "den ene siden av sammenligningen er tom eller mangler. Referansen sier at sjekken da feiler, men ikke hva IIF gir; den anbefaler Switch([attributt], [attributt], \"\", \"Annet\") for å teste for tomme verdier.".to_owned(),
            Unstated::IifCase => "de to sidene skiller seg bare i store og små bokstaver, og referansen sier ikke om IIF skiller mellom dem.".to_owned(),
            Unstated::IifNumberOrText => "de to sidene er like som tall, men ikke som tekst, og referansen sier ikke hva IIF sammenligner.".to_owned(),
            Unstated::IifOrderingOfText => "«>», «>=», «<» og «<=» er bare sikre mellom heltall; referansen sier ikke hvordan IIF ordner tekst.".to_owned(),
            Unstated::IifNotBoolean => "betingelsen er verken en sammenligning eller True eller False.".to_owned(),
            Unstated::InStrNotFound => "teksten inneholder ikke det det søkes etter, og referansen sier ikke hva InStr gir da.".to_owned(),
            Unstated::InStrEmpty => "referansen beskriver ikke søk etter en tom streng.".to_owned(),
            Unstated::InStrStart => "starten er ikke en posisjon i teksten (første tegn er 1).".to_owned(),
            Unstated::TextCompare => "referansen gir ikke reglene for store og små bokstaver med vbTextCompare.".to_owned(),
            Unstated::CompareType => "sammenligningstypen må være vbBinaryCompare eller vbTextCompare, skrevet uten anførselstegn.".to_owned(),
            Unstated::JoinNull { index } => format!("argument {index} har ingen verdi, og referansen sier ikke om Join hopper over det."),
            Unstated::SwitchNoDefault => "ingen nøkkel passer, og det finnes ingen standardverdi, og referansen sier ikke hva Switch gir da.".to_owned(),
            Unstated::ReplaceForm => format!("argumentene er ingen av de dokumenterte formene for Replace: {REPLACE_FORMS}."),
            Unstated::ReplaceEmptyOldValue => "oldValue er tom, og referansen sier ikke hva det gir å erstatte en tom streng.".to_owned(),
            Unstated::ReplaceUnknownGroup => "regexGroupName viser ikke til noen gruppe i mønsteret.".to_owned(),
            Unstated::ReplaceGroupEmpty => "gruppen traff ingenting, og referansen sier ikke hvor erstatningen havner da.".to_owned(),
            Unstated::ReplaceGroupAmbiguous => "teksten i gruppen finnes også andre steder i verdien, og referansen sier ikke om bare gruppens treff eller alle forekomster erstattes.".to_owned(),
            Unstated::ReplaceGroupDollar => "med regexGroupName sier ikke referansen om «$» i replacementValue viser til grupper.".to_owned(),
            Unstated::ReplaceNoMatch => "mønsteret passer ikke med verdien i erstatningsattributtet, og referansen sier ikke hva Replace gir da.".to_owned(),
            Unstated::Culture => "referansen gir ikke reglene for andre kulturer enn den invariante.".to_owned(),
            Unstated::LowerCase(c) => format!("denne siden kan ikke vite sikkert hvordan ToLower gjør {} om til liten bokstav.", shown(Some(*c), lang)),
            Unstated::Diacritic(c) => format!("tabellen i referansen sier ikke hva NormalizeDiacritics gjør med {}.", shown(Some(*c), lang)),
        },
    }
}

/// A length in bytes as the budget messages give it: whole mebibytes are named as such, with the
/// exact count after them.
fn byte_count(n: usize, lang: Lang) -> String {
    const MIB: usize = 1 << 20;
    let exact = match (n, lang) {
        (1, Lang::En) => "1 byte".to_owned(),
        (n, Lang::En) => format!("{} bytes", number(n, lang)),
        (n, Lang::Nb) => format!("{}\u{a0}byte", number(n, lang)),
    };
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{}\u{a0}MiB ({exact})", n / MIB)
    } else {
        exact
    }
}

fn over_budget(limit: Limit, max: usize, lang: Lang) -> String {
    let n = number(max, lang);
    let bytes = byte_count(max, lang);
    match (limit, lang) {
        (Limit::Steps, Lang::En) => format!("stopped: the expression needs more than {n} steps."),
        (Limit::Steps, Lang::Nb) => format!("stoppet: uttrykket trenger mer enn {n} steg."),
        (Limit::RegexSteps, Lang::En) => {
            format!("stopped: the regular expressions need more than {n} steps in all.")
        }
        (Limit::RegexSteps, Lang::Nb) => {
            format!("stoppet: de regulære uttrykkene trenger mer enn {n} steg til sammen.")
        }
        (Limit::ValueLength, Lang::En) => format!("stopped: a value would be longer than {bytes}."),
        (Limit::ValueLength, Lang::Nb) => {
            format!("stoppet: en verdi ville blitt lengre enn {bytes}.")
        }
        (Limit::TotalLength, Lang::En) => {
            format!("stopped: the values made would add up to more than {bytes}.")
        }
        (Limit::TotalLength, Lang::Nb) => {
            format!("stoppet: verdiene som lages, ville til sammen blitt mer enn {bytes}.")
        }
    }
}

fn eval_detail(kind: &EvalErrorKind, lang: Lang) -> String {
    match lang {
        Lang::En => match kind {
            EvalErrorKind::UnknownFunction { did_you_mean: Some(known) } => format!("there is no such function. Names are case-sensitive: did you mean {known}?"),
            EvalErrorKind::UnknownFunction { did_you_mean: None } => "there is no such function in Entra's expression reference.".to_owned(),
            EvalErrorKind::NotEvaluated => "Entra has this function, but this page does not evaluate it.".to_owned(),
            EvalErrorKind::ArgumentCount { min, max, got } => {
                let range = argument_range(*min, *max, lang);
                let noun = if *min == 1 && *max == Some(1) { "argument" } else { "arguments" };
                format!("takes {range} {noun}, not {got}.")
            }
            EvalErrorKind::EvenArgumentCount { got } => format!("takes its keys and values in pairs, so an even number of arguments, not {got}."),
            EvalErrorKind::MissingArgument { index } => format!("argument {index} is needed, but it is left out."),
            EvalErrorKind::ComparisonNotAllowed { index } => format!("argument {index} is a comparison; only the condition of IIF can be one."),
            EvalErrorKind::NameNotAllowed { index } => format!("argument {index} is a bare name. Put text in \"quotes\" and attributes in [brackets]."),
            EvalErrorKind::NotANumber { index } => format!("argument {index} must be a number, written without quotes."),
            EvalErrorKind::NotSingle { index } => format!("argument {index} has several values where one is needed."),
            EvalErrorKind::Unstated(what) => unstated(what, lang),
            EvalErrorKind::Regex(problem) => regex_problem(problem, lang),
            EvalErrorKind::TooDeep => "functions are nested too deeply.".to_owned(),
            EvalErrorKind::OverBudget { limit, max } => over_budget(*limit, *max, lang),
        },
        Lang::Nb => match kind {
            EvalErrorKind::UnknownFunction { did_you_mean: Some(known) } => format!("det finnes ingen slik funksjon. Navn skiller mellom store og små bokstaver: mente du {known}?"),
            EvalErrorKind::UnknownFunction { did_you_mean: None } => "det finnes ingen slik funksjon i Entras uttrykksreferanse.".to_owned(),
            EvalErrorKind::NotEvaluated => "Entra har denne funksjonen, men denne siden kan ikke beregne den.".to_owned(),
            EvalErrorKind::ArgumentCount { min, max, got } => {
                let range = argument_range(*min, *max, lang);
                let noun = if *min == 1 && *max == Some(1) { "argument" } else { "argumenter" };
                format!("tar {range} {noun}, ikke {got}.")
            }
            EvalErrorKind::EvenArgumentCount { got } => format!("tar nøkler og verdier i par, altså et partall argumenter, ikke {got}."),
            EvalErrorKind::MissingArgument { index } => format!("argument {index} trengs, men mangler."),
            EvalErrorKind::ComparisonNotAllowed { index } => format!("argument {index} er en sammenligning; bare betingelsen i IIF kan være det."),
            EvalErrorKind::NameNotAllowed { index } => format!("argument {index} er et navn uten anførselstegn. Sett tekst i \"anførselstegn\" og attributter i [hakeparenteser]."),
            EvalErrorKind::NotANumber { index } => format!("argument {index} må være et tall, skrevet uten anførselstegn."),
            EvalErrorKind::NotSingle { index } => format!("argument {index} har flere verdier der det trengs én."),
            EvalErrorKind::Unstated(what) => unstated(what, lang),
            EvalErrorKind::Regex(problem) => regex_problem(problem, lang),
            EvalErrorKind::TooDeep => "funksjonene er nøstet for dypt.".to_owned(),
            EvalErrorKind::OverBudget { limit, max } => over_budget(*limit, *max, lang),
        },
    }
}

impl ExprMessage for EvalError {
    /// What could not be evaluated and why, in `lang`, starting with the function and where it
    /// is (counting characters from 1).
    ///
    /// ```
    /// use scim_token_core::expr::{run, Attributes, ExprError};
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::i18n::expr::ExprMessage;
    ///
    /// let Err(ExprError::Eval(error)) = run(r#"word("a b", 1, " ")"#, &Attributes::new()) else {
    ///     unreachable!()
    /// };
    /// assert_eq!(
    ///     error.message(Lang::En),
    ///     "word (character 1): there is no such function. Names are case-sensitive: did you mean Word?"
    /// );
    /// ```
    fn message(&self, lang: Lang) -> String {
        let detail = eval_detail(&self.kind, lang);
        let place = match lang {
            Lang::En => "character",
            Lang::Nb => "tegn",
        };
        match (&self.function, self.at) {
            (Some(function), Some(at)) => format!("{function} ({place} {}): {detail}", at + 1),
            (Some(function), None) => format!("{function}: {detail}"),
            (None, _) => detail,
        }
    }
}

impl ExprMessage for ExprError {
    /// The parse or evaluation error's message in `lang`.
    ///
    /// ```
    /// use scim_token_core::expr::{run, Attributes};
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::i18n::expr::ExprMessage;
    ///
    /// let error = run("", &Attributes::new()).unwrap_err();
    /// assert_eq!(error.message(Lang::Nb), "Uttrykket er tomt.");
    /// ```
    fn message(&self, lang: Lang) -> String {
        match self {
            ExprError::Parse(error) => error.message(lang),
            ExprError::Eval(error) => error.message(lang),
        }
    }
}

impl ExprMessage for BuildError {
    /// Why the chosen source attribute or delimiter cannot be used, in `lang`.
    ///
    /// ```
    /// use scim_token_core::expr::BuildError;
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::i18n::expr::ExprMessage;
    /// assert_eq!(BuildError::EmptyAttribute.message(Lang::En), "Choose the source attribute.");
    /// ```
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BuildError::EmptyAttribute, Lang::En) => "Choose the source attribute.".to_owned(),
            (BuildError::EmptyAttribute, Lang::Nb) => "Velg kildeattributtet.".to_owned(),
            (BuildError::AttributeCharacter { at, ch }, Lang::En) => format!(
                "Character {} of the attribute name, {}, cannot be in an attribute name.",
                at + 1,
                shown(Some(*ch), lang)
            ),
            (BuildError::AttributeCharacter { at, ch }, Lang::Nb) => format!(
                "Tegn {} i attributtnavnet, {}, kan ikke stå i et attributtnavn.",
                at + 1,
                shown(Some(*ch), lang)
            ),
            (BuildError::Delimiter(c), Lang::En) => format!(
                "The delimiter cannot be {}: choose a visible character that is not a space.",
                shown(Some(*c), lang)
            ),
            (BuildError::Delimiter(c), Lang::Nb) => format!(
                "Skilletegnet kan ikke være {}: velg et synlig tegn som ikke er et mellomrom.",
                shown(Some(*c), lang)
            ),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::expr::{build, parse, run, Attributes, LevelChoice, Limits};

    const LABELS: [ExprText; 43] = [
        ExprText::MapIntro,
        ExprText::SamplesLabel,
        ExprText::SamplesHint,
        ExprText::SourceAttributeLabel,
        ExprText::SourceAttributeOther,
        ExprText::SourceAttributeName,
        ExprText::DelimiterLabel,
        ExprText::DelimiterDetected,
        ExprText::DelimiterNotFound,
        ExprText::SplitHeading,
        ExprText::SampleColumn,
        ExprText::EmptyLevel,
        ExprText::LevelsHeading,
        ExprText::LevelLabel,
        ExprText::LevelNotMapped,
        ExprText::LevelLast,
        ExprText::LevelLastHint,
        ExprText::TargetAttributeLabel,
        ExprText::CopyTargetAttribute,
        ExprText::TargetAttributeCopied,
        ExprText::ExpressionLabel,
        ExprText::CopyExpression,
        ExprText::ExpressionCopied,
        ExprText::PreviewHeading,
        ExprText::CannotTell,
        ExprText::StepsHeading,
        ExprText::StepOpenMappings,
        ExprText::StepAddMapping,
        ExprText::StepPasteExpression,
        ExprText::StepTargetAttribute,
        ExprText::StepSave,
        ExprText::StepRestart,
        ExprText::DepartmentAlreadyMapped,
        ExprText::PlaygroundIntro,
        ExprText::StoppedTooLong,
        ExprText::StoppedFailed,
        ExprText::PlaygroundExpressionLabel,
        ExprText::PlaygroundValuesLabel,
        ExprText::PlaygroundValuesHint,
        ExprText::PlaygroundResultLabel,
        ExprText::NotAnExpression,
        ExprText::FewerLevelsEmpty,
        ExprText::PlaygroundNoAttributes,
    ];

    #[test]
    fn every_label_is_written_in_both_languages() {
        for label in LABELS {
            let en = label.in_lang(Lang::En);
            let nb = label.in_lang(Lang::Nb);
            assert!(!en.is_empty() && !nb.is_empty(), "{label:?}");
            // Entra's own names are quoted the same way in both languages.
            if label != ExprText::MapIntro {
                assert_eq!(
                    crate::i18n::entra_names(en),
                    crate::i18n::entra_names(nb),
                    "{label:?}"
                );
            }
        }
    }

    #[test]
    fn the_steps_name_entras_screens_as_entra_does() {
        let steps = [
            ExprText::StepOpenMappings,
            ExprText::StepAddMapping,
            ExprText::StepPasteExpression,
        ]
        .map(|t| t.in_lang(Lang::Nb))
        .join(" ");
        for name in [
            "«Edit attribute mappings»",
            "«Add new mapping»",
            "«Mapping type»",
            "«Expression»",
        ] {
            assert!(steps.contains(name), "{name}");
        }
    }

    #[test]
    fn parse_errors_say_where_and_what_was_found() {
        let error = parse(r#"Join(", ", [a] [b])"#).unwrap_err();
        assert_eq!(
            error.message(Lang::Nb),
            "Tegn 16: forventet «,» eller «)» etter argumentet, men fant «[»."
        );
        let error = parse("Join(\"a\",").unwrap_err();
        assert_eq!(
            error.message(Lang::En),
            "Character 10: the text ends before the «)» that closes Join( at character 5."
        );
        let error = parse(r#"Replace([x], , "\s", , "", , )"#).unwrap_err();
        assert!(error.message(Lang::En).contains("\\\\s"));
        let error = parse(&"F(1)".repeat(6000)).unwrap_err();
        assert_eq!(
            error.message(Lang::En),
            "The expression has 24,000 characters; this page reads at most 20,000."
        );
        assert_eq!(
            error.message(Lang::Nb),
            "Uttrykket har 24\u{a0}000 tegn; denne siden leser høyst 20\u{a0}000."
        );
        let error = parse("Left([mail 2)").unwrap_err();
        assert!(error
            .message(Lang::En)
            .starts_with("Character 13: «)» cannot be part"));
    }

    #[test]
    fn evaluation_errors_name_the_function_and_the_reason() {
        let attributes = Attributes::new().with("a", "x");
        let message = |text: &str, lang| run(text, &attributes).unwrap_err().message(lang);
        assert_eq!(
            message(r#"Split("a, b", ",")"#, Lang::En),
            "Split (character 1): the parts have spaces at their ends, and the reference does not say whether Split removes them."
        );
        assert_eq!(
            message(r#"Replace([a], , "(?=x)", , "", , )"#, Lang::En),
            "Replace (character 1): this regex pattern cannot be evaluated here: character 1 of the pattern uses something outside the part of .NET regular expressions this page evaluates exactly, or is not valid."
        );
        assert_eq!(
            message(r#"Join(".", Left([a]))"#, Lang::Nb),
            "Left (tegn 11): tar 2 argumenter, ikke 1."
        );
        assert_eq!(
            message("NormalizeDiacritics(\"e\u{301}\")", Lang::En),
            "NormalizeDiacritics (character 1): the reference's table does not say what NormalizeDiacritics makes of U+0301."
        );
        assert_eq!(
            message(r#"StripSpaces("a", "b")"#, Lang::En),
            "StripSpaces (character 1): takes 1 argument, not 2."
        );
    }

    #[test]
    fn budget_messages_name_the_limit_with_its_number() {
        let message = |limit, max, lang| {
            EvalError {
                function: Some("Join".into()),
                at: Some(0),
                kind: EvalErrorKind::OverBudget { limit, max },
            }
            .message(lang)
        };
        let value = Limits::DEFAULT.value_bytes;
        assert_eq!(
            message(Limit::ValueLength, value, Lang::En),
            "Join (character 1): stopped: a value would be longer than 1\u{a0}MiB (1,048,576 bytes)."
        );
        assert_eq!(
            message(Limit::ValueLength, value, Lang::Nb),
            "Join (tegn 1): stoppet: en verdi ville blitt lengre enn 1\u{a0}MiB (1\u{a0}048\u{a0}576\u{a0}byte)."
        );
        assert_eq!(
            message(Limit::TotalLength, 16 << 20, Lang::En),
            "Join (character 1): stopped: the values made would add up to more than 16\u{a0}MiB (16,777,216 bytes)."
        );
        assert_eq!(
            message(Limit::TotalLength, 1000, Lang::Nb),
            "Join (tegn 1): stoppet: verdiene som lages, ville til sammen blitt mer enn 1\u{a0}000\u{a0}byte."
        );
        assert_eq!(
            message(Limit::Steps, 100_000, Lang::En),
            "Join (character 1): stopped: the expression needs more than 100,000 steps."
        );
        assert_eq!(
            message(Limit::RegexSteps, 1_000_000, Lang::Nb),
            "Join (tegn 1): stoppet: de regulære uttrykkene trenger mer enn 1\u{a0}000\u{a0}000 steg til sammen."
        );
        assert_eq!(
            message(Limit::ValueLength, 1, Lang::En),
            "Join (character 1): stopped: a value would be longer than 1 byte."
        );
    }

    #[test]
    fn build_errors_are_worded() {
        let error = build("my dept", '>', LevelChoice::Last).unwrap_err();
        assert_eq!(
            error.message(Lang::En),
            "Character 3 of the attribute name, a space, cannot be in an attribute name."
        );
        let error = build("department", '\t', LevelChoice::Last).unwrap_err();
        assert_eq!(
            error.message(Lang::Nb),
            "Skilletegnet kan ikke være en tabulator: velg et synlig tegn som ikke er et mellomrom."
        );
    }

    #[test]
    fn every_message_differs_between_the_languages() {
        let kinds = [
            EvalErrorKind::NotEvaluated,
            EvalErrorKind::TooDeep,
            EvalErrorKind::Unstated(Unstated::ReplaceForm),
            EvalErrorKind::Unstated(Unstated::IifEmptyOperand),
            EvalErrorKind::Regex(RegexProblem::TooComplex),
            EvalErrorKind::Regex(RegexProblem::UncertainCharacter {
                class: PerlClass::Digit,
                ch: '٣',
            }),
        ]
        .into_iter()
        .chain(
            [
                Limit::Steps,
                Limit::RegexSteps,
                Limit::ValueLength,
                Limit::TotalLength,
            ]
            .map(|limit| EvalErrorKind::OverBudget {
                limit,
                max: Limits::DEFAULT.max(limit),
            }),
        );
        for kind in kinds {
            assert_ne!(eval_detail(&kind, Lang::En), eval_detail(&kind, Lang::Nb));
        }
        for target in ScimTarget::ALL {
            assert_ne!(target_name(target, Lang::En), target_name(target, Lang::Nb));
        }
        for delimiter in crate::expr::DELIMITERS {
            assert!(delimiter_name(delimiter, Lang::En).starts_with(delimiter));
            assert_ne!(
                delimiter_name(delimiter, Lang::En),
                delimiter_name(delimiter, Lang::Nb)
            );
        }
    }
}
