//! Labels pasted with a value (`API key: …`, `Nøkkel = …`), and the API key field holding both
//! the key and the secret.

use super::characters::{has_invisible, is_trimmed, trim_edges, CharacterKind};

/// A label such as `API key:` at the start of a value.
pub(super) struct LabelMatch<'a> {
    /// The label as typed, through its separator.
    pub(super) label: &'a str,
    /// What follows the separator and any whitespace after it; may be empty.
    pub(super) rest: &'a str,
}

/// Label words, lowercased and without spaces, hyphens, underscores or dots.
const LABEL_WORDS: [&str; 24] = [
    "key",
    "apikey",
    "keyid",
    "apikeyid",
    "accesskey",
    "accesskeyid",
    "clientid",
    "secret",
    "apisecret",
    "secretkey",
    "apisecretkey",
    "clientsecret",
    "accesssecret",
    "nøkkel",
    "nokkel",
    "apinøkkel",
    "apinokkel",
    "nøkkelid",
    "apinøkkelid",
    "hemmelighet",
    "apihemmelighet",
    "hemmelig",
    "klientid",
    "klienthemmelighet",
];

/// The letters of the label words (ASCII and Norwegian's æ, ø, å) in either case. Unicode's
/// letter and lowercase tables would cost the widget's wasm several kilobytes for nothing: no
/// other letter can be part of a label word.
fn is_label_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å')
}

/// [`is_label_letter`]s in lowercase.
fn label_lowercase(c: char) -> char {
    match c {
        'Æ' => 'æ',
        'Ø' => 'ø',
        'Å' => 'å',
        c => c.to_ascii_lowercase(),
    }
}

/// The longest label, in bytes, that is looked for.
const MAX_LABEL_BYTES: usize = 40;

/// Finds a recognised label word followed by `:`, `=` or a dash with spaces around it.
///
/// Real keys and secrets have no spaces, so the spaced dash cannot cut one; and `:` or `=` must
/// follow a whole label word, so `Key==` (base64 ending in padding) is no label.
pub(super) fn parse_label(text: &str) -> Option<LabelMatch<'_>> {
    let mut separator_end = None;
    let mut head_end = 0;
    for (index, character) in text.char_indices() {
        if index > MAX_LABEL_BYTES {
            return None;
        }
        match character {
            ':' | '=' => {
                head_end = index;
                separator_end = Some(index + 1);
                break;
            }
            ' ' | '\t' => {
                let after_spaces = text[index..].trim_start_matches([' ', '\t']);
                if let Some(after_dash) = after_spaces.strip_prefix(['-', '–', '—']) {
                    if after_dash.starts_with([' ', '\t']) {
                        head_end = index;
                        separator_end = Some(text.len() - after_dash.len());
                        break;
                    }
                }
            }
            c if is_label_letter(c) || matches!(c, '-' | '_' | '.') => {}
            _ => return None,
        }
    }
    let separator_end = separator_end?;
    let word: String = text[..head_end]
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '-' | '_' | '.'))
        .map(label_lowercase)
        .collect();
    if !LABEL_WORDS.contains(&word.as_str()) {
        return None;
    }
    let rest = text[separator_end..].trim_start_matches(is_trimmed);
    if rest.starts_with(['=', ':']) {
        return None;
    }
    Some(LabelMatch {
        label: &text[..separator_end],
        rest,
    })
}

/// The key and secret when the API key field holds both: `key:secret` on one line, or the key
/// and the secret on two labelled lines.
///
/// Two lines without labels are left alone: they are as likely one value wrapped when copied,
/// and splitting a wrapped key would make a wrong token look right.
pub(super) fn key_and_secret_together(core: &str) -> Option<(String, String)> {
    let mut values = Vec::new();
    let mut labelled = false;
    for line in core.split(|c| CharacterKind::of(c) == Some(CharacterKind::LineBreak)) {
        let line = trim_edges(line).core;
        if line.is_empty() {
            continue;
        }
        match parse_label(line) {
            Some(label) => {
                labelled = true;
                if !label.rest.is_empty() {
                    values.push(label.rest);
                }
            }
            None => values.push(line),
        }
        if values.len() > 2 {
            return None;
        }
    }
    let (api_key, api_secret) = match values.as_slice() {
        [key, secret] if labelled => (*key, *secret),
        [single] => {
            let (key, secret) = single.split_once(':')?;
            let secret = trim_edges(secret).core;
            // `https://…` is a URL, not a key and secret.
            if secret.starts_with("//") {
                return None;
            }
            (trim_edges(key).core, secret)
        }
        _ => return None,
    };
    let plausible = !api_key.is_empty()
        && !api_secret.is_empty()
        && !api_key.contains(':')
        && !has_invisible(api_key)
        && !has_invisible(api_secret);
    plausible.then(|| (api_key.to_owned(), api_secret.to_owned()))
}
