//! [`ExprMessage`]: an error of the expression crate in words; the words for parse errors, build
//! errors and a parse-or-evaluation error, and how a message shows a character.

use crate::expr::{
    BuildError, ExprError, ParseError, ParseErrorKind, MAX_EXPRESSION_CHARS, MAX_NESTING,
};
use crate::i18n::{number, Lang};

/// The message of an error from [`crate::expr`], in a language. A trait because the errors are
/// the expression crate's types and their words are this crate's.
pub trait ExprMessage {
    /// What is wrong, in `lang`.
    fn message(&self, lang: Lang) -> String;
}

/// A character as a message shows it: «x», or its name when it cannot be seen.
pub(super) fn shown(c: Option<char>, lang: Lang) -> String {
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
                ParseErrorKind::ExpectedHexDigit => format!("Character {n}: expected «&H» and hexadecimal digits (such as &HF7), but found {found}."),
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
                ParseErrorKind::ExpectedHexDigit => format!("Tegn {n}: forventet «&H» og heksadesimale sifre (for eksempel &HF7), men fant {found}."),
                ParseErrorKind::TrailingText => format!("Tegn {n}: uttrykket er ferdig, men det står {found} etter det."),
                ParseErrorKind::TooDeep => format!("Tegn {n}: funksjonene er nøstet mer enn {MAX_NESTING} nivåer dypt."),
                ParseErrorKind::TooLong { chars } => format!("Uttrykket har {} tegn; denne siden leser høyst {}.", number(*chars, lang), number(MAX_EXPRESSION_CHARS, lang)),
            },
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
