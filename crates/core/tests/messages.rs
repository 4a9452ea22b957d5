//! Native tests of what travels between the page and the helpers' worker (`helpers`): postcard
//! bytes of the core's own types. Bytes that are not exactly one message with every value in
//! range (an unknown variant, a value the type does not have, too few bytes or bytes left over)
//! are refused, never read as some other message.
//!
//! Bad bytes are made here from mirrors of the messages, laid out as postcard lays them out (a
//! struct's fields in order, an enum as its variant's index, then its fields), with a bare
//! number where the message has a type: what a worker or a page of another build, or a damaged
//! message, could send.
#![cfg(not(target_arch = "wasm32"))]

use scim_token_core::expr::{LevelChoice, ScimTarget};
use scim_token_core::helpers::{
    answer, stopped_message, Answer, Question, SampleRow, Shown, Stopped,
};
use scim_token_core::lang::Lang;
use serde::Serialize;

/// `Answer::Map` (variant 0) as postcard lays it out, with [`WireMapAnswer`].
#[derive(Serialize)]
enum WireAnswer {
    Map { id: u32, answer: WireMapAnswer },
}

/// `MapAnswer`, field by field, with [`WireMappedTarget`]s.
#[derive(Serialize)]
struct WireMapAnswer {
    detected_delimiter: Option<char>,
    delimiter: char,
    rows: Vec<SampleRow>,
    left_out: usize,
    too_long: usize,
    positions: u8,
    source_error: Option<String>,
    mappings: Vec<WireMappedTarget>,
}

/// `MappedTarget` with its target as a number: the index of a `ScimTarget` variant.
#[derive(Serialize)]
struct WireMappedTarget {
    target: u8,
    expression: String,
    preview: Vec<Shown>,
}

/// The bytes of a map answer with one mapping, for the target numbered `target`.
fn map_answer_for_target(target: u8) -> Vec<u8> {
    postcard::to_allocvec(&WireAnswer::Map {
        id: 1,
        answer: WireMapAnswer {
            detected_delimiter: Some('>'),
            delimiter: '>',
            rows: vec![SampleRow {
                sample: "Contoso > Sales".to_owned(),
                levels: vec!["Contoso".to_owned(), "Sales".to_owned()],
                more_levels: 0,
            }],
            left_out: 0,
            too_long: 0,
            positions: 5,
            source_error: None,
            mappings: vec![WireMappedTarget {
                target,
                expression: "Replace([department], , \"x\", , \"${level}\", , )".to_owned(),
                preview: vec![Shown::Value {
                    text: "Sales".to_owned(),
                    placeholder: false,
                }],
            }],
        },
    })
    .expect("a Vec takes any message")
}

#[test]
fn an_answer_whose_target_is_out_of_range_is_refused_not_read_modulo_the_targets() {
    let Some(Answer::Map { answer, .. }) = Answer::from_bytes(&map_answer_for_target(1)) else {
        panic!("the mirror is laid out as a map answer is")
    };
    assert_eq!(answer.mappings[0].target, ScimTarget::Division);
    for target in [7, 3, 255] {
        assert_eq!(
            Answer::from_bytes(&map_answer_for_target(target)),
            None,
            "target {target} is no target, not {target} % 3"
        );
    }
}

const LAST: Option<LevelChoice> = Some(LevelChoice::Last);

fn map_question(levels: [Option<LevelChoice>; 3]) -> Question {
    Question::Map {
        id: 1,
        lang: Lang::En,
        samples: "Contoso > Sales > EMEA".to_owned(),
        source: "department".to_owned(),
        chosen_delimiter: None,
        levels,
    }
}

/// `Question::Map` (variant 0) as postcard lays it out, with its language as a number (the
/// index of a `Lang` variant) and [`WireLevel`]s.
#[derive(Serialize)]
enum WireQuestion {
    Map {
        id: u32,
        lang: u32,
        samples: String,
        source: String,
        chosen_delimiter: Option<char>,
        levels: [WireLevel; 3],
    },
}

/// `Option<LevelChoice>` as postcard lays it out: a tag, 0 for `None` and 1 for `Some`, then
/// the choice; and a tag an `Option` does not have.
#[derive(Serialize)]
enum WireLevel {
    NotMapped,
    Mapped(WireChoice),
    TagTwo,
}

/// `LevelChoice`: `Position` (variant 0, then its number as a byte) and `Last` (1); and a
/// variant it does not have.
#[derive(Serialize)]
enum WireChoice {
    Position(u8),
    Last,
    Third,
}

/// The bytes of [`map_question`] in language number `lang`, the organization's level `first`.
fn map_question_bytes(lang: u32, first: WireLevel) -> Vec<u8> {
    postcard::to_allocvec(&WireQuestion::Map {
        id: 1,
        lang,
        samples: "Contoso > Sales > EMEA".to_owned(),
        source: "department".to_owned(),
        chosen_delimiter: None,
        levels: [
            first,
            WireLevel::NotMapped,
            WireLevel::Mapped(WireChoice::Last),
        ],
    })
    .expect("a Vec takes any message")
}

#[test]
fn a_map_question_with_a_level_the_menus_do_not_offer_is_refused_not_left_unmapped() {
    assert!(answer(&map_question([LevelChoice::position(1), None, LAST]).to_bytes()).is_some());
    let first = WireLevel::Mapped(WireChoice::Position(1));
    assert_eq!(
        Question::from_bytes(&map_question_bytes(0, first)),
        Some(map_question([LevelChoice::position(1), None, LAST])),
        "the mirror is laid out as a map question is"
    );
    for (bad, first) in [
        ("level 0", WireLevel::Mapped(WireChoice::Position(0))),
        (
            "a third kind of level",
            WireLevel::Mapped(WireChoice::Third),
        ),
        ("neither a level nor «Do not map»", WireLevel::TagTwo),
    ] {
        assert_eq!(
            answer(&map_question_bytes(0, first)),
            None,
            "{bad} is no level, not «Do not map»"
        );
    }
    let first = WireLevel::Mapped(WireChoice::Position(1));
    assert_eq!(
        answer(&map_question_bytes(2, first)),
        None,
        "language 2 is no language, not English"
    );
}

fn try_question(values: &[(&str, &str)]) -> Question {
    Question::Try {
        id: 2,
        lang: Lang::En,
        expression: "Join(\",\", [a], [b])".to_owned(),
        values: values
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
    }
}

#[test]
fn a_try_question_whose_values_are_out_of_order_or_twice_is_refused() {
    // The values are kept sorted by name and looked up by binary search: out of order, a value
    // would be read as missing.
    assert!(answer(&try_question(&[("a", "1"), ("b", "2")]).to_bytes()).is_some());
    for values in [&[("b", "2"), ("a", "1")][..], &[("a", "1"), ("a", "2")]] {
        assert_eq!(answer(&try_question(values).to_bytes()), None, "{values:?}");
    }
}

#[test]
fn bytes_after_a_message_are_refused() {
    for question in [
        map_question([LevelChoice::position(2), None, LAST]),
        try_question(&[("a", "1")]),
    ] {
        let mut bytes = question.to_bytes();
        let answered = answer(&bytes).expect("the question alone is answered");
        assert!(Answer::from_bytes(&answered).is_some());
        bytes.push(0);
        assert_eq!(answer(&bytes), None, "{question:?} and a byte more");
        let mut answered = answered;
        answered.push(0);
        assert_eq!(
            Answer::from_bytes(&answered),
            None,
            "its answer and a byte more"
        );
    }
}

#[test]
fn every_message_cut_short_is_refused() {
    for question in [
        map_question([LevelChoice::position(2), None, LAST]),
        try_question(&[("a", "1")]),
    ] {
        let bytes = question.to_bytes();
        let answered = answer(&bytes).expect("the whole question is answered");
        for cut in 0..bytes.len() {
            assert_eq!(answer(&bytes[..cut]), None, "{question:?} cut at {cut}");
        }
        for cut in 0..answered.len() {
            assert_eq!(
                Answer::from_bytes(&answered[..cut]),
                None,
                "its answer cut at {cut}"
            );
        }
    }
}

#[test]
fn the_bytes_of_a_bad_question_are_refused_with_the_message_the_page_shows() {
    let good = try_question(&[("a", "1")]).to_bytes();
    let bad_questions = [
        b"not a question".to_vec(),
        good[..good.len() - 1].to_vec(),
        [good.as_slice(), &[0]].concat(),
        [&[2], &good[1..]].concat(),
        try_question(&[("b", "2"), ("a", "1")]).to_bytes(),
        map_question_bytes(0, WireLevel::Mapped(WireChoice::Position(0))),
        map_question_bytes(7, WireLevel::NotMapped),
    ];
    for bad in bad_questions {
        // Refused: no answer, so the worker sends the empty array (crates/worker)...
        assert_eq!(answer(&bad), None, "{bad:?}");
    }
    // ...which is no answer to the page either: it stops the worker, and the section says why.
    assert_eq!(Answer::from_bytes(&[]), None);
    let en = stopped_message(Stopped::Refused, Lang::En);
    assert!(
        en.starts_with("Stopped: this could not be worked out here"),
        "{en}"
    );
    assert!(en.contains("could not read each other's message"), "{en}");
    let nb = stopped_message(Stopped::Refused, Lang::Nb);
    assert!(nb.contains("kunne ikke lese hverandres melding"), "{nb}");
    assert_ne!(
        en,
        stopped_message(Stopped::Failed, Lang::En),
        "not blamed on memory"
    );
}
