//! The helpers' questions and answers: bytes refused or read as exactly one message, and what
//! an answer carries.

use super::*;

#[test]
fn a_full_samples_box_still_holds_every_sample_that_is_used() {
    let line = "A>".repeat(MAX_SAMPLE_CHARS / 2);
    assert_eq!(line.chars().count(), MAX_SAMPLE_CHARS);
    let most = vec![line.as_str(); MAX_SAMPLES].join("\n");
    assert!(most.encode_utf16().count() <= MAX_SAMPLES_BOX);
    assert!(!fills_box(&most, MAX_SAMPLES_BOX));
    // A box cut at its limit, as the browser cuts a long paste, is said to be full.
    let cut: String = "A>"
        .repeat(MAX_SAMPLES_BOX)
        .chars()
        .take(MAX_SAMPLES_BOX)
        .collect();
    assert!(fills_box(&cut, MAX_SAMPLES_BOX));
}

fn ask(question: Question) -> Answer {
    let bytes = answer(&question.to_bytes()).expect("a question gets an answer");
    Answer::from_bytes(&bytes).expect("an answer reads back")
}

fn map(samples: &str, levels: [Option<LevelChoice>; 3]) -> MapAnswer {
    let Answer::Map { answer, .. } = ask(Question::Map {
        id: 1,
        lang: Lang::En,
        samples: samples.to_owned(),
        source: "department".to_owned(),
        chosen_delimiter: None,
        levels,
    }) else {
        panic!("a map question gets a map answer")
    };
    answer
}

#[test]
fn a_map_question_is_answered_with_the_split_and_the_expressions() {
    let answer = map(
        "Contoso > Sales > EMEA\nContoso > HR",
        [None, LevelChoice::position(2), Some(LevelChoice::Last)],
    );
    assert_eq!(answer.delimiter, '>');
    assert_eq!(answer.rows.len(), 2);
    assert_eq!(answer.rows[0].levels, ["Contoso", "Sales", "EMEA"]);
    assert_eq!(answer.mappings.len(), 2);
    assert_eq!(answer.mappings[0].target, ScimTarget::Division);
    assert_eq!(answer.mappings[0].preview[0].text(), "Sales");
    assert_eq!(answer.mappings[1].preview[1].text(), "HR");
}

#[test]
fn a_line_longer_than_the_cap_is_left_out_and_counted() {
    let long = "A>".repeat(MAX_SAMPLE_CHARS / 2) + "B";
    let just = "A>".repeat(MAX_SAMPLE_CHARS / 2);
    let answer = map(
        &format!("{long}\n{just}\nX > Y"),
        [Some(LevelChoice::Last), None, None],
    );
    assert_eq!(answer.too_long, 1, "{} characters", long.chars().count());
    assert_eq!(answer.rows.len(), 2, "the line of exactly the cap is kept");
    assert_eq!(answer.rows[0].levels.len(), MAX_LEVELS_SHOWN);
    assert_eq!(
        answer.rows[0].more_levels,
        MAX_SAMPLE_CHARS / 2 + 1 - MAX_LEVELS_SHOWN
    );
    assert_eq!(answer.positions as usize, MAX_LEVELS_SHOWN);
}

#[test]
fn many_deep_samples_give_a_bounded_answer() {
    let line = "A>".repeat(400);
    let samples = vec![line.as_str(); 1_000].join("\n");
    let answer = map(
        &samples,
        [
            LevelChoice::position(1),
            LevelChoice::position(2),
            Some(LevelChoice::Last),
        ],
    );
    assert_eq!(answer.rows.len(), MAX_SAMPLES);
    assert_eq!(answer.left_out, 1_000 - MAX_SAMPLES);
    assert!(answer
        .rows
        .iter()
        .all(|row| row.levels.len() == MAX_LEVELS_SHOWN));
    assert_eq!(answer.mappings.len(), 3);
}

#[test]
fn a_long_result_is_shortened_for_showing() {
    let Answer::Try { answer, .. } = ask(Question::Try {
        id: 2,
        lang: Lang::Nb,
        expression: r#"Join("", [v])"#.to_owned(),
        values: vec![("v".to_owned(), "x".repeat(MAX_SHOWN_CHARS + 5))],
    }) else {
        panic!("a try question gets a try answer")
    };
    let TryAnswer::Evaluated { result, .. } = answer else {
        panic!("the expression evaluates: {answer:?}")
    };
    assert_eq!(result.text().chars().count(), MAX_SHOWN_CHARS + 1);
    assert!(result.text().ends_with('…'));
}

#[test]
fn a_changing_result_is_said_to_be_an_example_and_a_left_out_one_is_named() {
    let evaluated = |expression: &str, now: Option<DateTime>| {
        let question = Question::Try {
            id: 1,
            lang: Lang::En,
            expression: expression.to_owned(),
            values: Vec::new(),
        };
        let bytes = answer_at(&question.to_bytes(), now).expect("an answer");
        match Answer::from_bytes(&bytes) {
            Some(Answer::Try {
                answer: TryAnswer::Evaluated { result, note, .. },
                ..
            }) => (result, note),
            other => panic!("{other:?}"),
        }
    };
    let now = DateTime::from_parts(2024, 5, 17, 8, 0, 0);
    let (result, note) = evaluated("Now()", now);
    assert_eq!(result.text(), "5/17/2024 8:00:00 AM");
    assert_eq!(note.as_deref(), Some(changes_every_run_note(Lang::En)));
    let (_, note) = evaluated(r#"Redact(RandomString(6, 3, 0, 0, 3))"#, now);
    assert!(note.is_some());
    let (_, note) = evaluated(r#"ToUpper("a")"#, now);
    assert_eq!(note, None);
    // A changing function that gives no value: nothing is an example.
    let (_, note) = evaluated(r#"RandomString(300, 0, 0, 0, 0)"#, now);
    assert_eq!(note, None);
    let (result, _) = evaluated("IgnoreFlowIfNullOrEmpty([department])", None);
    assert_eq!(
        result,
        Shown::Value {
            text: crate::i18n::expr::Placeholder::LeftOutOfFlow
                .in_lang(Lang::En)
                .to_owned(),
            placeholder: true
        }
    );
}

#[test]
fn a_parse_error_comes_with_its_marker_and_message_in_the_language_asked() {
    let Answer::Try { id, answer } = ask(Question::Try {
        id: 9,
        lang: Lang::Nb,
        expression: "Left(".to_owned(),
        values: Vec::new(),
    }) else {
        panic!("a try question gets a try answer")
    };
    assert_eq!(id, 9);
    let TryAnswer::NotParsed { message, marker } = answer else {
        panic!("Left( does not parse")
    };
    assert!(message.starts_with("Tegn"), "{message}");
    assert_eq!(marker.before, "Left(");
}

#[test]
fn value_boxes_are_offered_for_the_first_attributes_only() {
    let names: Vec<String> = (0..MAX_ATTRIBUTES_SHOWN + 7)
        .map(|i| format!("[a{i}]"))
        .collect();
    let Answer::Try { answer, .. } = ask(Question::Try {
        id: 3,
        lang: Lang::En,
        expression: format!("Coalesce({})", names.join(", ")),
        values: Vec::new(),
    }) else {
        panic!("a try question gets a try answer")
    };
    let TryAnswer::Evaluated {
        attributes,
        attributes_left_out,
        ..
    } = answer
    else {
        panic!("the expression evaluates: {answer:?}")
    };
    assert_eq!(attributes.len(), MAX_ATTRIBUTES_SHOWN);
    assert_eq!(attributes[0], "a0");
    assert_eq!(attributes_left_out, 7);
}

#[test]
fn a_stop_keeps_the_value_boxes_and_nothing_the_answer_said() {
    let try_answer = |expression: &str| {
        let Answer::Try { answer, .. } = ask(Question::Try {
            id: 4,
            lang: Lang::En,
            expression: expression.to_owned(),
            values: vec![("mail".to_owned(), "A@Contoso.com".to_owned())],
        }) else {
            panic!("a try question gets a try answer")
        };
        answer
    };
    let evaluated = try_answer("Coalesce([mail], [userPrincipalName])");
    let stopped = TryShown::of(Some(&evaluated), true);
    let names = ["mail".to_owned(), "userPrincipalName".to_owned()];
    assert_eq!(stopped.value_boxes, Some((&names[..], 0)));
    assert_eq!(stopped.answer, None, "its result was for the values before");
    assert_eq!(
        TryShown::of(Some(&evaluated), false),
        TryShown {
            value_boxes: Some((&names[..], 0)),
            answer: Some(&evaluated),
        }
    );

    let no_attributes = try_answer(r#"Left("John Doe", 3)"#);
    assert_eq!(
        TryShown::of(Some(&no_attributes), true).value_boxes,
        Some((&[][..], 0)),
        "still an expression that reads no attributes"
    );
    let nothing = TryShown {
        value_boxes: None,
        answer: None,
    };
    for answer in [try_answer("Left("), try_answer(" ")] {
        assert_eq!(TryShown::of(Some(&answer), true), nothing, "{answer:?}");
    }
    assert_eq!(TryShown::of(None, true), nothing);
    assert_eq!(TryShown::of(None, false), nothing);
}

#[test]
fn bytes_that_are_not_a_question_get_no_answer() {
    assert_eq!(answer(&[0xFF, 0xFF, 0xFF]), None);
    assert_eq!(Answer::from_bytes(&[0xFF]), None);
}
