//! The words for an evaluation error: the function and where it is, then why (argument counts,
//! regex problems, the budget), with what the reference leaves open in [`super::unstated`].

use super::errors::ExprMessage;
use super::unstated::unstated;
use crate::expr::{EvalError, EvalErrorKind, Limit, RegexProblem};
use crate::i18n::{number, Lang};

fn argument_range(min: usize, max: Option<usize>, lang: Lang) -> String {
    match (max, lang) {
        (Some(max), _) if max == min => min.to_string(),
        (None, Lang::En) => format!("at least {min}"),
        (None, Lang::Nb) => format!("minst {min}"),
        (Some(max), Lang::En) => format!("{min} to {max}"),
        (Some(max), Lang::Nb) => format!("{min} til {max}"),
    }
}

fn regex_problem(problem: &RegexProblem, lang: Lang) -> String {
    match (problem, lang) {
        (RegexProblem::Unsupported { at }, Lang::En) => format!("this regex pattern cannot be evaluated here: character {} of the pattern uses something outside the part of .NET regular expressions this page evaluates exactly, or is not valid.", at + 1),
        (RegexProblem::Unsupported { at }, Lang::Nb) => format!("dette regex-mønsteret kan ikke beregnes her: tegn {} i mønsteret bruker noe utenfor den delen av .NET-regulære uttrykk som denne siden beregner nøyaktig, eller er ugyldig.", at + 1),
        (RegexProblem::Replacement { at }, Lang::En) => format!("the replacement is not valid in .NET: the group number at character {} is larger than 2,147,483,647 (write $$ for a «$» of its own).", at + 1),
        (RegexProblem::Replacement { at }, Lang::Nb) => format!("erstatningen er ugyldig i .NET: gruppenummeret ved tegn {} er større enn 2 147 483 647 (skriv $$ for et «$» alene).", at + 1),
        (RegexProblem::TooComplex, Lang::En) => "this regex pattern is larger, or nests deeper, than this page compiles, so it cannot be evaluated here.".to_owned(),
        (RegexProblem::TooComplex, Lang::Nb) => "dette regex-mønsteret er større, eller nøstet dypere, enn denne siden kompilerer, så det kan ikke beregnes her.".to_owned(),
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

pub(super) fn eval_detail(kind: &EvalErrorKind, lang: Lang) -> String {
    match lang {
        Lang::En => match kind {
            EvalErrorKind::UnknownFunction { did_you_mean: Some(known) } => format!("there is no such function. Names are case-sensitive: did you mean {known}?"),
            EvalErrorKind::UnknownFunction { did_you_mean: None } => "there is no such function in Entra's expression reference.".to_owned(),
            EvalErrorKind::NotEvaluated => "Entra has this function, but this page does not evaluate it.".to_owned(),
            EvalErrorKind::NeedsDirectory => "its value depends on the directory or the target application (which values are taken, the user's app role assignments), which this page does not have.".to_owned(),
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
            EvalErrorKind::NeedsDirectory => "verdien avhenger av katalogen eller målprogrammet (hvilke verdier som er tatt, brukerens approlletildelinger), som denne siden ikke har.".to_owned(),
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
