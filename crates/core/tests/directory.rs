//! The directory check end to end in the core: generated exports (quoted fields with commas,
//! quotes and line breaks, a BOM, `;`, CRLF) fed to the worker's state in slices of many sizes,
//! whose counts must equal what the generator knows; malformed files; every limit just under
//! and just over; «Stop» mid-way, then a new job.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::HashMap;

use scim_token_core::directory::limits::{
    MAX_DISTINCT_VALUES, MAX_EVALUATED_ROWS_PER_ANSWER, MAX_FIELD_BYTES, MAX_FILE_BYTES, MAX_ROWS,
    MAX_SAMPLE_USERS, MAX_SLICE_BYTES, SLICE_BYTES,
};
use scim_token_core::directory::{
    CheckReport, CheckSpec, DirectoryAnswer, DirectoryQuestion, DirectoryWorker, FileProblem,
    GroupId, Pass, ValueProblem,
};
use scim_token_core::expr::{LevelChoice, ScimTarget};
use scim_token_core::helpers::MAX_ATTRIBUTE_NAME_BOX;
use scim_token_core::lang::Lang;
use support::export::{export, levels, Shape, Truth};

const COMMA: Shape = Shape {
    delimiter: ',',
    bom: false,
    crlf: false,
};
const EXCEL_NB: Shape = Shape {
    delimiter: ';',
    bom: true,
    crlf: true,
};

fn spec(key_column: Option<u32>) -> CheckSpec {
    CheckSpec {
        column: 3,
        key_column,
        source: "department".to_owned(),
        delimiter: '>',
        levels: levels(),
    }
}

/// Runs one pass over `file`, in slices whose sizes cycle through `sizes`, as the page does:
/// each slice read from the last answer's `next_offset`. Returns the last answer, and the
/// results file's bytes assembled from every answer.
fn run(
    worker: &mut DirectoryWorker,
    job: u32,
    file: &[u8],
    pass: Pass,
    sizes: &[usize],
) -> (DirectoryAnswer, Vec<u8>) {
    let file_size = file.len() as u64;
    let started = worker.answer(DirectoryQuestion::Start {
        job,
        lang: Lang::En,
        file_size,
        pass,
    });
    assert!(
        matches!(started, DirectoryAnswer::Progress { next_offset: 0, .. }),
        "{started:?}"
    );
    let mut offset = 0u64;
    let mut csv = Vec::new();
    for size in sizes.iter().cycle() {
        let start = offset as usize;
        let bytes = file[start..(start + size).min(file.len())].to_vec();
        match worker.answer(DirectoryQuestion::Slice { job, offset, bytes }) {
            DirectoryAnswer::Progress {
                next_offset,
                csv: part,
                ..
            } => {
                assert!(
                    next_offset > offset || (*size == 0),
                    "no progress at {offset}"
                );
                csv.extend(part);
                offset = next_offset;
            }
            DirectoryAnswer::Written {
                csv: part,
                rows,
                job: j,
            } => {
                csv.extend(part);
                return (
                    DirectoryAnswer::Written {
                        job: j,
                        rows,
                        csv: Vec::new(),
                    },
                    csv,
                );
            }
            done => return (done, csv),
        }
    }
    unreachable!()
}

fn check(file: &[u8], sizes: &[usize]) -> CheckReport {
    match run(
        &mut DirectoryWorker::default(),
        1,
        file,
        Pass::Check(spec(Some(0))),
        sizes,
    )
    .0
    {
        DirectoryAnswer::Checked { report, .. } => report,
        other => panic!("{other:?}"),
    }
}

fn assert_report_is_true(report: &CheckReport, truth: &Truth) {
    assert_eq!(report.rows, truth.rows);
    assert_eq!(report.no_value, truth.no_value);
    for (t, target) in report.targets.iter().enumerate() {
        assert_eq!(target.target, ScimTarget::ALL[t]);
        let got: HashMap<String, u64> = target
            .values
            .iter()
            .map(|v| (v.value.clone(), v.users))
            .collect();
        assert_eq!(got, truth.values[t], "{:?}", target.target);
        assert_eq!(
            target.empty,
            truth.empty[t],
            "{:?} {:?}",
            target.target,
            (target.failed, &target.failure, report.no_value)
        );
        assert_eq!((target.failed, target.more_values_users), (0, 0));
        assert!(
            target
                .values
                .windows(2)
                .all(|two| two[0].users >= two[1].users),
            "largest first"
        );
    }
    for (problem, users) in &report.problems {
        assert_eq!(
            *users,
            truth.problems.get(problem).copied().unwrap_or(0),
            "{problem:?}"
        );
    }
    for (at, users) in report.depths.iter().enumerate() {
        assert_eq!(
            *users,
            truth.depths.get(&(at + 1)).copied().unwrap_or(0),
            "depth {}",
            at + 1
        );
    }
}

#[test]
fn a_hundred_thousand_users_give_the_true_counts_in_slices_of_any_size() {
    for shape in [COMMA, EXCEL_NB] {
        let (file, truth) = export(100_000, shape);
        for sizes in [
            &[SLICE_BYTES][..],
            &[65_537],
            &[1, 2, 3, 5, 7, 4_096, 65_536, 100_003],
        ] {
            assert_report_is_true(&check(&file, sizes), &truth);
        }
    }
}

#[test]
fn one_byte_slices_split_characters_and_quoted_line_breaks_and_read_the_same() {
    let (file, truth) = export(700, EXCEL_NB);
    assert!(
        std::str::from_utf8(&file).unwrap().contains("Ærø"),
        "characters of two bytes"
    );
    assert_report_is_true(&check(&file, &[1]), &truth);
    assert_report_is_true(&check(&file, &[2, 3]), &truth);
}

#[test]
fn the_columns_pass_finds_the_delimiter_and_the_default_columns() {
    for shape in [COMMA, EXCEL_NB] {
        let (file, _) = export(10, shape);
        for sizes in [&[1usize][..], &[SLICE_BYTES]] {
            let (answer, _) = run(
                &mut DirectoryWorker::default(),
                1,
                &file,
                Pass::Columns {
                    source: "department".to_owned(),
                },
                sizes,
            );
            let DirectoryAnswer::Columns { columns, .. } = answer else {
                panic!("{answer:?}")
            };
            assert_eq!(columns.delimiter, shape.delimiter);
            assert_eq!(
                columns.names,
                [
                    "userPrincipalName",
                    "displayName",
                    "jobTitle",
                    "Department",
                    "city"
                ]
            );
            assert_eq!(
                (columns.source_column, columns.key_column),
                (Some(3), Some(0))
            );
        }
    }
}

#[test]
fn the_survey_finds_the_delimiter_and_the_depths_over_all_rows() {
    let (file, truth) = export(100_000, EXCEL_NB);
    let (answer, _) = run(
        &mut DirectoryWorker::default(),
        1,
        &file,
        Pass::Survey { column: 3 },
        &[SLICE_BYTES],
    );
    let DirectoryAnswer::Surveyed { survey, .. } = answer else {
        panic!("{answer:?}")
    };
    assert_eq!(survey.rows, truth.rows);
    assert_eq!(survey.empty, truth.no_value);
    assert_eq!(survey.irregular_rows, 0);
    assert_eq!(survey.detected_delimiter, Some('>'));
    let arrow = &survey.delimiters[0];
    for (at, rows) in arrow.depths.iter().enumerate() {
        assert_eq!(*rows, truth.depths.get(&(at + 1)).copied().unwrap_or(0));
    }
    let most = truth
        .depths
        .iter()
        .max_by_key(|(_, users)| **users)
        .map(|(depth, _)| *depth as u32);
    assert_eq!(arrow.most_common_depth(), most);
    assert!(survey.samples.iter().any(|s| s == "Contoso > Sales > EMEA"));
    assert!(
        survey.samples.iter().all(|s| !s.contains('\n')),
        "samples are single lines"
    );
}

#[test]
fn the_results_file_has_every_user_and_the_true_levels() {
    let (file, truth) = export(20_000, EXCEL_NB);
    let (answer, csv) = run(
        &mut DirectoryWorker::default(),
        1,
        &file,
        Pass::Results(spec(Some(0))),
        &[65_536],
    );
    assert!(
        matches!(answer, DirectoryAnswer::Written { rows: 20_000, .. }),
        "{answer:?}"
    );
    assert!(csv.starts_with("\u{FEFF}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "userPrincipalName",
            "Department",
            "organization",
            "division",
            "department"
        ]
    );
    let rows: Vec<[String; 5]> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            std::array::from_fn(|i| record[i].to_owned())
        })
        .collect();
    assert_eq!(rows, truth.rows_written);
}

#[test]
fn without_a_key_column_the_results_name_rows() {
    let file = b"department\nA > B\n";
    let (_, csv) = run(
        &mut DirectoryWorker::default(),
        1,
        file,
        Pass::Results(CheckSpec {
            column: 0,
            ..spec(None)
        }),
        &[7],
    );
    assert_eq!(
        String::from_utf8(csv).unwrap(),
        "\u{FEFF}row,department,organization,division,department\r\n2,A > B,A,B,B\r\n"
    );
}

/// A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a leading `'`, as OWASP's «CSV Injection» page recommends: a
/// department typed as `=HYPERLINK(…)` in Entra must open as text in Excel, not run.
#[test]
fn the_results_file_defuses_cells_a_spreadsheet_would_run_as_formulas() {
    let file = "userPrincipalName,department\n\
        =cmd@contoso.com,=HYPERLINK(\"http://x\") > Sales\n\
        +a@contoso.com,+1 > -2\n\
        @b@contoso.com,\"@SUM(A1) > \tTab\"\n\
        c@contoso.com,\"\rCR > ok\"\n\
        d@contoso.com,Plain > 1-2 > a=b\n";
    let (_, csv) = run(
        &mut DirectoryWorker::default(),
        1,
        file.as_bytes(),
        Pass::Results(CheckSpec {
            column: 1,
            ..spec(Some(0))
        }),
        &[5],
    );
    let csv = String::from_utf8(csv).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(&csv.as_bytes()[3..]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(
        rows,
        [
            [
                "'=cmd@contoso.com",
                "'=HYPERLINK(\"http://x\") > Sales",
                "'=HYPERLINK(\"http://x\")",
                "Sales",
                "Sales"
            ],
            ["'+a@contoso.com", "'+1 > -2", "'+1", "'-2", "'-2"],
            [
                "'@b@contoso.com",
                "'@SUM(A1) > \tTab",
                "'@SUM(A1)",
                "Tab",
                "Tab"
            ],
            ["c@contoso.com", "'\rCR > ok", "CR", "ok", "ok"],
            ["d@contoso.com", "Plain > 1-2 > a=b", "Plain", "1-2", "a=b"],
        ]
    );
}

fn failure(file: &[u8], pass: Pass, sizes: &[usize]) -> Option<FileProblem> {
    match run(&mut DirectoryWorker::default(), 1, file, pass, sizes).0 {
        DirectoryAnswer::Failed {
            problem, message, ..
        } => {
            assert!(!message.is_empty());
            problem
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unclosed_quote_is_refused_with_the_row_where_it_opened() {
    let (mut file, _) = export(2_000, COMMA);
    // Row 51 (user 49) gets a quote that never closes: the rest of the file is one field.
    let at = std::str::from_utf8(&file).unwrap().find("user49@").unwrap();
    file.insert(at, b'"');
    for sizes in [&[1usize][..], &[SLICE_BYTES]] {
        assert_eq!(
            failure(&file, Pass::Survey { column: 3 }, sizes),
            Some(FileProblem::UnclosedQuote { row: 51 })
        );
    }
    // Long enough to pass the longest field: refused when it reaches it.
    let (mut big, _) = export(5_000, COMMA);
    let at = std::str::from_utf8(&big).unwrap().find("user49@").unwrap();
    big.insert(at, b'"');
    assert!(big.len() - at > MAX_FIELD_BYTES);
    assert_eq!(
        failure(&big, Pass::Survey { column: 3 }, &[SLICE_BYTES]),
        Some(FileProblem::UnclosedQuote { row: 51 })
    );
}

#[test]
fn a_binary_file_or_another_encoding_is_refused() {
    let mut file = b"department\nA\n".to_vec();
    file.extend([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
    assert_eq!(
        failure(&file, Pass::Survey { column: 0 }, &[SLICE_BYTES]),
        Some(FileProblem::Binary)
    );
    // «Tromsø» in Windows-1252, as an old Excel saves it, in row 3.
    let latin1 = b"department\nOslo\nTroms\xF8\n";
    assert_eq!(
        failure(latin1, Pass::Survey { column: 0 }, &[1]),
        Some(FileProblem::NotUtf8 { row: 3 })
    );
    assert_eq!(
        failure(
            b"",
            Pass::Columns {
                source: "department".into()
            },
            &[1]
        ),
        Some(FileProblem::Empty)
    );
}

#[test]
fn a_field_of_the_longest_length_is_read_and_one_byte_more_is_refused() {
    for (length, refused) in [(MAX_FIELD_BYTES, false), (MAX_FIELD_BYTES + 1, true)] {
        let file = format!(
            "userPrincipalName,department\nada@contoso.com,\"{}\"\n",
            "x".repeat(length)
        );
        let got = run(
            &mut DirectoryWorker::default(),
            1,
            file.as_bytes(),
            Pass::Survey { column: 1 },
            &[SLICE_BYTES],
        )
        .0;
        match got {
            DirectoryAnswer::Surveyed { survey, .. } => assert!(!refused && survey.rows == 1),
            DirectoryAnswer::Failed { problem, .. } => {
                assert!(refused);
                assert_eq!(problem, Some(FileProblem::FieldTooLong { row: 2 }));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_million_users_are_read_and_one_more_is_refused() {
    for (users, refused) in [(MAX_ROWS, false), (MAX_ROWS + 1, true)] {
        let mut file = b"department\n".to_vec();
        file.extend(b"A\n".repeat(users as usize));
        let got = run(
            &mut DirectoryWorker::default(),
            1,
            &file,
            Pass::Survey { column: 0 },
            &[SLICE_BYTES],
        )
        .0;
        match got {
            DirectoryAnswer::Surveyed { survey, .. } => assert!(!refused && survey.rows == users),
            DirectoryAnswer::Failed { problem, .. } => {
                assert!(refused);
                assert_eq!(problem, Some(FileProblem::TooManyRows));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_file_over_the_largest_size_is_refused_before_anything_is_read() {
    let mut worker = DirectoryWorker::default();
    let start = |file_size| DirectoryQuestion::Start {
        job: 1,
        lang: Lang::Nb,
        file_size,
        pass: Pass::Survey { column: 0 },
    };
    assert!(matches!(
        worker.answer(start(MAX_FILE_BYTES)),
        DirectoryAnswer::Progress { .. }
    ));
    let DirectoryAnswer::Failed {
        problem, message, ..
    } = worker.answer(start(300 << 20))
    else {
        panic!()
    };
    assert_eq!(problem, Some(FileProblem::TooLarge { bytes: 300 << 20 }));
    assert!(
        message.contains("300 MB") && message.contains("200 MB"),
        "{message}"
    );
    assert!(!worker.has_job());
}

#[test]
fn stop_mid_way_drops_the_job_and_a_new_job_starts_clean() {
    let (file, truth) = export(30_000, COMMA);
    let mut worker = DirectoryWorker::default();
    let file_size = file.len() as u64;
    worker.answer(DirectoryQuestion::Start {
        job: 1,
        lang: Lang::En,
        file_size,
        pass: Pass::Check(spec(Some(0))),
    });
    let mut offset = 0;
    for _ in 0..3 {
        let bytes = file[offset as usize..][..65_536].to_vec();
        let DirectoryAnswer::Progress { next_offset, .. } =
            worker.answer(DirectoryQuestion::Slice {
                job: 1,
                offset,
                bytes,
            })
        else {
            panic!()
        };
        offset = next_offset;
    }
    assert!(worker.retained_bytes() > 0);
    assert_eq!(
        worker.answer(DirectoryQuestion::Stop { job: 1 }),
        DirectoryAnswer::NoJob { job: 1 }
    );
    assert!(!worker.has_job());
    assert_eq!(worker.retained_bytes(), 0);
    let late = DirectoryQuestion::Slice {
        job: 1,
        offset,
        bytes: file[offset as usize..][..10].to_vec(),
    };
    assert_eq!(worker.answer(late), DirectoryAnswer::NoJob { job: 1 });
    let (answer, _) = run(
        &mut worker,
        2,
        &file,
        Pass::Check(spec(Some(0))),
        &[SLICE_BYTES],
    );
    let DirectoryAnswer::Checked { report, job: 2 } = answer else {
        panic!("{answer:?}")
    };
    assert_report_is_true(&report, &truth);
}

#[test]
fn groups_keep_a_few_users_to_show() {
    let (file, truth) = export(5_000, COMMA);
    let mut worker = DirectoryWorker::default();
    run(
        &mut worker,
        4,
        &file,
        Pass::Check(spec(Some(0))),
        &[SLICE_BYTES],
    );
    let group = GroupId::Problem(ValueProblem::UnusualSpace);
    let DirectoryAnswer::Users { users, total, .. } =
        worker.answer(DirectoryQuestion::Users { job: 4, group })
    else {
        panic!()
    };
    assert_eq!(total, truth.problems[&ValueProblem::UnusualSpace]);
    assert_eq!(users.len(), MAX_SAMPLE_USERS);
    let first = &truth.rows_written[(users[0].row - 2) as usize];
    assert_eq!(users[0].key, first[0]);
    assert!(first[1].contains('\u{A0}'));
    let group = GroupId::Value {
        target: ScimTarget::Department,
        value: "EMEA".to_owned(),
    };
    let DirectoryAnswer::Users { total, .. } =
        worker.answer(DirectoryQuestion::Users { job: 4, group })
    else {
        panic!()
    };
    assert_eq!(total, truth.values[2]["EMEA"]);
    let DirectoryAnswer::Users { total, .. } = worker.answer(DirectoryQuestion::Users {
        job: 4,
        group: GroupId::NoValue,
    }) else {
        panic!()
    };
    assert_eq!(total, truth.no_value);
}

#[test]
fn distinct_values_beyond_the_most_kept_are_counted_together() {
    let extra = 37;
    let mut file = String::from("department\n");
    for i in 0..MAX_DISTINCT_VALUES + extra {
        file.push_str(&format!("Contoso > Team {i}\n"));
    }
    let report = match run(
        &mut DirectoryWorker::default(),
        1,
        file.as_bytes(),
        Pass::Check(CheckSpec {
            column: 0,
            ..spec(None)
        }),
        &[SLICE_BYTES],
    )
    .0
    {
        DirectoryAnswer::Checked { report, .. } => report,
        other => panic!("{other:?}"),
    };
    let department = &report.targets[2];
    assert_eq!(department.values.len(), MAX_DISTINCT_VALUES);
    assert_eq!(department.more_values_users, extra as u64);
    assert_eq!(report.targets[0].values.len(), 1, "all Contoso");
}

#[test]
fn an_answer_evaluates_a_bounded_number_of_new_values_and_the_rest_comes_again() {
    let mut file = String::from("department\n");
    for i in 0..3 * MAX_EVALUATED_ROWS_PER_ANSWER {
        file.push_str(&format!("Contoso > Team {i}\n"));
    }
    let mut worker = DirectoryWorker::default();
    let file_size = file.len() as u64;
    worker.answer(DirectoryQuestion::Start {
        job: 1,
        lang: Lang::En,
        file_size,
        pass: Pass::Check(CheckSpec {
            column: 0,
            ..spec(None)
        }),
    });
    let answer = worker.answer(DirectoryQuestion::Slice {
        job: 1,
        offset: 0,
        bytes: file.into_bytes(),
    });
    let DirectoryAnswer::Progress {
        rows, next_offset, ..
    } = answer
    else {
        panic!("{answer:?}")
    };
    assert_eq!(rows, MAX_EVALUATED_ROWS_PER_ANSWER as u64);
    assert!(next_offset < file_size);
}

#[test]
fn directory_messages_travel_as_bytes_and_a_slice_too_large_is_refused() {
    let mut worker = DirectoryWorker::default();
    let ask = |worker: &mut DirectoryWorker, question: DirectoryQuestion| {
        worker
            .answer_bytes(&question.to_bytes())
            .map(|bytes| DirectoryAnswer::from_bytes(&bytes).expect("an answer"))
    };
    let file = b"department\nA > B\n";
    let start = DirectoryQuestion::Start {
        job: 3,
        lang: Lang::En,
        file_size: file.len() as u64,
        pass: Pass::Survey { column: 0 },
    };
    assert!(matches!(
        ask(&mut worker, start),
        Some(DirectoryAnswer::Progress { job: 3, .. })
    ));
    let slice = DirectoryQuestion::Slice {
        job: 3,
        offset: 0,
        bytes: file.to_vec(),
    };
    let Some(DirectoryAnswer::Surveyed { survey, .. }) = ask(&mut worker, slice) else {
        panic!()
    };
    assert_eq!(survey.rows, 1);
    let too_large = DirectoryQuestion::Slice {
        job: 3,
        offset: 0,
        bytes: vec![b'a'; MAX_SLICE_BYTES + 1],
    };
    assert_eq!(ask(&mut worker, too_large), None);
    let just = DirectoryQuestion::Slice {
        job: 3,
        offset: 0,
        bytes: vec![b'a'; MAX_SLICE_BYTES],
    };
    assert!(ask(&mut worker, just).is_some());
    let long_name = |length: usize| DirectoryQuestion::Start {
        job: 4,
        lang: Lang::Nb,
        file_size: 1,
        pass: Pass::Columns {
            source: "a".repeat(length),
        },
    };
    assert!(ask(&mut worker, long_name(MAX_ATTRIBUTE_NAME_BOX)).is_some());
    assert_eq!(
        ask(&mut worker, long_name(MAX_ATTRIBUTE_NAME_BOX + 1)),
        None
    );
}

#[test]
fn directory_bytes_are_read_as_exactly_one_message_or_refused() {
    let question = DirectoryQuestion::Users {
        job: 7,
        group: GroupId::EmptyLevel(ScimTarget::Division),
    };
    let bytes = question.to_bytes();
    assert_eq!(DirectoryQuestion::from_bytes(&bytes), Some(question));
    for cut in 0..bytes.len() {
        assert_eq!(DirectoryQuestion::from_bytes(&bytes[..cut]), None, "{cut}");
    }
    assert_eq!(
        DirectoryQuestion::from_bytes(&[&bytes[..], &[0]].concat()),
        None
    );
    assert_eq!(
        DirectoryQuestion::from_bytes(&[4, 0]),
        None,
        "no fifth question"
    );
    let answer = DirectoryAnswer::Failed {
        job: 7,
        problem: Some(FileProblem::Binary),
        message: "not a text file".to_owned(),
    };
    let bytes = answer.to_bytes();
    assert_eq!(DirectoryAnswer::from_bytes(&bytes), Some(answer));
    assert_eq!(DirectoryAnswer::from_bytes(&bytes[..bytes.len() - 1]), None);
    assert_eq!(
        DirectoryAnswer::from_bytes(&[&bytes[..], &[0]].concat()),
        None
    );
    assert_eq!(
        DirectoryAnswer::from_bytes(&[8, 0]),
        None,
        "no ninth answer"
    );
    // A helpers' question is not a directory question, nor the other way round.
    let helpers = scim_token_core::helpers::Question::Try {
        id: 1,
        lang: Lang::En,
        expression: "[a]".to_owned(),
        values: Vec::new(),
    };
    assert!(DirectoryWorker::default()
        .answer_bytes(&helpers.to_bytes())
        .is_none());
}

#[test]
fn an_unusable_delimiter_is_said_in_the_language_asked() {
    let file = b"department\nA\n";
    let bad = CheckSpec {
        column: 0,
        delimiter: ' ',
        ..spec(None)
    };
    let (answer, _) = run(
        &mut DirectoryWorker::default(),
        1,
        file,
        Pass::Check(bad),
        &[SLICE_BYTES],
    );
    let DirectoryAnswer::Failed {
        problem: None,
        message,
        ..
    } = answer
    else {
        panic!("{answer:?}")
    };
    assert!(!message.is_empty());
    let level = LevelChoice::position(1);
    assert!(level.is_some());
}
