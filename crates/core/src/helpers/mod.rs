//! What the helpers' worker is asked and what it answers: «Map organisation levels» and «Try an
//! expression» as typed messages, and [`answer`], the pure function the worker runs.
//!
//! The page keeps what the admin typed ([`MappingState`], [`PlaygroundState`]) and sends it as a
//! [`Question`]; everything that sizes its work by what was typed (splitting the samples,
//! building, parsing and evaluating expressions) happens in [`answer`], off the page's thread.
//! The [`Answer`] is ready to show: texts in the admin's language, values already shortened, so
//! the page only renders it.
//!
//! Both travel as postcard bytes of these types, made of the core's own: the language as
//! [`Lang`], each level as a [`LevelChoice`], each target as a [`ScimTarget`], so no value is
//! written as text or a number to be read back. Bytes are read as exactly one message or refused
//! ([`Question::from_bytes`], [`Answer::from_bytes`]): an unknown variant (a target numbered 7, a
//! fourth language), a value its type does not have (level 0), bytes cut short or left over, a
//! «Try an expression» question whose values are not in [`PlaygroundState`]'s order. A refused
//! question gets no answer, and the page stops the worker and says so ([`Stopped::Refused`]),
//! as it does for bytes from the worker that are not an answer; nothing is read as something
//! else.
//!
//! Every part of an answer is bounded whatever was typed: at most [`MAX_SAMPLES`] samples of at
//! most [`MAX_SAMPLE_CHARS`] characters, at most [`MAX_LEVELS_SHOWN`] levels each, shown values
//! of at most [`MAX_SHOWN_CHARS`] characters, and one evaluation budget per expression
//! (`scim_token_expr`).
//!
//! ```
//! use scim_token_core::helpers::{answer, Answer, Question, TryAnswer};
//! use scim_token_core::lang::Lang;
//! use scim_token_core::playground_state::{PlaygroundAction, PlaygroundState};
//!
//! let mut state = PlaygroundState::default();
//! state.apply(PlaygroundAction::SetExpression("ToLower([a])".into()));
//! state.apply(PlaygroundAction::SetValue("a".into(), "X".into()));
//! let question = Question::from_playground(7, Lang::En, &state);
//! let bytes = answer(&question.to_bytes()).unwrap();
//! let Answer::Try { id: 7, answer: TryAnswer::Evaluated { result, .. } } =
//!     Answer::from_bytes(&bytes).unwrap()
//! else {
//!     unreachable!()
//! };
//! assert_eq!(result.text(), "x");
//! ```

use serde::{Deserialize, Serialize};

pub use crate::expr::MAX_LEVELS_SHOWN;
use crate::expr::{split_preview, DateTime, LevelChoice, Mapping, ScimTarget, DELIMITERS};
use crate::i18n::expr::{changes_every_run as changes_every_run_note, ExprMessage, ExprText};
use crate::lang::Lang;
use crate::mapping_state::{MappingState, ShownValue, SourceChoice};
pub use crate::mapping_state::{MAX_SAMPLES, MIN_POSITIONS};
use crate::playground_state::{ErrorMarker, PlaygroundOutcome, PlaygroundState};

/// The longest sample line used, in characters: an org-chart path is far shorter, and every
/// sample is split and evaluated on every change.
pub const MAX_SAMPLE_CHARS: usize = 1_000;

/// The most attributes «Try an expression» offers a value box for: an expression of 20,000
/// characters can name thousands, and a box each would stall the page's rendering.
pub const MAX_ATTRIBUTES_SHOWN: usize = 50;

/// The most characters the samples box takes (its `maxlength`, in UTF-16 code units as the
/// browser counts them): room for [`MAX_SAMPLES`] lines of [`MAX_SAMPLE_CHARS`]. The browser
/// cuts a longer paste before any script sees it, so megabytes are never laid out in the box,
/// copied into wasm or sent to the worker.
pub const MAX_SAMPLES_BOX: usize = MAX_SAMPLES * (MAX_SAMPLE_CHARS + 1);

/// The most characters the expression box takes: the longest expression that is read,
/// [`crate::expr::MAX_EXPRESSION_CHARS`].
pub const MAX_EXPRESSION_BOX: usize = crate::expr::MAX_EXPRESSION_CHARS;

/// The most characters the «Attribute name» box takes: Entra's attribute names are far shorter
/// (a directory extension's, `extension_` + an application id + a name, stays under 200).
pub const MAX_ATTRIBUTE_NAME_BOX: usize = 1_000;

/// The most characters one value box of «Try an expression» takes. The evaluation allows
/// values of up to 1 MiB (which expressions can make); a typed attribute value is far shorter.
pub const MAX_VALUE_BOX: usize = 100_000;

/// Whether `text` fills a box that takes at most `max` characters (UTF-16 code units, as
/// `maxlength` counts): then the box says that the rest of a paste was left out.
///
/// ```
/// use scim_token_core::helpers::fills_box;
/// assert!(fills_box("abc", 3));
/// assert!(!fills_box("ab", 3));
/// assert!(fills_box("a🔑", 3), "🔑 is two UTF-16 code units");
/// ```
pub fn fills_box(text: &str, max: usize) -> bool {
    max == 0 || text.encode_utf16().nth(max - 1).is_some()
}

/// The most characters of one value shown; a longer one ends in «…».
pub const MAX_SHOWN_CHARS: usize = 2_000;

/// A question to the worker. `id` comes back in the answer.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum Question {
    /// «Map organisation levels».
    Map {
        /// Which question this is.
        id: u32,
        /// The language of the answer's texts.
        lang: Lang,
        /// The sample box's text.
        samples: String,
        /// The source attribute's name as typed or chosen.
        source: String,
        /// The delimiter chosen, if any.
        chosen_delimiter: Option<char>,
        /// Each target's level, in [`ScimTarget::ALL`]'s order; `None`: not mapped.
        levels: [Option<LevelChoice>; 3],
    },
    /// «Try an expression».
    Try {
        /// Which question this is.
        id: u32,
        /// The language of the answer's texts.
        lang: Lang,
        /// The expression's text.
        expression: String,
        /// The text typed for each attribute, sorted by name, each name once (as
        /// [`PlaygroundState::values`] keeps them).
        values: Vec<(String, String)>,
    },
}

impl Question {
    /// The question for what was typed in «Map organisation levels».
    pub fn from_mapping(id: u32, lang: Lang, state: &MappingState) -> Question {
        Question::Map {
            id,
            lang,
            samples: state.samples.clone(),
            source: state.source_attribute().to_owned(),
            chosen_delimiter: state.chosen_delimiter,
            levels: state.levels,
        }
    }

    /// The question for what was typed in «Try an expression».
    pub fn from_playground(id: u32, lang: Lang, state: &PlaygroundState) -> Question {
        Question::Try {
            id,
            lang,
            expression: state.expression.clone(),
            values: state.values.clone(),
        }
    }

    /// The same question with another id.
    pub fn with_id(mut self, new_id: u32) -> Question {
        match &mut self {
            Question::Map { id, .. } | Question::Try { id, .. } => *id = new_id,
        }
        self
    }

    /// The question as the bytes sent to the worker.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Writing to a Vec cannot fail for these types.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Reads a question from the page's bytes; `None` (refused) unless they are exactly one
    /// question with every value in range, its values (if any) in [`PlaygroundState`]'s order.
    ///
    /// ```
    /// use scim_token_core::helpers::Question;
    /// use scim_token_core::lang::Lang;
    /// use scim_token_core::mapping_state::MappingState;
    ///
    /// let question = Question::from_mapping(4, Lang::Nb, &MappingState::default());
    /// let bytes = question.to_bytes();
    /// assert_eq!(Question::from_bytes(&bytes), Some(question));
    /// assert_eq!(Question::from_bytes(&bytes[..bytes.len() - 1]), None, "cut short");
    /// assert_eq!(Question::from_bytes(&[bytes.as_slice(), &[0]].concat()), None, "a byte more");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Question> {
        let question: Question = exactly_one(bytes)?;
        match &question {
            // Looked up by binary search: out of order, or twice, a value would be read as
            // missing or as another's.
            Question::Try { values, .. } if !values.windows(2).all(|two| two[0].0 < two[1].0) => {
                None
            }
            _ => Some(question),
        }
    }
}

/// The one message `bytes` hold, `None` if they hold anything else: postcard reads a message
/// from the start of its bytes, so bytes left over are checked here.
fn exactly_one<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    match postcard::take_from_bytes(bytes) {
        Ok((message, [])) => Some(message),
        _ => None,
    }
}

/// The worker's answer to one [`Question`].
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum Answer {
    /// To a [`Question::Map`].
    Map {
        /// The question's id.
        id: u32,
        /// What the section shows.
        answer: MapAnswer,
    },
    /// To a [`Question::Try`].
    Try {
        /// The question's id.
        id: u32,
        /// What the section shows.
        answer: TryAnswer,
    },
}

impl Answer {
    /// Reads an answer from the worker's bytes; `None` (refused) unless they are exactly one
    /// answer with every value in range (the worker sends no bytes for a question it refused).
    pub fn from_bytes(bytes: &[u8]) -> Option<Answer> {
        exactly_one(bytes)
    }

    /// The id of the question answered.
    pub fn id(&self) -> u32 {
        match self {
            Answer::Map { id, .. } | Answer::Try { id, .. } => *id,
        }
    }
}

/// A value as shown: the value (or a placeholder), or why this page cannot tell it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum Shown {
    /// The value.
    Value {
        /// Its text, at most [`MAX_SHOWN_CHARS`] characters.
        text: String,
        /// Whether `text` is a placeholder such as "(empty)".
        placeholder: bool,
    },
    /// The value cannot be told: the message says why.
    CannotTell(String),
}

impl Shown {
    fn of(result: Result<ShownValue, String>) -> Shown {
        match result {
            Ok(shown) => Shown::Value {
                text: shortened(shown.text),
                placeholder: shown.placeholder,
            },
            Err(message) => Shown::CannotTell(message),
        }
    }

    /// The text shown: the value, or the reason.
    pub fn text(&self) -> &str {
        match self {
            Shown::Value { text, .. } | Shown::CannotTell(text) => text,
        }
    }
}

fn shortened(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_SHOWN_CHARS) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// One sample as the split table shows it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct SampleRow {
    /// The sample.
    pub sample: String,
    /// Its first levels, at most [`MAX_LEVELS_SHOWN`].
    pub levels: Vec<String>,
    /// How many levels it has beyond those.
    pub more_levels: usize,
}

/// One mapped target: its expression and its result on every sample shown.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct MappedTarget {
    /// The SCIM target.
    pub target: ScimTarget,
    /// The expression to paste into Entra.
    pub expression: String,
    /// Its result on each sample row, in order.
    pub preview: Vec<Shown>,
}

/// What «Map organisation levels» shows for the samples and choices sent.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct MapAnswer {
    /// The delimiter found in the samples, if any.
    pub detected_delimiter: Option<char>,
    /// The delimiter in use.
    pub delimiter: char,
    /// The samples used, split.
    pub rows: Vec<SampleRow>,
    /// Samples beyond [`MAX_SAMPLES`], left out.
    pub left_out: usize,
    /// Lines longer than [`MAX_SAMPLE_CHARS`], left out.
    pub too_long: usize,
    /// How many positions the level menus offer.
    pub positions: u8,
    /// Why the source attribute cannot be used, if it cannot.
    pub source_error: Option<String>,
    /// The mapped targets.
    pub mappings: Vec<MappedTarget>,
}

impl Default for MapAnswer {
    /// What the section shows before the first answer: nothing split, the first delimiter.
    fn default() -> MapAnswer {
        MapAnswer {
            detected_delimiter: None,
            delimiter: DELIMITERS[0],
            rows: Vec::new(),
            left_out: 0,
            too_long: 0,
            positions: MIN_POSITIONS,
            source_error: None,
            mappings: Vec::new(),
        }
    }
}

impl MapAnswer {
    /// The deepest sample's number of levels shown.
    pub fn depth(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.levels.len())
            .max()
            .unwrap_or(0)
    }
}

/// What «Try an expression» shows for the expression and values sent.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum TryAnswer {
    /// Nothing typed.
    Empty,
    /// The text is not an expression.
    NotParsed {
        /// Why.
        message: String,
        /// Where.
        marker: ErrorMarker,
    },
    /// The expression's result.
    Evaluated {
        /// The attributes it reads, each once, in order, at most [`MAX_ATTRIBUTES_SHOWN`].
        attributes: Vec<String>,
        /// How many more attributes it reads (they have no value box, so no value).
        attributes_left_out: usize,
        /// Its result on the values typed.
        result: Shown,
        /// Where evaluation failed, if it did at a known place.
        marker: Option<ErrorMarker>,
        /// Said under the result: that it is an example, as the expression calls Now, Guid or
        /// RandomString, whose value changes every run.
        note: Option<String>,
    },
}

/// What «Try an expression» shows under the expression box, decided from the worker's newest
/// answer and whether the worker stopped (or could not start) since it gave it.
///
/// A stop takes away what the answer said of the expression (its result, marker or parse
/// error): that was for what was typed before. The answer's value boxes stay, with what was
/// typed in them, so the next value typed has somewhere to go; typing it, or editing the
/// expression, asks again, of a fresh worker. They are the boxes of the newest answer, as
/// while a question is on its way: the page does not parse, so it knows no newer attributes.
///
/// ```
/// use scim_token_core::helpers::{Shown, TryAnswer, TryShown};
///
/// let answer = TryAnswer::Evaluated {
///     attributes: vec!["mail".into()],
///     attributes_left_out: 0,
///     result: Shown::Value { text: "a@contoso.com".into(), placeholder: false },
///     marker: None,
///     note: None,
/// };
/// let answered = TryShown::of(Some(&answer), false);
/// assert_eq!(answered.answer, Some(&answer));
/// let stopped = TryShown::of(Some(&answer), true);
/// assert_eq!(stopped.value_boxes, answered.value_boxes);
/// assert_eq!(stopped.value_boxes, Some((&["mail".to_owned()][..], 0)));
/// assert_eq!(stopped.answer, None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TryShown<'a> {
    /// The attributes offered a value box, and how many more the expression reads; `None`: no
    /// boxes (nothing typed or answered yet, or the text is not an expression).
    pub value_boxes: Option<(&'a [String], usize)>,
    /// What the answer says of the expression: its result, or why it is not an expression.
    /// `None` before the first answer and while the worker is stopped.
    pub answer: Option<&'a TryAnswer>,
}

impl<'a> TryShown<'a> {
    /// What to show for the newest answer (`None` before the first), `stopped` if the worker
    /// stopped or could not start after it.
    pub fn of(newest: Option<&'a TryAnswer>, stopped: bool) -> TryShown<'a> {
        let value_boxes = match newest {
            Some(TryAnswer::Evaluated {
                attributes,
                attributes_left_out,
                ..
            }) => Some((attributes.as_slice(), *attributes_left_out)),
            _ => None,
        };
        TryShown {
            value_boxes,
            answer: newest.filter(|_| !stopped),
        }
    }
}

/// Answers a question given as bytes; `None` if the bytes are not a question
/// ([`Question::from_bytes`] refuses them).
///
/// This is all the worker does. It is bounded by the caps above and the expression crate's
/// budget, so it ends, and its memory stays small, whatever was typed. Now() is the reference's
/// example moment; [`answer_at`] gives the real one.
pub fn answer(question: &[u8]) -> Option<Vec<u8>> {
    answer_at(question, None)
}

/// [`answer`], with Now() at the moment `now` (the worker gives the clock's).
pub fn answer_at(question: &[u8], now: Option<DateTime>) -> Option<Vec<u8>> {
    let question = Question::from_bytes(question)?;
    let answer = match question {
        Question::Map {
            id,
            lang,
            samples,
            source,
            chosen_delimiter,
            levels,
        } => Answer::Map {
            id,
            answer: map_answer(lang, samples, source, chosen_delimiter, levels),
        },
        Question::Try {
            id,
            lang,
            expression,
            values,
        } => Answer::Try {
            id,
            answer: try_answer(lang, PlaygroundState { expression, values }, now),
        },
    };
    postcard::to_allocvec(&answer).ok()
}

fn map_answer(
    lang: Lang,
    samples: String,
    source: String,
    chosen_delimiter: Option<char>,
    levels: [Option<LevelChoice>; 3],
) -> MapAnswer {
    // Lines too long to be an org-chart path are left out before anything splits them.
    let mut too_long = 0;
    let kept: Vec<&str> = samples
        .lines()
        .filter(|line| {
            let long = line.chars().nth(MAX_SAMPLE_CHARS).is_some();
            too_long += usize::from(long);
            !long
        })
        .collect();
    let state = MappingState {
        samples: kept.join("\n"),
        source: SourceChoice::Other,
        other_source: source,
        chosen_delimiter,
        levels,
        status: None,
    };
    let delimiter = state.delimiter();
    let rows: Vec<SampleRow> = state
        .samples()
        .into_iter()
        .map(|sample| {
            let split = split_preview(sample, delimiter);
            SampleRow {
                sample: shortened(sample.to_owned()),
                levels: split.levels.into_iter().map(shortened).collect(),
                more_levels: split.left_out,
            }
        })
        .collect();
    let splits: Vec<Vec<String>> = rows.iter().map(|row| row.levels.clone()).collect();
    let source_error = state.source_error();
    let mappings = match (&source_error, state.mappings()) {
        (None, Ok(mappings)) => mappings.iter().map(|m| mapped(m, lang)).collect(),
        _ => Vec::new(),
    };
    MapAnswer {
        detected_delimiter: state.detected_delimiter(),
        delimiter: state.delimiter(),
        positions: state
            .positions(&splits)
            .min(MAX_LEVELS_SHOWN as u8)
            .max(MIN_POSITIONS),
        rows,
        left_out: state.samples_left_out(),
        too_long,
        source_error: source_error.map(|error| error.message(lang)),
        mappings,
    }
}

fn mapped(mapping: &Mapping, lang: Lang) -> MappedTarget {
    MappedTarget {
        target: mapping.target,
        expression: mapping.expression.clone(),
        preview: mapping
            .preview
            .iter()
            .map(|result| {
                Shown::of(
                    result
                        .as_ref()
                        .map(|value| ShownValue::of(value, lang))
                        .map_err(|error| error.message(lang)),
                )
            })
            .collect(),
    }
}

fn try_answer(lang: Lang, state: PlaygroundState, now: Option<DateTime>) -> TryAnswer {
    match state.outcome_at(now) {
        PlaygroundOutcome::Empty => TryAnswer::Empty,
        PlaygroundOutcome::NotParsed(error) => TryAnswer::NotParsed {
            message: error.message(lang),
            marker: ErrorMarker::new(&state.expression, error.at),
        },
        PlaygroundOutcome::Evaluated {
            mut attributes,
            result,
            changes_every_run,
        } => {
            let attributes_left_out = attributes.len().saturating_sub(MAX_ATTRIBUTES_SHOWN);
            attributes.truncate(MAX_ATTRIBUTES_SHOWN);
            let marker = result
                .as_ref()
                .err()
                .and_then(|error| error.at)
                .map(|at| ErrorMarker::new(&state.expression, at));
            TryAnswer::Evaluated {
                attributes,
                attributes_left_out,
                result: Shown::of(
                    result
                        .map(|value| ShownValue::of(&value, lang))
                        .map_err(|error| error.message(lang)),
                ),
                marker,
                note: changes_every_run.then(|| changes_every_run_note(lang).to_owned()),
            }
        }
    }
}

/// A notice for a section whose worker was stopped or failed, in `lang`.
pub fn stopped_message(reason: Stopped, lang: Lang) -> &'static str {
    match reason {
        Stopped::TookTooLong => ExprText::StoppedTooLong.in_lang(lang),
        Stopped::Failed => ExprText::StoppedFailed.in_lang(lang),
        Stopped::Refused => ExprText::StoppedRefused.in_lang(lang),
    }
}

/// Why the page stopped the worker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stopped {
    /// It did not answer within the watchdog's time.
    TookTooLong,
    /// It died (a trap, out of memory) or could not start.
    Failed,
    /// Its message was not an answer ([`Answer::from_bytes`] refused it), or it sent none: it
    /// refuses a question it cannot read ([`Question::from_bytes`]).
    Refused,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
