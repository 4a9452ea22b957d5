//! A generated users export whose generator knows the truth: the rows, and what every user's
//! department gives for each level, counted by the mapping helper's own split
//! (`split_preview` and `LevelChoice::pick`, which the builder's tests prove agree with the
//! expressions), not by the code under test.

use std::collections::HashMap;

use scim_token_core::directory::ValueProblem;
use scim_token_core::expr::{split_preview, LevelChoice};

/// The departments users get, with the problems each has (by hand).
pub const DEPARTMENTS: [(&str, &[ValueProblem]); 15] = [
    ("Contoso > Sales > EMEA", &[]),
    ("Contoso > Sales > Nordics", &[]),
    ("Contoso > R&D", &[]),
    ("Contoso > HR > Payroll, Oslo", &[]),
    ("Contoso >> Finance", &[ValueProblem::DoubledDelimiter]),
    (" Contoso > IT ", &[ValueProblem::SpaceAtEnds]),
    ("Contoso > Sales >", &[ValueProblem::TrailingDelimiter]),
    ("Contoso\u{A0}> Marketing", &[ValueProblem::UnusualSpace]),
    ("Contoso > R\u{2013}D", &[ValueProblem::UnusualDash]),
    ("Contoso > \"Quoted\" > Team", &[]),
    ("Contoso > Line\r\nBreak", &[]),
    ("", &[]),
    ("Fabrikam", &[]),
    ("Ærø > Øst > Sør", &[]),
    ("Contoso › Legal", &[ValueProblem::LookAlikeDelimiter]),
];

/// The levels the check maps: organization = 1st, division = 2nd, department = last.
pub fn levels() -> [Option<LevelChoice>; 3] {
    [
        LevelChoice::position(1),
        LevelChoice::position(2),
        Some(LevelChoice::Last),
    ]
}

/// How an export is written.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// `,` or `;`.
    pub delimiter: char,
    /// A UTF-8 byte-order mark first.
    pub bom: bool,
    /// CRLF line ends (else LF).
    pub crlf: bool,
}

/// What the generator knows of its export.
#[derive(Debug, Default)]
pub struct Truth {
    pub rows: u64,
    pub no_value: u64,
    /// Per target: each non-empty level's users.
    pub values: [HashMap<String, u64>; 3],
    /// Per target: users whose level is empty.
    pub empty: [u64; 3],
    pub problems: HashMap<ValueProblem, u64>,
    /// Users by depth (non-empty values).
    pub depths: HashMap<usize, u64>,
    /// Each user's row: the key, the department, the three levels (for exports of at most
    /// 100,000 users, to spare the measure's memory).
    pub rows_written: Vec<[String; 5]>,
}

fn quoted(field: &str, delimiter: char) -> String {
    if field.contains([delimiter, '"', '\n', '\r']) || field.starts_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// An export of `users` users.
pub fn export(users: usize, shape: Shape) -> (Vec<u8>, Truth) {
    let end = if shape.crlf { "\r\n" } else { "\n" };
    let d = shape.delimiter;
    let mut file = String::new();
    if shape.bom {
        file.push('\u{FEFF}');
    }
    let header = [
        "userPrincipalName",
        "displayName",
        "jobTitle",
        "Department",
        "city",
    ];
    file.push_str(&header.join(&d.to_string()));
    file.push_str(end);
    let mut truth = Truth::default();
    for i in 0..users {
        let (department, problems) = DEPARTMENTS[(i * 7 + i / 13) % DEPARTMENTS.len()];
        let upn = format!("user{i}@contoso.com");
        let name = format!("Nordmann{i}, Ola");
        let title = if i % 3 == 0 {
            "Senior \"Lead\""
        } else {
            "Engineer"
        };
        let city = if i % 5 == 0 {
            "Tromsø;\nNorth"
        } else {
            "Oslo"
        };
        let fields = [upn.as_str(), &name, title, department, city];
        let line: Vec<String> = fields.iter().map(|f| quoted(f, d)).collect();
        file.push_str(&line.join(&d.to_string()));
        file.push_str(end);

        truth.rows += 1;
        let split = split_preview(department, '>').levels;
        let mut written = [
            upn.clone(),
            department.to_owned(),
            String::new(),
            String::new(),
            String::new(),
        ];
        for (t, level) in levels().iter().enumerate() {
            let level = if department.is_empty() {
                ""
            } else {
                level.unwrap().pick(&split)
            };
            written[t + 2] = level.to_owned();
            if level.is_empty() {
                truth.empty[t] += 1;
            } else {
                *truth.values[t].entry(level.to_owned()).or_default() += 1;
            }
        }
        if users <= 100_000 {
            truth.rows_written.push(written);
        }
        if department.is_empty() {
            truth.no_value += 1;
        } else {
            *truth
                .depths
                .entry(department.split('>').count())
                .or_default() += 1;
        }
        for problem in problems.iter() {
            *truth.problems.entry(*problem).or_default() += 1;
        }
    }
    (file.into_bytes(), truth)
}
