//! The words for what [`crate::diagnose`] finds, in every language.
//!
//! Each message is built from a finding's data, here and nowhere else, so the diagnosis stays
//! plain data and a translation can reorder the parts freely. English quotes typed text in
//! “…”, Norwegian in «…»; both name Entra's own fields in «…» as Entra shows them.

use super::{number, Lang};
use crate::diagnose::{CharacterKind, Edge, Field, Finding, FindingKind, Fix, Removed, Severity};

impl Severity {
    /// A one-word label for the severity, for icons and screen readers.
    ///
    /// ```
    /// use scim_token_core::diagnose::Severity;
    /// use scim_token_core::i18n::Lang;
    ///
    /// assert_eq!(Severity::Error.label(Lang::En), "Error");
    /// assert_eq!(Severity::Error.label(Lang::Nb), "Feil");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Severity::Error) => "Error",
            (Lang::En, Severity::Warning) => "Warning",
            (Lang::En, Severity::Notice) => "Note",
            (Lang::Nb, Severity::Error) => "Feil",
            (Lang::Nb, Severity::Warning) => "Advarsel",
            (Lang::Nb, Severity::Notice) => "Merk",
        }
    }
}

impl Fix {
    /// The text on the fix's button.
    ///
    /// ```
    /// use scim_token_core::diagnose::Fix;
    /// use scim_token_core::i18n::Lang;
    ///
    /// let fix = Fix::CheckAsToken { text: "YWJjOjEyMw==".into() };
    /// assert_eq!(fix.label(Lang::En), "Check it as a token");
    /// assert_eq!(fix.label(Lang::Nb), "Sjekk det som et token");
    /// ```
    pub fn label(&self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Fix::SplitKeyAndSecret { .. }) => "Move the secret to its own field",
            (Lang::En, Fix::RemoveLabel { .. }) => "Remove the label",
            (Lang::En, Fix::CheckAsToken { .. }) => "Check it as a token",
            (Lang::En, Fix::ReplaceToken { .. }) => "Use the corrected token",
            (Lang::Nb, Fix::SplitKeyAndSecret { .. }) => "Flytt hemmeligheten til sitt eget felt",
            (Lang::Nb, Fix::RemoveLabel { .. }) => "Fjern etiketten",
            (Lang::Nb, Fix::CheckAsToken { .. }) => "Sjekk det som et token",
            (Lang::Nb, Fix::ReplaceToken { .. }) => "Bruk det rettede tokenet",
        }
    }
}

impl Finding {
    /// What was found, as a sentence or two for the admin.
    ///
    /// ```
    /// use scim_token_core::diagnose::diagnose;
    /// use scim_token_core::i18n::Lang;
    ///
    /// let diagnosis = diagnose("  abc", "123\n");
    /// let messages: Vec<String> =
    ///     diagnosis.findings().iter().map(|f| f.message(Lang::En)).collect();
    /// assert_eq!(
    ///     messages,
    ///     [
    ///         "Removed 2 spaces at the start of the API key. They are left out of the token.",
    ///         "Removed a line break at the end of the API secret. It is left out of the token.",
    ///     ]
    /// );
    /// assert_eq!(
    ///     diagnosis.findings()[1].message(Lang::Nb),
    ///     "Fjernet et linjeskift på slutten av API-hemmeligheten. Tegnet er ikke med i tokenet."
    /// );
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        // Only «key and secret are the same» is about no single field, and it names both.
        let field = self.field.unwrap_or(Field::ApiKey);
        match lang {
            Lang::En => en(field, &self.kind),
            Lang::Nb => nb(field, &self.kind),
        }
    }
}

/// How English names a field in a sentence.
struct EnField {
    the: &'static str,
    a: &'static str,
}

fn en_field(field: Field) -> EnField {
    match field {
        Field::ApiKey => EnField {
            the: "the API key",
            a: "an API key",
        },
        Field::ApiSecret => EnField {
            the: "the API secret",
            a: "an API secret",
        },
        Field::Token => EnField {
            the: "the token",
            a: "a token",
        },
    }
}

/// How Norwegian names a field in a sentence; `it` agrees with its gender.
struct NbField {
    the: &'static str,
    a: &'static str,
    it: &'static str,
    long: &'static str,
}

fn nb_field(field: Field) -> NbField {
    match field {
        Field::ApiKey => NbField {
            the: "API-nøkkelen",
            a: "en API-nøkkel",
            it: "den",
            long: "lang",
        },
        Field::ApiSecret => NbField {
            the: "API-hemmeligheten",
            a: "en API-hemmelighet",
            it: "den",
            long: "lang",
        },
        Field::Token => NbField {
            the: "tokenet",
            a: "et token",
            it: "det",
            long: "langt",
        },
    }
}

fn en(field: Field, kind: &FindingKind) -> String {
    use FindingKind::*;
    let words = en_field(field);
    let the = capitalize(words.the);
    match kind {
        TooLong { length, limit } => format!(
            "{the} is {} characters long, but {} is at most {}. Something else was probably pasted.",
            number(*length, Lang::En),
            words.a,
            number(*limit, Lang::En),
        ),
        LoneSurrogate { position, unit } => format!(
            "{the} has a broken character at character {position}: a lone UTF-16 surrogate \
             (U+{unit:04X}) that cannot be encoded. Copy it again, or type it in."
        ),
        Blank => format!("{the} holds only spaces, line breaks or invisible characters."),
        Trimmed { edge, removed } => {
            let list = removed_list(removed, en_kind, "and");
            let edge = match edge {
                Edge::Start => "start",
                Edge::End => "end",
            };
            if field == Field::Token {
                format!("Removed {list} at the {edge} of the pasted token.")
            } else if total(removed) == 1 {
                format!("Removed {list} at the {edge} of {}. It is left out of the token.", words.the)
            } else {
                format!(
                    "Removed {list} at the {edge} of {}. They are left out of the token.",
                    words.the
                )
            }
        }
        InnerCharacter {
            character,
            position,
            others,
        } => {
            let more = match others {
                0 => String::new(),
                1 => " (and 1 more such character after it)".to_owned(),
                n => format!(" (and {n} more such characters after it)"),
            };
            let cause = if wraps(*character) {
                "It was most likely wrapped onto more lines when copied: copy it again in one piece."
            } else {
                "Such characters often come along when copying from a web page or a document: \
                 copy it again, or type it in."
            };
            format!(
                "{the} has {} at character {position}{more}. {cause}",
                en_character(*character)
            )
        }
        Label { label, .. } => format!(
            "{the} starts with the label “{label}”. The token is made from what follows it."
        ),
        KeyAndSecretTogether { .. } => "The API key field seems to hold both the API key and the \
             API secret, and the API secret field is empty. The token is made once each is in its \
             own field."
            .to_owned(),
        TokenInField { api_key, .. } => format!(
            "{the} holds what looks like a finished secret token (for the API key “{api_key}”), \
             not {}. Used here, it would be encoded twice.",
            words.a
        ),
        ColonInKey { position } => format!(
            "The API key has a colon (:) at character {position}. The server splits the token at \
             the first colon, so a key cannot contain one."
        ),
        NonAscii { characters, more } => {
            let list = shown_characters(characters);
            let more_text = match more {
                0 => String::new(),
                n => format!(", and {n} more"),
            };
            if characters.len() + more == 1 {
                format!("{the} contains a character outside ASCII: {list}. It is encoded as UTF-8.")
            } else {
                format!(
                    "{the} contains characters outside ASCII: {list}{more_text}. They are encoded as UTF-8."
                )
            }
        }
        KeySameAsSecret => "The API key and the API secret are the same. In the portal they are \
             two different values: check that you copied both."
            .to_owned(),
        PrefixRemoved { prefix } => format!(
            "Removed “{prefix}” at the start: only the token itself goes into «Secret Token»."
        ),
        TokenWrapped {
            position,
            line_breaks,
            ..
        } => {
            let breaks = match line_breaks {
                1 => "a line break".to_owned(),
                n => format!("{n} line breaks"),
            };
            format!(
                "The token has {breaks} (the first at character {position}), but it must be on \
                 one line. On Linux, “base64” wraps its output unless given “-w0”."
            )
        }
        NotBase64 {
            character: '=',
            position,
        } => format!(
            "The token has “=” at character {position}, before its end. “=” is only padding at the \
             very end of a token."
        ),
        NotBase64 {
            character,
            position,
        } => format!(
            "The token is not base64: {} at character {position} is not in the base64 alphabet.",
            en_character(*character)
        ),
        BadLength { symbols: 0 } => {
            "The token has no base64 characters, only padding (“=”).".to_owned()
        }
        BadLength { symbols } => format!(
            "The token has {symbols} base64 characters, a number no base64 encoder gives: one is \
             missing or one is too many. Copy the token again."
        ),
        UrlSafeAlphabet { .. } => "The token uses the URL-safe base64 alphabet (“-” and “_”). \
             The server expects the standard alphabet (“+” and “/”)."
            .to_owned(),
        Padding {
            found, expected, ..
        } => {
            let should = "=".repeat(*expected);
            if *expected == 0 {
                "The token ends with “=” padding it should not have.".to_owned()
            } else if found < expected {
                format!("The token is missing padding: it should end with “{should}”.")
            } else {
                format!("The token has too much padding: it should end with “{should}”.")
            }
        }
        BrokenEnd => "The end of the token is damaged: its last characters cannot come out of a \
             base64 encoder. Part of it was probably cut off or changed; copy it again."
            .to_owned(),
        NotUtf8 => "The token is base64, but it decodes to binary data, not text, so it holds no \
             API key and secret."
            .to_owned(),
        EncodedTwice { .. } => "The token has been base64-encoded twice: it decodes to another \
             token. Entra needs the inner one."
            .to_owned(),
        NoColon => "The token decodes to text without a colon, so it is not an API key and secret \
             joined by “:”. It may be just the key or just the secret, encoded."
            .to_owned(),
        EmptyKey => "The token has no API key: there is nothing before the colon.".to_owned(),
        EmptySecret => "The token has no API secret: there is nothing after the colon.".to_owned(),
        TrailingLineBreak { .. } => "The API secret inside the token ends with a line break. That \
             happens with “echo” without “-n”; use “printf '%s'” instead, or the corrected token."
            .to_owned(),
        DecodedCharacter {
            part,
            character,
            position,
        } => format!(
            "{} inside the token has {} at character {position}.",
            capitalize(en_field(*part).the),
            en_character(*character)
        ),
        Valid {
            api_key,
            secret_length,
        } => {
            let length = match secret_length {
                1 => "1 character".to_owned(),
                n => format!("{n} characters"),
            };
            format!(
                "This is a valid secret token for the API key “{api_key}”, with an API secret of \
                 {length}."
            )
        }
        MatchesFields
        | DiffersFromFields {
            key_differs: false,
            secret_differs: false,
        } => "This token matches the API key and API secret above.".to_owned(),
        DiffersFromFields {
            key_differs: true,
            secret_differs: true,
        } => "This token is for a different API key and API secret than the ones above.".to_owned(),
        DiffersFromFields {
            key_differs: true,
            secret_differs: false,
        } => "This token is for a different API key than the one above.".to_owned(),
        DiffersFromFields {
            key_differs: false,
            secret_differs: true,
        } => "This token has the same API key as above, but a different API secret.".to_owned(),
    }
}

fn nb(field: Field, kind: &FindingKind) -> String {
    use FindingKind::*;
    let words = nb_field(field);
    let the = capitalize(words.the);
    let it = words.it;
    match kind {
        TooLong { length, limit } => format!(
            "{the} er {} tegn {}, men {} er på høyst {} tegn. Trolig ble noe annet limt inn.",
            number(*length, Lang::Nb),
            words.long,
            words.a,
            number(*limit, Lang::Nb),
        ),
        LoneSurrogate { position, unit } => format!(
            "{the} har et ødelagt tegn som tegn nr. {position}: et enslig UTF-16-surrogat \
             (U+{unit:04X}) som ikke kan kodes. Kopier {it} på nytt, eller skriv {it} inn."
        ),
        Blank => format!("{the} inneholder bare mellomrom, linjeskift eller usynlige tegn."),
        Trimmed { edge, removed } => {
            let list = removed_list(removed, nb_kind, "og");
            let edge = match edge {
                Edge::Start => "i starten av",
                Edge::End => "på slutten av",
            };
            if field == Field::Token {
                format!("Fjernet {list} {edge} det innlimte tokenet.")
            } else if total(removed) == 1 {
                format!(
                    "Fjernet {list} {edge} {}. Tegnet er ikke med i tokenet.",
                    words.the
                )
            } else {
                format!(
                    "Fjernet {list} {edge} {}. Tegnene er ikke med i tokenet.",
                    words.the
                )
            }
        }
        InnerCharacter {
            character,
            position,
            others,
        } => {
            let more = match others {
                0 => String::new(),
                n => format!(" (og {n} slike tegn til etter det)"),
            };
            let cause = if wraps(*character) {
                format!(
                    "{} ble trolig delt over flere linjer da {it} ble kopiert: kopier {it} på nytt \
                     i ett stykke.",
                    capitalize(it)
                )
            } else {
                format!(
                    "Slike tegn følger ofte med når man kopierer fra en nettside eller et dokument: \
                     kopier {it} på nytt, eller skriv {it} inn."
                )
            };
            format!(
                "{the} har {} som tegn nr. {position}{more}. {cause}",
                nb_character(*character)
            )
        }
        Label { label, .. } => format!(
            "{the} starter med etiketten «{label}». Tokenet lages av det som står etter den."
        ),
        KeyAndSecretTogether { .. } => "Feltet for API-nøkkel ser ut til å inneholde både \
             API-nøkkelen og API-hemmeligheten, og feltet for API-hemmelighet er tomt. Tokenet \
             lages når de står i hvert sitt felt."
            .to_owned(),
        TokenInField { api_key, .. } => format!(
            "{the} inneholder det som ser ut som et ferdig hemmelig token (for API-nøkkelen \
             «{api_key}»), ikke {}. Brukt her ville det blitt kodet to ganger.",
            words.a
        ),
        ColonInKey { position } => format!(
            "API-nøkkelen har et kolon (:) som tegn nr. {position}. Serveren deler tokenet ved \
             første kolon, så en nøkkel kan ikke inneholde kolon."
        ),
        NonAscii { characters, more } => {
            let list = shown_characters(characters);
            let more_text = match more {
                0 => String::new(),
                n => format!(" og {n} til"),
            };
            if characters.len() + more == 1 {
                format!("{the} inneholder et tegn utenfor ASCII: {list}. Det kodes som UTF-8.")
            } else {
                format!(
                    "{the} inneholder tegn utenfor ASCII: {list}{more_text}. De kodes som UTF-8."
                )
            }
        }
        KeySameAsSecret => "API-nøkkelen og API-hemmeligheten er like. I portalen er de to \
             forskjellige verdier: sjekk at du har kopiert begge."
            .to_owned(),
        PrefixRemoved { prefix } => {
            format!("Fjernet «{prefix}» i starten: bare selve tokenet skal inn i «Secret Token».")
        }
        TokenWrapped {
            position,
            line_breaks,
            ..
        } => {
            let breaks = match line_breaks {
                1 => "et linjeskift".to_owned(),
                n => format!("{n} linjeskift"),
            };
            format!(
                "Tokenet har {breaks} (det første som tegn nr. {position}), men det må stå på én \
                 linje. På Linux bryter «base64» linjene med mindre du gir den «-w0»."
            )
        }
        NotBase64 {
            character: '=',
            position,
        } => format!(
            "Tokenet har «=» som tegn nr. {position}, før slutten. «=» er bare utfylling helt til \
             slutt i et token."
        ),
        NotBase64 {
            character,
            position,
        } => format!(
            "Tokenet er ikke base64: {} som tegn nr. {position} finnes ikke i base64-alfabetet.",
            nb_character(*character)
        ),
        BadLength { symbols: 0 } => {
            "Tokenet har ingen base64-tegn, bare utfylling («=»).".to_owned()
        }
        BadLength { symbols } => format!(
            "Tokenet har {symbols} base64-tegn, et antall ingen base64-koding gir: det mangler et \
             tegn eller er ett for mye. Kopier tokenet på nytt."
        ),
        UrlSafeAlphabet { .. } => "Tokenet bruker det URL-sikre base64-alfabetet («-» og «_»). \
             Serveren forventer standardalfabetet («+» og «/»)."
            .to_owned(),
        Padding {
            found, expected, ..
        } => {
            let should = "=".repeat(*expected);
            if *expected == 0 {
                "Tokenet slutter med utfylling («=») som ikke skal være der.".to_owned()
            } else if found < expected {
                format!("Tokenet mangler utfylling: det skal slutte med «{should}».")
            } else {
                format!("Tokenet har for mye utfylling: det skal slutte med «{should}».")
            }
        }
        BrokenEnd => "Slutten av tokenet er skadet: de siste tegnene kan ikke komme fra en \
             base64-koding. Trolig er en del kuttet av eller endret; kopier det på nytt."
            .to_owned(),
        NotUtf8 => "Tokenet er base64, men det dekodes til binære data, ikke tekst, så det \
             inneholder ingen API-nøkkel og API-hemmelighet."
            .to_owned(),
        EncodedTwice { .. } => "Tokenet er base64-kodet to ganger: det dekodes til et annet \
             token. Entra trenger det innerste."
            .to_owned(),
        NoColon => "Tokenet dekodes til tekst uten kolon, så det er ikke en API-nøkkel og \
             API-hemmelighet skilt med «:». Kanskje er bare nøkkelen eller bare hemmeligheten \
             kodet."
            .to_owned(),
        EmptyKey => "Tokenet har ingen API-nøkkel: det står ingenting foran kolonet.".to_owned(),
        EmptySecret => {
            "Tokenet har ingen API-hemmelighet: det står ingenting etter kolonet.".to_owned()
        }
        TrailingLineBreak { .. } => "API-hemmeligheten i tokenet slutter med et linjeskift. Det \
             skjer med «echo» uten «-n»; bruk «printf '%s'» i stedet, eller det rettede tokenet."
            .to_owned(),
        DecodedCharacter {
            part,
            character,
            position,
        } => format!(
            "{} i tokenet har {} som tegn nr. {position}.",
            capitalize(nb_field(*part).the),
            nb_character(*character)
        ),
        Valid {
            api_key,
            secret_length,
        } => format!(
            "Dette er et gyldig hemmelig token for API-nøkkelen «{api_key}», med en \
             API-hemmelighet på {secret_length} tegn."
        ),
        MatchesFields
        | DiffersFromFields {
            key_differs: false,
            secret_differs: false,
        } => "Tokenet stemmer med API-nøkkelen og API-hemmeligheten over.".to_owned(),
        DiffersFromFields {
            key_differs: true,
            secret_differs: true,
        } => "Tokenet er for en annen API-nøkkel og API-hemmelighet enn de over.".to_owned(),
        DiffersFromFields {
            key_differs: true,
            secret_differs: false,
        } => "Tokenet er for en annen API-nøkkel enn den over.".to_owned(),
        DiffersFromFields {
            key_differs: false,
            secret_differs: true,
        } => "Tokenet har samme API-nøkkel som over, men en annen API-hemmelighet.".to_owned(),
    }
}

/// Whether a character inside a value points to a value that was broken over lines.
fn wraps(character: char) -> bool {
    matches!(
        CharacterKind::of(character),
        Some(
            CharacterKind::Space
                | CharacterKind::Tab
                | CharacterKind::LineBreak
                | CharacterKind::NoBreakSpace
                | CharacterKind::OtherSpace
        )
    )
}

fn total(removed: &[Removed]) -> usize {
    removed.iter().map(|r| r.count).sum()
}

/// English names for a kind: with its article, and in the plural.
fn en_kind(kind: CharacterKind) -> (&'static str, &'static str) {
    use CharacterKind::*;
    match kind {
        Space => ("a space", "spaces"),
        Tab => ("a tab", "tabs"),
        LineBreak => ("a line break", "line breaks"),
        NoBreakSpace => ("a no-break space", "no-break spaces"),
        ZeroWidthSpace => ("a zero-width space", "zero-width spaces"),
        ZeroWidthNonJoiner => ("a zero-width non-joiner", "zero-width non-joiners"),
        ZeroWidthJoiner => ("a zero-width joiner", "zero-width joiners"),
        WordJoiner => ("a word joiner", "word joiners"),
        ByteOrderMark => ("a byte order mark", "byte order marks"),
        OtherSpace => ("an unusual space", "unusual spaces"),
        DirectionMark => (
            "an invisible text-direction mark",
            "invisible text-direction marks",
        ),
        OtherInvisible => (
            "an invisible formatting character",
            "invisible formatting characters",
        ),
        Control => ("a control character", "control characters"),
    }
}

/// Norwegian names for a kind: with its article, and in the plural.
fn nb_kind(kind: CharacterKind) -> (&'static str, &'static str) {
    use CharacterKind::*;
    match kind {
        Space => ("et mellomrom", "mellomrom"),
        Tab => ("et tabulatortegn", "tabulatortegn"),
        LineBreak => ("et linjeskift", "linjeskift"),
        NoBreakSpace => ("et hardt mellomrom", "harde mellomrom"),
        ZeroWidthSpace => (
            "et usynlig mellomrom (zero-width space)",
            "usynlige mellomrom (zero-width space)",
        ),
        ZeroWidthNonJoiner => (
            "et usynlig skilletegn (zero-width non-joiner)",
            "usynlige skilletegn (zero-width non-joiner)",
        ),
        ZeroWidthJoiner => (
            "et usynlig bindetegn (zero-width joiner)",
            "usynlige bindetegn (zero-width joiner)",
        ),
        WordJoiner => (
            "et usynlig ordbindetegn (word joiner)",
            "usynlige ordbindetegn (word joiner)",
        ),
        ByteOrderMark => (
            "et BOM-tegn (byte order mark)",
            "BOM-tegn (byte order mark)",
        ),
        OtherSpace => ("et uvanlig mellomrom", "uvanlige mellomrom"),
        DirectionMark => ("et usynlig retningstegn", "usynlige retningstegn"),
        OtherInvisible => ("et usynlig formateringstegn", "usynlige formateringstegn"),
        Control => ("et kontrolltegn", "kontrolltegn"),
    }
}

/// What was removed, as a list: `a space and 2 line breaks`.
fn removed_list(
    removed: &[Removed],
    names: fn(CharacterKind) -> (&'static str, &'static str),
    and: &str,
) -> String {
    let parts: Vec<String> = removed
        .iter()
        .map(|r| {
            let (one, many) = names(r.kind);
            match r.count {
                1 => one.to_owned(),
                n => format!("{n} {many}"),
            }
        })
        .collect();
    join_list(&parts, and)
}

/// Characters outside ASCII as the admin sees them, each with its code point.
fn shown_characters(characters: &[char]) -> String {
    characters
        .iter()
        .map(|c| format!("{c} ({})", code_point(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a`, `a and b`, `a, b and c`.
fn join_list(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn en_character(character: char) -> String {
    match CharacterKind::of(character) {
        Some(kind) => format!("{} ({})", en_kind(kind).0, code_point(character)),
        None => format!("“{character}” ({})", code_point(character)),
    }
}

fn nb_character(character: char) -> String {
    match CharacterKind::of(character) {
        // «et usynlig mellomrom (zero-width space, U+200B)», not two pairs of brackets.
        Some(kind) => match nb_kind(kind).0.strip_suffix(')') {
            Some(open) => format!("{open}, {})", code_point(character)),
            None => format!("{} ({})", nb_kind(kind).0, code_point(character)),
        },
        None => format!("«{character}» ({})", code_point(character)),
    }
}

fn code_point(character: char) -> String {
    format!("U+{:04X}", u32::from(character))
}

/// Every message starts with an ASCII or a Norwegian letter; `char::to_uppercase` would put
/// Unicode's case table into the wasm for them (docs/performance.md).
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let first = match first {
                'æ' => 'Æ',
                'ø' => 'Ø',
                'å' => 'Å',
                c => c.to_ascii_uppercase(),
            };
            std::iter::once(first).chain(chars).collect()
        }
        None => String::new(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let parts = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(&parts[..1], "and"), "a");
        assert_eq!(join_list(&parts[..2], "og"), "a og b");
        assert_eq!(join_list(&parts, "and"), "a, b and c");
    }
}
