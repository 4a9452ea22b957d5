//! Every label and message of the expression helper in both languages, and the errors worded
//! with what went wrong and where.

use super::eval_errors::eval_detail;
use super::*;
use crate::expr::{
    build, parse, run, Attributes, EvalError, EvalErrorKind, LevelChoice, Limit, Limits,
    RegexProblem, ScimTarget, Unstated,
};
use crate::i18n::Lang;

const LABELS: [ExprText; 44] = [
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
    ExprText::StoppedRefused,
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
        EvalErrorKind::Regex(RegexProblem::Replacement { at: 0 }),
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

#[test]
fn the_new_functions_refusals_are_worded_in_both_languages() {
    let kinds = [
        Unstated::UpperCase('ı'),
        Unstated::TitleCase('Α'),
        Unstated::IgnoreFlowNested,
        Unstated::IifEmptyAttribute,
        Unstated::SwitchSourceTest,
        Unstated::NotBoolean,
        Unstated::IsStringType,
        Unstated::NotMultiValued,
        Unstated::DuplicatesCase,
        Unstated::RandomStringLengths,
        Unstated::DateText,
        Unstated::DateZone,
        Unstated::NotADate { index: 3 },
        Unstated::DateRange,
        Unstated::DateInterval,
        Unstated::DateDiffRounding,
        Unstated::DateTimeStyles,
        Unstated::DateFormat(' '),
        Unstated::DateFormat('\''),
        Unstated::DateFormat('z'),
        Unstated::DateNoMatch,
    ]
    .map(EvalErrorKind::Unstated)
    .into_iter()
    .chain([EvalErrorKind::NeedsDirectory]);
    for kind in kinds {
        let (en, nb) = (eval_detail(&kind, Lang::En), eval_detail(&kind, Lang::Nb));
        assert_ne!(en, nb, "{kind:?}");
        assert!(en.ends_with('.') && nb.ends_with('.'), "{kind:?}");
    }
    assert_eq!(
        eval_detail(
            &EvalErrorKind::Unstated(Unstated::NotADate { index: 3 }),
            Lang::En
        ),
        "argument 3 is not a date: pass text through CDate first, as the reference says."
    );
    let left_out = Placeholder::LeftOutOfFlow;
    assert_ne!(left_out.in_lang(Lang::En), left_out.in_lang(Lang::Nb));
    assert_ne!(changes_every_run(Lang::En), changes_every_run(Lang::Nb));
}
