//! The generated cases, all from one seed: the mapping helper's own patterns over generated org
//! paths, random patterns of the claimed subset and of what the evaluator refuses, every `$`
//! form of a replacement, every form of Replace, and each class over the whole Basic
//! Multilingual Plane.

use scim_token_expr::{build, level_pattern, LevelChoice, DELIMITERS};

use crate::cases::{Case, Form};

/// A small seeded generator (SplitMix64): the same seed gives the same cases everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Characters inputs are made of: ASCII, Latin and other letters of every case category,
/// digits that are Nd and numbers that are not, combining marks (Mn and Mc), joiners, spaces of
/// several kinds, line ends (CR LF, NEL, LINE SEPARATOR), NUL, a character outside the Basic
/// Multilingual Plane, and characters assigned after Unicode 6.3 (U+037F, U+08B6, U+A7AF).
const INPUT_CHARS: &[&str] = &[
    "a", "b", "c", "A", "B", "x", "Z", "0", "1", "7", "9", " ", " ", "-", "_", ".", ",", ">", "|",
    "/", "\\", "@", "(", ")", "[", "]", "{", "}", "$", "*", "+", "?", "^", "'", "\"", "é", "ø",
    "Å", "ß", "ǅ", "ʰ", "中", "ה", "β", "Ж", "٣", "߀", "²", "Ⅻ", "\u{0301}", "\u{0903}",
    "\u{20DD}", "\u{200C}", "\u{200D}", "\u{00A0}", "\u{2003}", "\u{180E}", "\u{FEFF}", "\u{00AD}",
    "\r\n", "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\0", "😀",
    "\u{037F}", "\u{08B6}", "\u{A7AF}", "\u{E000}", "‿", "€", "«", "»",
];

/// A random input of up to `max` pieces, some taken from `extra` (the pattern's own characters,
/// so that patterns match now and then).
pub fn input(rng: &mut Rng, max: usize, extra: &[char]) -> String {
    let len = rng.below(max + 1);
    let mut s = String::new();
    for _ in 0..len {
        if !extra.is_empty() && rng.chance(40) {
            s.push(rng.pick(extra));
        } else {
            s.push_str(rng.pick(INPUT_CHARS));
        }
    }
    s
}

/// An org path: levels (some empty, some with inner spaces or non-ASCII letters) joined by the
/// delimiter with assorted spacing, sometimes with a delimiter or spaces at either end, a CR LF,
/// or another delimiter inside a level.
fn org_path(rng: &mut Rng, delimiter: char) -> String {
    const WORDS: &[&str] = &[
        "Contoso",
        "Sales",
        "EMEA",
        "R&D",
        "HR",
        "Nord-Norge",
        "Økonomi",
        "Drift og støtte",
        "中国",
        "Ünternehmen",
        "IT",
        "a",
        "",
        " ",
        "Team 7",
        "ÅS",
        "Zoë",
        "O'Brien",
    ];
    const SPACING: &[(&str, &str)] = &[
        ("", ""),
        (" ", " "),
        (" ", ""),
        ("", " "),
        ("  ", "  "),
        ("\t", " "),
        ("\u{00A0}", "\u{00A0}"),
    ];
    let levels = rng.below(10);
    let mut path = String::new();
    if rng.chance(10) {
        path.push_str(rng.pick(&[" ", "  ", "\t", "\r\n"]));
    }
    if rng.chance(8) {
        path.push(delimiter);
    }
    for i in 0..levels {
        if i > 0 {
            let (before, after) = rng.pick(SPACING);
            path.push_str(before);
            path.push(delimiter);
            path.push_str(after);
        }
        let mut level = rng.pick(WORDS).to_string();
        if rng.chance(10) {
            level.push(rng.pick(&DELIMITERS));
        }
        if rng.chance(5) {
            level.push_str("\r\n");
        }
        if rng.chance(5) {
            level = input(rng, 4, &[]);
        }
        path.push_str(&level);
    }
    if rng.chance(10) {
        path.push(delimiter);
    }
    if rng.chance(10) {
        path.push_str(rng.pick(&[" ", "  ", "\n", "\r\n", " \r\n"]));
    }
    path
}

/// The helper's expressions, every delimiter and level 1 to 8 and «the last», over `per`
/// generated paths each.
pub fn helper_cases(rng: &mut Rng, per: usize) -> Vec<Case> {
    let mut cases = Vec::new();
    for &delimiter in &DELIMITERS {
        let choices = (1..=8)
            .filter_map(LevelChoice::position)
            .chain([LevelChoice::Last]);
        for level in choices {
            let pattern = level_pattern(delimiter, level).expect("a helper delimiter");
            // The helper's expression is exactly this case's: the pattern and `${level}`.
            let built = build("s", delimiter, level).expect("a helper delimiter");
            for _ in 0..per {
                let case = Case {
                    family: "helper patterns",
                    source: org_path(rng, delimiter),
                    form: Form::Regex {
                        pattern: pattern.clone(),
                        replacement: "${level}".into(),
                    },
                };
                assert_eq!(
                    case.expression(),
                    built,
                    "the case is the helper's expression"
                );
                cases.push(case);
            }
        }
    }
    cases
}

/// Categories and blocks that `\p{…}` names, and names it does not have.
const PROPERTIES: &[&str] = &[
    "L",
    "Lu",
    "Ll",
    "Lt",
    "Lm",
    "Lo",
    "M",
    "Mn",
    "Mc",
    "Me",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Ps",
    "Pe",
    "Pi",
    "Pf",
    "Po",
    "S",
    "Sm",
    "Sc",
    "Sk",
    "So",
    "Z",
    "Zs",
    "Zl",
    "Zp",
    "C",
    "Cc",
    "Cf",
    "Cs",
    "Co",
    "Cn",
    "IsBasicLatin",
    "IsLatin-1Supplement",
    "IsGreek",
    "IsGreekandCoptic",
    "IsCyrillic",
    "IsHebrew",
    "IsArabic",
    "IsCJKUnifiedIdeographs",
    "IsSpecials",
    "IsPrivateUse",
    "IsPrivateUseArea",
    "IsGeneralPunctuation",
    "IsNKo",
    "IsLatinExtended-A",
    "IsCombiningDiacriticalMarks",
    "Lx",
    "isGreek",
    "IsKlingon",
    "_xmlW",
    "L&",
    "",
];

/// A random pattern: of the claimed subset mostly, and of what the evaluator refuses or .NET
/// rejects now and then. Named groups are `a`, `b`, `level` or `é`.
pub fn gen_pattern(rng: &mut Rng, depth: usize) -> String {
    let branches = if rng.chance(20) { 2 + rng.below(2) } else { 1 };
    let mut alternatives = Vec::new();
    for _ in 0..branches {
        let mut branch = String::new();
        for _ in 0..rng.below(4) + usize::from(depth == 0) {
            branch.push_str(&atom(rng, depth));
            branch.push_str(&quantifier(rng));
        }
        alternatives.push(branch);
    }
    alternatives.join("|")
}

fn quantifier(rng: &mut Rng) -> String {
    if rng.chance(65) {
        return String::new();
    }
    let mut q = if rng.chance(90) {
        rng.pick(&["*", "+", "?", "{2}", "{0,2}", "{1,}", "{3,5}", "{0}", "{1}"])
    } else {
        rng.pick(&["{,2}", "{2,1}", "*+", "{99999999999}"])
    }
    .to_string();
    if rng.chance(30) {
        q.push('?');
    }
    q
}

fn class_atom(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => rng
            .pick(&["a-z", "A-Z", "0-9", "à-ÿ", "α-ω", "!-/", "\\x41-\\x5A"])
            .to_string(),
        1 => rng
            .pick(&["\\s", "\\S", "\\d", "\\D", "\\w", "\\W"])
            .to_string(),
        2 => format!("\\{}{{{}}}", rng.pick(&["p", "P"]), rng.pick(PROPERTIES)),
        3 => rng
            .pick(&[
                "\\x2D", "\\u00e9", "\\t", "\\n", "\\-", "\\]", "\\\\", "\\b",
            ])
            .to_string(),
        4 if rng.chance(30) => rng
            .pick(&["-", "^", "[", "]", "z-a", "a-\\d", "\\q"])
            .to_string(),
        _ => {
            let c = rng.pick(&INPUT_CHARS[..50]).to_string();
            match c.as_str() {
                "\\" | "]" | "[" | "^" | "-" => format!("\\{c}"),
                _ => c,
            }
        }
    }
}

fn atom(rng: &mut Rng, depth: usize) -> String {
    let group = depth < 3;
    match rng.below(if group { 22 } else { 17 }) {
        0..=5 => {
            let c = rng.pick(&INPUT_CHARS[..58]).to_string();
            match c.as_str() {
                "\\" | "." | "(" | ")" | "[" | "]" | "{" | "}" | "$" | "*" | "+" | "?" | "^"
                | "|" => format!("\\{c}"),
                " " if rng.chance(50) => "\\ ".into(),
                _ => c,
            }
        }
        6 => ".".into(),
        7 => rng
            .pick(&["\\s", "\\S", "\\d", "\\D", "\\w", "\\W"])
            .to_string(),
        8 => rng
            .pick(&[
                "^", "$", "\\A", "\\z", "\\Z", "\\b", "\\B", "\\G", "\\b", "\\B",
            ])
            .to_string(),
        9 if rng.chance(85) => rng
            .pick(&[
                "\\x41", "\\x2d", "\\x20", "\\xE9", "\\u00e9", "\\u4E2D", "\\u0020", "\\t", "\\n",
                "\\r", "\\f", "\\v", "\\a", "\\e", "\\x0A", "\\u200D", "\\x5c", "\\u005D",
            ])
            .to_string(),
        9 => rng
            .pick(&["\\x4", "\\u12", "\\xZZ", "\\0", "\\cA", "\\q", "\\_", "\\é"])
            .to_string(),
        10 => format!("\\{}{{{}}}", rng.pick(&["p", "P"]), rng.pick(PROPERTIES)),
        11 => {
            let mut class = String::from("[");
            if rng.chance(30) {
                class.push('^');
            }
            for _ in 0..1 + rng.below(3) {
                class.push_str(&class_atom(rng));
            }
            if rng.chance(5) {
                class.push_str("-[aeiou]");
            }
            if rng.chance(97) {
                class.push(']');
            }
            class
        }
        12 if rng.chance(40) => rng
            .pick(&[
                "\\1", "\\k<a>", "(?i)", "(?m)", "(?#note)", "a{", "{", "}", "*", ")", "(", "\\",
            ])
            .to_string(),
        12..=16 => rng.pick(&["a", "b", "-", " ", "é", "1"]).to_string(),
        _ => {
            let inner = gen_pattern(rng, depth + 1);
            let open = if rng.chance(85) {
                rng.pick(&[
                    "(",
                    "(",
                    "(?:",
                    "(?<a>",
                    "(?<b>",
                    "(?<level>",
                    "(?<é>",
                    "(?'a'",
                ])
            } else {
                rng.pick(&["(?=", "(?!", "(?<=", "(?>", "(?<1>", "(?i:", "(?<a-b>"])
            };
            format!("{open}{inner})")
        }
    }
}

/// A random replacement: literal text and every `$` form .NET reads, valid or not.
pub fn replacement(rng: &mut Rng) -> String {
    const DOLLARS: &[&str] = &[
        "$$",
        "$&",
        "$`",
        "$'",
        "$+",
        "$_",
        "$0",
        "$1",
        "$2",
        "$3",
        "$9",
        "$10",
        "$01",
        "$12",
        "${0}",
        "${1}",
        "${2}",
        "${3}",
        "${10}",
        "${a}",
        "${b}",
        "${level}",
        "${é}",
        "${nope}",
        "${",
        "${}",
        "${1a}",
        "${ a}",
        "$",
        "$x",
        "$-",
        "${a",
        "$2147483647",
        "$2147483648",
        "${2147483648}",
        "$99999999999",
    ];
    let mut s = String::new();
    for _ in 0..rng.below(5) {
        if rng.chance(55) {
            s.push_str(rng.pick(DOLLARS));
        } else {
            s.push_str(rng.pick(&["-", "x", "1", "0", "{", "}", " ", "é", "\\", "\r\n", "ab"]));
        }
    }
    s
}

/// Random patterns with random replacements over random inputs.
pub fn regex_cases(rng: &mut Rng, count: usize) -> Vec<Case> {
    (0..count)
        .map(|_| {
            let pattern = gen_pattern(rng, 0);
            let chars: Vec<char> = pattern.chars().collect();
            Case {
                family: "random patterns",
                source: input(rng, 14, &chars),
                form: Form::Regex {
                    replacement: replacement(rng),
                    pattern,
                },
            }
        })
        .collect()
}

/// The other forms of Replace: a named group, a group from another attribute, plain text, a
/// template.
pub fn form_cases(rng: &mut Rng, count: usize) -> Vec<Case> {
    (0..count)
        .map(|i| {
            let mut pattern = gen_pattern(rng, 1);
            let name = rng.pick(&["a", "a", "b", "level", "nope"]).to_string();
            if rng.chance(80) {
                let at = rng.below(2);
                let inner = gen_pattern(rng, 2);
                pattern = if at == 0 {
                    format!("(?<a>{inner}){pattern}")
                } else {
                    format!("{pattern}(?<a>{inner})")
                };
            }
            let chars: Vec<char> = pattern.chars().collect();
            let source = input(rng, 12, &chars);
            let form = match i % 4 {
                0 | 1 => Form::Group {
                    pattern,
                    name,
                    replacement: if rng.chance(85) {
                        input(rng, 3, &[])
                    } else {
                        replacement(rng)
                    },
                },
                2 => Form::Attribute {
                    other: input(rng, 12, &chars),
                    pattern,
                    name,
                },
                _ => {
                    let piece = |rng: &mut Rng| {
                        if rng.chance(70) && !source.is_empty() {
                            let units: Vec<char> = source.chars().collect();
                            let from = rng.below(units.len());
                            let len = 1 + rng.below((units.len() - from).min(3));
                            units[from..from + len].iter().collect()
                        } else {
                            input(rng, 2, &[])
                        }
                    };
                    let old = piece(rng);
                    if rng.chance(50) {
                        Form::Text {
                            old,
                            new: input(rng, 3, &[]),
                        }
                    } else {
                        let template = format!("{}{old}{}", input(rng, 3, &[]), input(rng, 3, &[]));
                        Form::Template { old, template }
                    }
                }
            };
            Case {
                family: "Replace's other forms",
                source,
                form,
            }
        })
        .collect()
}

/// Each backslash class and each Unicode category over every UTF-16 unit but the surrogates
/// (which a value here cannot hold alone): what is not in the class is removed, so the answer
/// lists the members.
pub fn class_cases() -> Vec<Case> {
    let plane: String = (0..=0xFFFFu32).filter_map(char::from_u32).collect();
    let mut classes: Vec<String> = ["\\W", "\\D", "\\S", "[^\\b]", "\\b", "\\B"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    classes.extend(PROPERTIES[..37].iter().map(|p| format!("\\P{{{p}}}")));
    classes
        .into_iter()
        .map(|pattern| Case {
            family: "classes over the plane",
            source: plane.clone(),
            form: Form::Regex {
                pattern,
                replacement: String::new(),
            },
        })
        .collect()
}
