//! The helpers' notes of what was left out: samples beyond the tables, lines too long, a full
//! text box, attributes without a value box, levels beyond the split table; and that a result
//! is an example, as its value changes every run.

use crate::i18n::{number, Lang};

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

/// Said under «Try an expression»'s result when the expression calls Now, Guid or
/// RandomString: what Entra gives changes every run.
///
/// ```
/// use scim_token_core::i18n::{expr::changes_every_run, Lang};
/// assert!(changes_every_run(Lang::En).starts_with("An example:"));
/// ```
pub fn changes_every_run(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "An example: Now, Guid and RandomString give a new value every time Entra runs the expression.",
        Lang::Nb => "Et eksempel: Now, Guid og RandomString gir en ny verdi hver gang Entra kjører uttrykket.",
    }
}
