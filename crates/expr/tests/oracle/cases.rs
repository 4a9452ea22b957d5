//! One case of the differential test: the same `Replace` put to the evaluator and to the oracle,
//! and the verdict on the two answers (agree, declined honestly, or differ), with a differing
//! case written out as a ready-to-paste regression test.

use scim_token_expr::{evaluate, Arg, Attributes, EvalErrorKind, Expr, Unstated, Value};

use crate::mono::{encode, Answer};

/// Which of Replace's forms a case uses, with its arguments.
#[derive(Clone, Debug)]
pub enum Form {
    /// `Replace(source, , pattern, , replacement, , )`: `Regex.Replace`.
    Regex {
        pattern: String,
        replacement: String,
    },
    /// `Replace(source, , pattern, groupName, replacement, , )`.
    Group {
        pattern: String,
        name: String,
        replacement: String,
    },
    /// `Replace(source, , pattern, groupName, , [other], )` with the source absent.
    Attribute {
        pattern: String,
        name: String,
        other: String,
    },
    /// `Replace(source, old, , , new, , )`: `source.Replace(old, new)`.
    Text { old: String, new: String },
    /// `Replace(source, old, , , , , template)`: `template.Replace(old, source)`.
    Template { old: String, template: String },
}

/// A case: the family it was generated for (for the counts), the source value and the form.
#[derive(Clone, Debug)]
pub struct Case {
    pub family: &'static str,
    pub source: String,
    pub form: Form,
}

/// What came of comparing one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The same answer.
    Agree,
    /// No value from either: .NET throws (an invalid pattern), the evaluator refuses.
    NoValue,
    /// The evaluator said honestly that it cannot answer exactly.
    Declined,
    /// The evaluator answered otherwise than .NET, or gave a reason that .NET's answer
    /// contradicts; the text says how.
    Differ(String),
}

fn text(s: &str) -> Arg {
    Arg::Value(Expr::Text(s.to_owned()))
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

impl Case {
    /// The expression the evaluator gets; the source is the attribute `[s]`, the other
    /// attribute `[o]`.
    pub fn expression(&self) -> Expr {
        let source = Arg::Value(Expr::Attribute("s".into()));
        let args = match &self.form {
            Form::Regex {
                pattern,
                replacement,
            } => vec![
                source,
                Arg::Omitted,
                text(pattern),
                Arg::Omitted,
                text(replacement),
                Arg::Omitted,
                Arg::Omitted,
            ],
            Form::Group {
                pattern,
                name,
                replacement,
            } => vec![
                source,
                Arg::Omitted,
                text(pattern),
                text(name),
                text(replacement),
                Arg::Omitted,
                Arg::Omitted,
            ],
            Form::Attribute { pattern, name, .. } => vec![
                source,
                Arg::Omitted,
                text(pattern),
                text(name),
                Arg::Omitted,
                Arg::Value(Expr::Attribute("o".into())),
                Arg::Omitted,
            ],
            Form::Text { old, new } => vec![
                source,
                text(old),
                Arg::Omitted,
                Arg::Omitted,
                text(new),
                Arg::Omitted,
                Arg::Omitted,
            ],
            Form::Template { old, template } => vec![
                source,
                text(old),
                Arg::Omitted,
                Arg::Omitted,
                Arg::Omitted,
                Arg::Omitted,
                text(template),
            ],
        };
        Expr::call("Replace", args)
    }

    /// The sample user: `[s]` (absent for the attribute form, whose point is the other
    /// attribute) and `[o]`.
    pub fn attributes(&self) -> Attributes {
        match &self.form {
            Form::Attribute { other, .. } => Attributes::new().with("o", other.as_str()),
            _ => Attributes::new().with("s", self.source.as_str()),
        }
    }

    /// The oracle's request line.
    pub fn request(&self) -> String {
        let f = |s: &str| encode(&units(s));
        let source = f(&self.source);
        match &self.form {
            Form::Regex {
                pattern,
                replacement,
            } => format!("regex {} {source} {}", f(pattern), f(replacement)),
            Form::Group {
                pattern,
                name,
                replacement,
            } => format!(
                "group {} {source} {} {}",
                f(pattern),
                f(name),
                f(replacement)
            ),
            Form::Attribute {
                pattern,
                name,
                other,
            } => format!("attr {} {} {}", f(pattern), f(other), f(name)),
            Form::Text { old, new } => format!("text {source} {} {}", f(old), f(new)),
            Form::Template { old, template } => {
                format!("template {source} {} {}", f(old), f(template))
            }
        }
    }

    /// The evaluator's answer and the verdict against the oracle's.
    pub fn judge(&self, oracle: &Answer) -> (Result<Value, EvalErrorKind>, Verdict) {
        let ours = evaluate(&self.expression(), &self.attributes()).map_err(|e| e.kind);
        let verdict = verdict(&self.form, &self.source, &ours, oracle);
        (ours, verdict)
    }

    /// A `#[test]` that fails while the evaluator differs from .NET on this case.
    pub fn regression_test(&self, name: &str, oracle: &Answer) -> String {
        let expected = match (oracle.kind.as_str(), oracle.texts.first()) {
            ("ok", Some(answer)) => match String::from_utf16(answer) {
                Ok(answer) if !matches!(self.form, Form::Group { .. }) || oracle.texts[0] == oracle.texts[1] => format!(
                    "    // .NET answers this.\n    assert_eq!(result, Ok(Value::from({answer:?})));"
                ),
                _ => "    // .NET's answer cannot be told exactly (two readings differ, or a \
                      character is cut in two): the evaluator must decline.\n    \
                      assert!(result.is_err());"
                    .to_owned(),
            },
            (kind, _) => format!(
                "    // .NET answers «{kind} {}»: no value.\n    assert!(result.is_err());",
                oracle.words.join(" ")
            ),
        };
        let user = match &self.form {
            Form::Attribute { other, .. } => format!("Attributes::new().with(\"o\", {other:?})"),
            _ => format!("Attributes::new().with(\"s\", {:?})", self.source),
        };
        format!(
            "#[test]\nfn {name}() {{\n    use scim_token_expr::*;\n    // {}\n    let expr = {};\n    \
             let user = {user};\n    let result = evaluate(&expr, &user);\n{expected}\n}}",
            self.expression(),
            rust_expr(&self.expression())
        )
    }
}

/// Rust source that builds `expr` (a Replace call of constants and attributes).
fn rust_expr(expr: &Expr) -> String {
    match expr {
        Expr::Call(call) => {
            let args: Vec<String> = call
                .args
                .iter()
                .map(|arg| match arg {
                    Arg::Value(value) => format!("Arg::Value({})", rust_expr(value)),
                    Arg::Omitted => "Arg::Omitted".to_owned(),
                    Arg::Compare(_) => unreachable!("no comparison in a Replace case"),
                })
                .collect();
            format!("Expr::call({:?}, vec![{}])", call.name, args.join(", "))
        }
        Expr::Text(text) => format!("Expr::Text({text:?}.into())"),
        Expr::Attribute(name) => format!("Expr::Attribute({name:?}.into())"),
        other => format!("{other:?}"),
    }
}

/// Whether the evaluator's refusal is one of its honest «cannot answer exactly» answers.
fn declined(kind: &EvalErrorKind) -> bool {
    matches!(
        kind,
        EvalErrorKind::Regex(_) | EvalErrorKind::Unstated(_) | EvalErrorKind::OverBudget { .. }
    )
}

fn verdict(
    form: &Form,
    source: &str,
    ours: &Result<Value, EvalErrorKind>,
    oracle: &Answer,
) -> Verdict {
    let answer = match ours {
        Ok(Value::Text(text)) => Some(units(text)),
        Ok(other) => return Verdict::Differ(format!("the evaluator gave a non-text {other:?}")),
        Err(kind) if declined(kind) => None,
        Err(kind) => return Verdict::Differ(format!("the evaluator failed with {kind:?}")),
    };
    let differ = |what: String| Verdict::Differ(what);
    match (oracle.kind.as_str(), answer) {
        // An invalid pattern (or a replacement .NET rejects): .NET throws, and the evaluator
        // must give no value; a pattern it reads as invalid is its honest refusal.
        ("err", Some(_)) => differ(format!(
            ".NET throws {} but the evaluator answered",
            oracle.words.join(" ")
        )),
        ("err", None) => Verdict::NoValue,
        ("timeout", None) => Verdict::Declined,
        ("timeout", Some(_)) => differ(".NET timed out but the evaluator answered".into()),
        ("ok", Some(ours)) => match form {
            Form::Group { .. } => {
                let (in_place, everywhere) = (&oracle.texts[0], &oracle.texts[1]);
                if oracle.words.first().map(String::as_str) == Some("1") {
                    differ("a capture of the group is empty, yet the evaluator answered".into())
                } else if in_place != everywhere {
                    differ("the two readings differ, yet the evaluator answered".into())
                } else if ours != *in_place {
                    differ("the evaluator's answer is not .NET's".into())
                } else {
                    Verdict::Agree
                }
            }
            _ if ours == oracle.texts[0] => Verdict::Agree,
            _ => differ("the evaluator's answer is not .NET's".into()),
        },
        ("ok", None) => honest_decline(form, source, ours, oracle),
        ("nogroup", None) | ("nomatch", None) => {
            match ours {
                Err(EvalErrorKind::Unstated(Unstated::ReplaceUnknownGroup))
                    if oracle.kind == "nogroup" =>
                {
                    Verdict::Agree
                }
                Err(EvalErrorKind::Unstated(Unstated::ReplaceNoMatch))
                    if oracle.kind == "nomatch" =>
                {
                    Verdict::Agree
                }
                // Refused for another reason before it got that far.
                Err(EvalErrorKind::Regex(_)) | Err(EvalErrorKind::OverBudget { .. }) => {
                    Verdict::Declined
                }
                other => differ(format!(
                    ".NET finds {}, the evaluator says {other:?}",
                    oracle.kind
                )),
            }
        }
        (kind, Some(_)) => differ(format!(".NET answers «{kind}», the evaluator a value")),
        (kind, None) => differ(format!(".NET answers «{kind}», the evaluator declined")),
    }
}

/// A decline where .NET has an answer: honest when the reason holds for the case.
fn honest_decline(
    form: &Form,
    source: &str,
    ours: &Result<Value, EvalErrorKind>,
    oracle: &Answer,
) -> Verdict {
    let Err(kind) = ours else {
        return Verdict::Differ("unreachable: an answer judged as a decline".into());
    };
    let holds = match kind {
        EvalErrorKind::Unstated(Unstated::ReplaceGroupEmpty) => {
            oracle.words.first().map(String::as_str) == Some("1")
        }
        EvalErrorKind::Unstated(Unstated::ReplaceGroupAmbiguous) => {
            oracle.texts.first() != oracle.texts.get(1)
        }
        EvalErrorKind::Unstated(Unstated::ReplaceGroupDollar) => {
            matches!(form, Form::Group { replacement, .. } if replacement.contains('$'))
        }
        // A result with half a surrogate pair: .NET has one, a string here cannot hold it. The
        // regexGroupName form also declines when a group takes half a pair along the way (its
        // second reading works on strings), though .NET's result may be whole: known, and
        // allowed only where the source has a character outside the Basic Multilingual Plane.
        EvalErrorKind::Unstated(Unstated::CutsCharacter) => {
            oracle.texts.iter().any(|t| String::from_utf16(t).is_err())
                || matches!(form, Form::Group { .. }) && source.chars().any(|c| c.len_utf16() == 2)
        }
        EvalErrorKind::Unstated(Unstated::ReplaceEmptyOldValue)
        | EvalErrorKind::Unstated(Unstated::ReplaceNoMatch)
        | EvalErrorKind::Unstated(Unstated::ReplaceUnknownGroup) => false,
        _ => true,
    };
    if holds {
        Verdict::Declined
    } else {
        Verdict::Differ(format!(
            "the evaluator declined with {kind:?}, which .NET's answer contradicts"
        ))
    }
}
