//! The differential test: the evaluator's `Replace`, and each of its other functions, against
//! .NET itself. Mono's reference-source `System.Text.RegularExpressions`, `System.String`,
//! `System.Globalization` and `System.Convert` (Oracle.cs, run once under `mono`) answer the
//! same seeded, generated cases as the evaluator (functions.rs has the functions' part, each
//! function against the .NET call it mirrors, docs/helpers.md); every case must agree
//! or be declined honestly (the evaluator's «cannot answer exactly», where the reason it gives
//! holds). A differing case is printed as a ready-to-paste regression test. docs/oracle.md has
//! the design.
//!
//! `ORACLE_SEED=N cargo test -p scim-token-expr --test oracle -- --nocapture` repeats a run;
//! without it the seed comes from the clock and is printed. Without Mono the test fails and says
//! to run scripts/setup.sh, unless `SCIM_ORACLE_SKIP=1`.

mod cases;
mod functions;
mod gen;
mod mono;

use std::collections::BTreeMap;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use cases::Verdict;
use gen::Rng;

/// The most of all cases the evaluator may decline, in per mille. Measured with
/// `for s in 1 2 3 4 5 6 7 8; do ORACLE_SEED=$s cargo test -q -p scim-token-expr --test oracle
/// -- --nocapture; done`: 31.5 to 32.2 % before issue 26's regex work (a ceiling of 33 %), 13.3
/// to 13.8 % after it (the rest is mostly lookaround, backreferences and the like, and patterns
/// .NET rejects too, counted as agreeing). Set a little above the largest share seen, so it
/// cannot grow unnoticed: lower it when the evaluator answers more.
const DECLINED_CEILING_PER_MILLE: usize = 150;

/// How many org paths each of the helper's patterns (7 delimiters × 9 levels) is asked about.
const PATHS_PER_HELPER_PATTERN: usize = 130;
/// How many random patterns, with random replacements and inputs.
const RANDOM_PATTERNS: usize = 10_000;
/// How many cases of Replace's other forms.
const OTHER_FORMS: usize = 3_000;
/// About how many cases of each of the other functions (some get two or three times this).
const CASES_PER_FUNCTION: usize = 200;
/// The most each function may decline, in per mille of its cases. Measured with seeds 1 to 8
/// (`for s in 1 2 3 4 5 6 7 8; do ORACLE_SEED=$s cargo test -q -p scim-token-expr --test oracle
/// -- --nocapture; done`), the smallest and largest share seen in the comments, and set about
/// five points above the largest (a row has 200 to 600 cases, so its share varies by a few
/// points from seed to seed); the rows over every character are the same in every run. A
/// function missing here may decline nothing. The shares are high where the generators aim at
/// what is refused on purpose (Split's empty and spaced parts, InStr's needles not found, date
/// text without a zone, letters beyond the scripts PCase and ToUpper are sure of).
const FUNCTION_DECLINED_CEILING_PER_MILLE: &[(&str, usize)] = &[
    ("BitAnd", 300),                 // 20.0–25.2 %
    ("CBool", 180),                  // 7.5–12.8 %
    ("CDate", 390),                  // 27.0–33.8 %
    ("CStr", 160),                   // 8.2–10.7 %
    ("DateAdd", 250),                // 14.2–19.8 %
    ("DateDiff", 260),               // 16.5–20.5 %
    ("FormatDateTime", 340),         // 24.5–28.3 %
    ("InStr", 650),                  // 50.0–59.5 %
    ("Left", 40),                    // 0.0–1.5 %
    ("Mid", 200),                    // 8.0–14.0 %
    ("Not", 310),                    // 15.0–25.5 %
    ("NumFromDate", 380),            // 26.8–32.2 %
    ("PCase", 500),                  // 38.0–44.8 %
    ("PCase, separators", 700),      // 58.0–65.0 %
    ("RemoveDuplicates", 220),       // 8.5–16.5 %
    ("Split", 780),                  // 62.5–72.5 %
    ("ToLower", 250),                // 11.8–18.8 %
    ("ToLower, each character", 10), // 0.9 %
    ("ToUpper", 500),                // 39.0–44.8 %
    ("ToUpper, each character", 24), // 2.3 %
];
/// How many differing cases are printed in full.
const PRINTED_DIFFERENCES: usize = 10;

fn seed() -> u64 {
    match std::env::var("ORACLE_SEED") {
        Ok(seed) => seed.trim().parse().expect("ORACLE_SEED is a whole number"),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
    }
}

#[derive(Default)]
struct Counts {
    cases: usize,
    agreeing: usize,
    /// Of the agreeing: no value from either.
    no_value: usize,
    declined: usize,
    differing: usize,
}

impl Counts {
    fn add(&mut self, verdict: &Verdict) {
        self.cases += 1;
        match verdict {
            Verdict::Agree => self.agreeing += 1,
            Verdict::NoValue => {
                self.agreeing += 1;
                self.no_value += 1;
            }
            Verdict::Declined => self.declined += 1,
            Verdict::Differ(_) => self.differing += 1,
        }
    }

    fn line(&self) -> String {
        format!(
            "{:>6} cases, {:>6} agreeing ({:>4} of them no value), {:>5} declined ({:.1} %), {} differing",
            self.cases,
            self.agreeing,
            self.no_value,
            self.declined,
            per_cent(self.declined, self.cases),
            self.differing
        )
    }
}

/// At most 3,000 characters of `text`: a case over the whole plane is too long to read.
fn short(text: &str) -> String {
    match text.char_indices().nth(3_000) {
        Some((cut, _)) => format!(
            "{}… ({} characters left out)",
            &text[..cut],
            text[cut..].chars().count()
        ),
        None => text.to_owned(),
    }
}

/// The kind of a decline without its position or character, to group them.
fn reason(kind: &scim_token_expr::EvalErrorKind) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in format!("{kind:?}").chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c != ' ' => out.push(c),
            _ => {}
        }
    }
    out
}

fn per_cent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn the_evaluator_agrees_with_dotnet() {
    if mono::available().is_none() {
        return;
    }
    let started = Instant::now();
    let seed = seed();
    println!("oracle: seed {seed} (ORACLE_SEED={seed} repeats this run)");
    let mut rng = Rng::new(seed);
    let mut cases = gen::helper_cases(&mut rng, PATHS_PER_HELPER_PATTERN);
    cases.extend(gen::regex_cases(&mut rng, RANDOM_PATTERNS));
    cases.extend(gen::form_cases(&mut rng, OTHER_FORMS));
    cases.extend(gen::class_cases());
    let mut function_cases = functions::function_cases(&mut rng, CASES_PER_FUNCTION);
    function_cases.extend(functions::plane_cases());

    let mut requests: Vec<String> = cases.iter().map(|case| case.request()).collect();
    requests.extend(function_cases.iter().map(|case| case.request()));
    let mut answers = mono::ask(requests);
    let function_answers = answers.split_off(cases.len());

    let mut total = Counts::default();
    let mut families: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut printed = 0;
    for (i, (case, answer)) in cases.iter().zip(&answers).enumerate() {
        let (ours, verdict) = case.judge(answer);
        total.add(&verdict);
        families.entry(case.family).or_default().add(&verdict);
        if verdict == Verdict::Declined {
            if let Err(kind) = &ours {
                *reasons.entry(reason(kind)).or_default() += 1;
            }
        }
        if let Verdict::Differ(why) = &verdict {
            if printed < PRINTED_DIFFERENCES {
                printed += 1;
                println!(
                    "\noracle: case {i} differs: {why}\n  .NET: {}\n  evaluator: {}\n{}\n",
                    short(&format!("{answer:?}")),
                    short(&format!("{ours:?}")),
                    short(&case.regression_test(&format!("oracle_seed_{seed}_case_{i}"), answer))
                );
            }
        }
    }
    for (family, counts) in &families {
        println!("oracle: {family:<24} {}", counts.line());
    }
    println!("oracle: {:<24} {}", "all", total.line());
    println!("oracle: declined, by reason:");
    for (reason, count) in &reasons {
        println!("oracle:   {count:>6}  {reason}");
    }

    // The other functions, each against the .NET call it mirrors.
    let mut by_function: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut function_total = Counts::default();
    let mut function_reasons: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (case, answer)) in function_cases.iter().zip(&function_answers).enumerate() {
        let (ours, verdict) = case.judge(answer);
        function_total.add(&verdict);
        by_function.entry(case.function).or_default().add(&verdict);
        if verdict == Verdict::Declined {
            if let Err(error) = &ours {
                let kind = match error {
                    scim_token_expr::ExprError::Eval(e) => reason(&e.kind),
                    scim_token_expr::ExprError::Parse(p) => format!("{:?}", p.kind),
                };
                *function_reasons
                    .entry(format!("{}: {kind}", case.function))
                    .or_default() += 1;
            }
        }
        if let Verdict::Differ(why) = &verdict {
            if printed < PRINTED_DIFFERENCES {
                printed += 1;
                println!(
                    "\noracle: function case {i} differs: {why}\n  .NET: {}\n  evaluator: {}\n{}\n",
                    short(&format!("{answer:?}")),
                    short(&format!("{ours:?}")),
                    case.regression_test(&format!("oracle_seed_{seed}_function_{i}"), answer)
                );
            }
        }
    }
    println!("oracle: the other functions against the .NET call each mirrors:");
    for (function, counts) in &by_function {
        println!("oracle: {function:<24} {}", counts.line());
    }
    println!("oracle: {:<24} {}", "all functions", function_total.line());
    println!("oracle: functions declined, by reason:");
    for (reason, count) in &function_reasons {
        println!("oracle:   {count:>6}  {reason}");
    }
    println!(
        "oracle: {:.1} s with one mono process (ceiling on declined: {:.1} %)",
        started.elapsed().as_secs_f64(),
        DECLINED_CEILING_PER_MILLE as f64 / 10.0
    );
    assert!(total.cases >= 20_000, "at least 20,000 cases a run");
    assert!(
        function_total.cases >= 5_000,
        "at least 5,000 function cases a run"
    );
    assert_eq!(
        function_total.differing, 0,
        "the evaluator's functions differ from .NET (seed {seed}); the differing cases are printed above"
    );
    for (function, counts) in &by_function {
        let ceiling = FUNCTION_DECLINED_CEILING_PER_MILLE
            .iter()
            .find(|(name, _)| name == function)
            .map_or(0, |(_, ceiling)| *ceiling);
        assert!(
            counts.declined * 1000 <= ceiling * counts.cases,
            "{function}: the evaluator declined {:.1} % of the cases, more than its ceiling of {:.1} % (seed {seed})",
            per_cent(counts.declined, counts.cases),
            ceiling as f64 / 10.0
        );
    }
    assert_eq!(
        total.differing, 0,
        "the evaluator differs from .NET (seed {seed}); the differing cases are printed above"
    );
    assert!(
        total.declined * 1000 <= DECLINED_CEILING_PER_MILLE * total.cases,
        "the evaluator declined {:.1} % of the cases, more than the ceiling of {:.1} % (seed {seed})",
        per_cent(total.declined, total.cases),
        DECLINED_CEILING_PER_MILLE as f64 / 10.0
    );
}
