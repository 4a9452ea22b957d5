//! The state of «Map organisation levels» and what is derived from it, and how the helpers'
//! tables show a value ([`ShownValue`]). «Try an expression» keeps its own, in
//! [`crate::playground_state`].
//!
//! Each helper section keeps its own small state, apart from the widget's
//! [`crate::state::State`]: it holds no secret, so it needs none of the clearing and zeroing that
//! the key and the secret get. As there, every change is an action applied by one `apply`, and
//! everything shown (the split, the expressions, the previews) is computed from the state, never
//! stored beside it. No browser here, so all of it is tested natively.

use crate::expr::{
    build, detect_delimiter, map_level, split_preview, BuildError, LevelChoice, Mapping,
    ScimTarget, Value, DELIMITERS, SOURCE_ATTRIBUTES,
};
use crate::i18n::expr::{ExprText, Placeholder};
use crate::i18n::{Lang, Text};
use crate::state::Apply;

/// How many samples the tables show. Every sample is evaluated once per mapped level on every
/// change, so a pasted export of the whole directory must not stall the page.
pub const MAX_SAMPLES: usize = 50;

/// Level choices offered from the start of the hierarchy, at least: 1st to 5th.
pub const MIN_POSITIONS: u8 = 5;

/// Which source attribute the hierarchy is read from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SourceChoice {
    /// One of [`SOURCE_ATTRIBUTES`].
    Listed(&'static str),
    /// The name typed under «Attribute name».
    Other,
}

impl SourceChoice {
    /// The choice for a menu value: a listed attribute's name, anything else is "other".
    ///
    /// ```
    /// use scim_token_core::mapping_state::SourceChoice;
    /// assert_eq!(SourceChoice::from_value("companyName"), SourceChoice::Listed("companyName"));
    /// assert_eq!(SourceChoice::from_value(""), SourceChoice::Other);
    /// ```
    pub fn from_value(value: &str) -> SourceChoice {
        SOURCE_ATTRIBUTES
            .iter()
            .find(|name| **name == value)
            .map_or(SourceChoice::Other, |name| SourceChoice::Listed(name))
    }

    /// The menu value for this choice (`""` for "other").
    pub fn value(self) -> &'static str {
        match self {
            SourceChoice::Listed(name) => name,
            SourceChoice::Other => "",
        }
    }
}

/// A level menu's value for a choice: `none`, `1`…, `last`.
///
/// ```
/// use scim_token_core::expr::LevelChoice;
/// use scim_token_core::mapping_state::{level_from_value, level_value};
///
/// for choice in [None, Some(LevelChoice::Last), LevelChoice::position(3)] {
///     assert_eq!(level_from_value(&level_value(choice)), choice);
/// }
/// assert_eq!(level_from_value("0"), None);
/// ```
pub fn level_value(choice: Option<LevelChoice>) -> String {
    match choice {
        None => "none".to_owned(),
        Some(LevelChoice::Last) => "last".to_owned(),
        Some(LevelChoice::Position(n)) => n.to_string(),
    }
}

/// The choice a level menu's value stands for; anything unknown is "not mapped".
pub fn level_from_value(value: &str) -> Option<LevelChoice> {
    match value {
        "last" => Some(LevelChoice::Last),
        n => n.parse().ok().and_then(LevelChoice::position),
    }
}

/// What a copy button copies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CopyPart {
    /// The full SCIM target attribute name.
    TargetAttribute,
    /// The expression.
    Expression,
}

/// How the last copy went, for the section's live region.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CopyStatus {
    /// Which mapping.
    pub target: ScimTarget,
    /// Which of its texts.
    pub part: CopyPart,
    /// Whether the clipboard took it (if not, the text is selected for Ctrl+C).
    pub copied: bool,
}

impl CopyStatus {
    /// The announcement.
    ///
    /// ```
    /// use scim_token_core::expr::ScimTarget;
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::mapping_state::{CopyPart, CopyStatus};
    ///
    /// let status = CopyStatus { target: ScimTarget::Division, part: CopyPart::Expression, copied: true };
    /// assert!(status.message(Lang::En).starts_with("Expression copied."));
    /// ```
    pub fn message(self, lang: Lang) -> &'static str {
        match (self.copied, self.part) {
            (true, CopyPart::TargetAttribute) => ExprText::TargetAttributeCopied.in_lang(lang),
            (true, CopyPart::Expression) => ExprText::ExpressionCopied.in_lang(lang),
            (false, _) => Text::CopyFailed.in_lang(lang),
        }
    }
}

/// What the admin typed and chose in «Map organisation levels».
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MappingState {
    /// The sample box's text: values of the source attribute, one per line.
    pub samples: String,
    /// Where the hierarchy is read from.
    pub source: SourceChoice,
    /// The attribute name typed for [`SourceChoice::Other`].
    pub other_source: String,
    /// The delimiter the admin chose; `None` follows the samples.
    pub chosen_delimiter: Option<char>,
    /// The level each SCIM target gets, in [`ScimTarget::ALL`]'s order; `None`: not mapped.
    pub levels: [Option<LevelChoice>; 3],
    /// The last copy, until anything else changes.
    pub status: Option<CopyStatus>,
}

impl Default for MappingState {
    fn default() -> Self {
        MappingState {
            samples: String::new(),
            source: SourceChoice::Listed(SOURCE_ATTRIBUTES[0]),
            other_source: String::new(),
            chosen_delimiter: None,
            levels: [None; 3],
            status: None,
        }
    }
}

/// A change to [`MappingState`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum MappingAction {
    /// The sample box's new text.
    SetSamples(String),
    /// A source attribute was chosen from the menu.
    ChooseSource(SourceChoice),
    /// The typed attribute name changed.
    SetOtherSource(String),
    /// A delimiter was chosen from the menu.
    ChooseDelimiter(char),
    /// A level was chosen for a target (`None`: do not map).
    ChooseLevel(ScimTarget, Option<LevelChoice>),
    /// A copy finished.
    CopyFinished(CopyStatus),
}

fn target_index(target: ScimTarget) -> usize {
    match target {
        ScimTarget::Organization => 0,
        ScimTarget::Division => 1,
        ScimTarget::Department => 2,
    }
}

impl MappingState {
    /// Applies one change. Anything but a finished copy makes the last copy's announcement stale.
    ///
    /// ```
    /// use scim_token_core::expr::{LevelChoice, ScimTarget};
    /// use scim_token_core::mapping_state::{MappingAction, MappingState};
    ///
    /// let mut state = MappingState::default();
    /// state.apply(MappingAction::ChooseLevel(ScimTarget::Division, Some(LevelChoice::Last)));
    /// assert_eq!(state.level(ScimTarget::Division), Some(LevelChoice::Last));
    /// ```
    pub fn apply(&mut self, action: MappingAction) {
        self.status = None;
        match action {
            MappingAction::SetSamples(text) => self.samples = text,
            MappingAction::ChooseSource(source) => self.source = source,
            MappingAction::SetOtherSource(name) => self.other_source = name,
            MappingAction::ChooseDelimiter(delimiter) => self.chosen_delimiter = Some(delimiter),
            MappingAction::ChooseLevel(target, level) => self.levels[target_index(target)] = level,
            MappingAction::CopyFinished(status) => self.status = Some(status),
        }
    }

    /// The level chosen for `target`, `None` when it is not mapped.
    pub fn level(&self, target: ScimTarget) -> Option<LevelChoice> {
        self.levels[target_index(target)]
    }

    /// The samples the tables show: the box's lines that are not blank, up to [`MAX_SAMPLES`].
    ///
    /// ```
    /// use scim_token_core::mapping_state::{MappingAction, MappingState};
    ///
    /// let mut state = MappingState::default();
    /// state.apply(MappingAction::SetSamples("A > B\r\n\n  \nC > D\n".into()));
    /// assert_eq!(state.samples(), ["A > B", "C > D"]);
    /// ```
    pub fn samples(&self) -> Vec<&str> {
        self.all_samples().take(MAX_SAMPLES).collect()
    }

    /// How many samples are beyond what the tables show.
    pub fn samples_left_out(&self) -> usize {
        self.all_samples().count().saturating_sub(MAX_SAMPLES)
    }

    fn all_samples(&self) -> impl Iterator<Item = &str> {
        self.samples.lines().filter(|line| !line.trim().is_empty())
    }

    /// The delimiter found in the shown samples, if any.
    pub fn detected_delimiter(&self) -> Option<char> {
        detect_delimiter(self.samples())
    }

    /// The delimiter in use: the admin's choice, else the one found, else the first of
    /// [`DELIMITERS`] (samples without any delimiter split into one level whichever is used).
    pub fn delimiter(&self) -> char {
        self.chosen_delimiter
            .or_else(|| self.detected_delimiter())
            .unwrap_or(DELIMITERS[0])
    }

    /// The source attribute's name as the expression will read it.
    pub fn source_attribute(&self) -> &str {
        match self.source {
            SourceChoice::Listed(name) => name,
            SourceChoice::Other => self.other_source.trim(),
        }
    }

    /// Why the source attribute cannot be read, to show at «Attribute name». An empty name is
    /// only an error once a level is mapped: choosing «Other attribute…» is not yet a mistake.
    ///
    /// ```
    /// use scim_token_core::expr::BuildError;
    /// use scim_token_core::mapping_state::{MappingAction, MappingState, SourceChoice};
    ///
    /// let mut state = MappingState::default();
    /// state.apply(MappingAction::ChooseSource(SourceChoice::Other));
    /// assert_eq!(state.source_error(), None);
    /// state.apply(MappingAction::SetOtherSource("my dept".into()));
    /// assert_eq!(state.source_error(), Some(BuildError::AttributeCharacter { at: 2, ch: ' ' }));
    /// ```
    pub fn source_error(&self) -> Option<BuildError> {
        let error = build(self.source_attribute(), self.delimiter(), LevelChoice::Last).err()?;
        let mapped = self.levels.iter().any(Option::is_some);
        (error != BuildError::EmptyAttribute || mapped).then_some(error)
    }

    /// Each shown sample split into its levels: the first
    /// [`MAX_LEVELS_SHOWN`](crate::expr::MAX_LEVELS_SHOWN) of them.
    pub fn splits(&self) -> Vec<Vec<String>> {
        let delimiter = self.delimiter();
        self.samples()
            .into_iter()
            .map(|sample| split_preview(sample, delimiter).levels)
            .collect()
    }

    /// How many levels the deepest shown sample has beyond those [`MappingState::splits`] gives.
    ///
    /// ```
    /// use scim_token_core::expr::MAX_LEVELS_SHOWN;
    /// use scim_token_core::mapping_state::{MappingAction, MappingState};
    ///
    /// let mut state = MappingState::default();
    /// state.apply(MappingAction::SetSamples(format!("a>b\n{}", "x>".repeat(MAX_LEVELS_SHOWN + 4))));
    /// assert_eq!(state.levels_left_out(), 5);
    /// ```
    pub fn levels_left_out(&self) -> usize {
        let delimiter = self.delimiter();
        self.samples()
            .into_iter()
            .map(|sample| split_preview(sample, delimiter).left_out)
            .max()
            .unwrap_or(0)
    }

    /// How many positions the level menus offer: at least [`MIN_POSITIONS`], as deep as the
    /// deepest sample (as far as [`MappingState::splits`] shows it), and never fewer than a
    /// position already chosen.
    pub fn positions(&self, splits: &[Vec<String>]) -> u8 {
        let deepest = splits.iter().map(Vec::len).max().unwrap_or(0);
        let chosen = self
            .levels
            .iter()
            .filter_map(|level| match level {
                Some(LevelChoice::Position(n)) => Some(n.get()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        u8::try_from(deepest)
            .unwrap_or(u8::MAX)
            .max(MIN_POSITIONS)
            .max(chosen)
    }

    /// The mapping of every target that has a level, with the preview on the shown samples; or
    /// why no expression can be built from the chosen source attribute.
    ///
    /// ```
    /// use scim_token_core::expr::{LevelChoice, ScimTarget, Value};
    /// use scim_token_core::mapping_state::{MappingAction, MappingState};
    ///
    /// let mut state = MappingState::default();
    /// state.apply(MappingAction::SetSamples("Contoso|Sales\nFabrikam".into()));
    /// state.apply(MappingAction::ChooseLevel(ScimTarget::Division, LevelChoice::position(2)));
    /// let mappings = state.mappings().unwrap();
    /// assert_eq!(mappings[0].target, ScimTarget::Division);
    /// assert_eq!(mappings[0].preview, [Ok(Value::from("Sales")), Ok(Value::from(""))]);
    /// ```
    pub fn mappings(&self) -> Result<Vec<Mapping>, BuildError> {
        let samples = self.samples();
        let (source, delimiter) = (self.source_attribute(), self.delimiter());
        ScimTarget::ALL
            .into_iter()
            .filter_map(|target| self.level(target).map(|level| (target, level)))
            .map(|(target, level)| map_level(target, source, delimiter, level, &samples))
            .collect()
    }
}

impl Apply for MappingState {
    type Action = MappingAction;
    fn apply(&mut self, action: MappingAction) {
        MappingState::apply(self, action);
    }
}

/// A value as the tables show it: its text, or a placeholder for no value and the empty string.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ShownValue {
    /// What to show; a list's values one per line.
    pub text: String,
    /// Whether `text` is a placeholder, such as "(empty)", rather than the value itself.
    pub placeholder: bool,
}

impl ShownValue {
    /// How `value` is shown in `lang`.
    ///
    /// ```
    /// use scim_token_core::expr::Value;
    /// use scim_token_core::i18n::Lang;
    /// use scim_token_core::mapping_state::ShownValue;
    ///
    /// assert_eq!(ShownValue::of(&Value::from("Sales"), Lang::En).text, "Sales");
    /// assert_eq!(ShownValue::of(&Value::from(""), Lang::En).text, "(empty)");
    /// assert_eq!(ShownValue::of(&Value::Null, Lang::Nb).text, "(ingen verdi)");
    /// ```
    pub fn of(value: &Value, lang: Lang) -> ShownValue {
        let placeholder = |text: Placeholder| ShownValue {
            text: text.in_lang(lang).to_owned(),
            placeholder: true,
        };
        match value {
            Value::Null => placeholder(Placeholder::NoValue),
            Value::LeftOutOfFlow => placeholder(Placeholder::LeftOutOfFlow),
            Value::Text(text) if text.is_empty() => placeholder(Placeholder::EmptyString),
            Value::List(items) if items.is_empty() => placeholder(Placeholder::NoValue),
            value => ShownValue {
                text: value.to_string(),
                placeholder: false,
            },
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::expr::MAX_LEVELS_SHOWN;

    fn with_samples(text: &str) -> MappingState {
        let mut state = MappingState::default();
        state.apply(MappingAction::SetSamples(text.to_owned()));
        state
    }

    #[test]
    fn the_delimiter_follows_the_samples_until_one_is_chosen() {
        let mut state = with_samples("Contoso > Sales > EMEA\nContoso > HR");
        assert_eq!(state.detected_delimiter(), Some('>'));
        assert_eq!(state.delimiter(), '>');
        state.apply(MappingAction::SetSamples("Contoso|Sales".into()));
        assert_eq!(state.delimiter(), '|');
        state.apply(MappingAction::ChooseDelimiter('/'));
        assert_eq!(state.delimiter(), '/', "the admin's choice wins");
        assert_eq!(
            state.detected_delimiter(),
            Some('|'),
            "and the finding is still told"
        );
        assert_eq!(state.splits(), [vec!["Contoso|Sales".to_owned()]]);
    }

    #[test]
    fn without_any_delimiter_each_sample_is_one_level() {
        let state = with_samples("Contoso\nFabrikam");
        assert_eq!(state.detected_delimiter(), None);
        assert_eq!(
            state.splits(),
            [vec!["Contoso".to_owned()], vec!["Fabrikam".to_owned()]]
        );
    }

    #[test]
    fn a_pasted_directory_export_is_cut_to_the_first_samples() {
        let many: String = (0..MAX_SAMPLES + 3).map(|i| format!("A > {i}\n")).collect();
        let state = with_samples(&many);
        assert_eq!(state.samples().len(), MAX_SAMPLES);
        assert_eq!(state.samples_left_out(), 3);
        assert_eq!(with_samples("a\nb").samples_left_out(), 0);
    }

    #[test]
    fn only_mapped_targets_get_an_expression_with_a_preview_per_sample() {
        let mut state = with_samples("Contoso > Sales > EMEA\nContoso > HR\nContoso");
        assert_eq!(state.mappings(), Ok(vec![]));
        state.apply(MappingAction::ChooseLevel(
            ScimTarget::Organization,
            LevelChoice::position(1),
        ));
        state.apply(MappingAction::ChooseLevel(
            ScimTarget::Department,
            Some(LevelChoice::Last),
        ));
        let mappings = state.mappings().expect("department is a valid source");
        let targets: Vec<ScimTarget> = mappings.iter().map(|m| m.target).collect();
        assert_eq!(targets, [ScimTarget::Organization, ScimTarget::Department]);
        let previews: Vec<Vec<Value>> = mappings
            .iter()
            .map(|m| m.preview.iter().cloned().map(Result::unwrap).collect())
            .collect();
        assert_eq!(
            previews,
            [
                vec!["Contoso".into(), "Contoso".into(), "Contoso".into()],
                vec!["EMEA".into(), "HR".into(), "Contoso".into()],
            ]
        );
        assert!(mappings[0]
            .expression
            .starts_with("Replace([department], , "));
        state.apply(MappingAction::ChooseLevel(ScimTarget::Organization, None));
        assert_eq!(state.mappings().map(|m| m.len()), Ok(1));
    }

    #[test]
    fn another_attribute_is_read_by_its_typed_name_and_a_bad_name_is_refused() {
        let mut state = with_samples("A|B");
        state.apply(MappingAction::ChooseLevel(
            ScimTarget::Division,
            LevelChoice::position(2),
        ));
        state.apply(MappingAction::ChooseSource(SourceChoice::from_value(
            "extensionAttribute7",
        )));
        assert!(state.mappings().unwrap()[0]
            .expression
            .starts_with("Replace([extensionAttribute7], "));
        state.apply(MappingAction::ChooseSource(SourceChoice::Other));
        assert_eq!(state.mappings(), Err(BuildError::EmptyAttribute));
        assert_eq!(state.source_error(), Some(BuildError::EmptyAttribute));
        state.apply(MappingAction::SetOtherSource(" orgPath ".into()));
        assert_eq!(state.source_attribute(), "orgPath");
        assert!(state.mappings().unwrap()[0]
            .expression
            .starts_with("Replace([orgPath], "));
        state.apply(MappingAction::SetOtherSource("org]".into()));
        assert_eq!(
            state.mappings(),
            Err(BuildError::AttributeCharacter { at: 3, ch: ']' })
        );
        assert_eq!(state.source_error(), state.mappings().err());
    }

    #[test]
    fn the_level_menus_reach_the_deepest_sample_and_any_level_chosen() {
        let mut state = with_samples("a>b");
        assert_eq!(state.positions(&state.splits()), MIN_POSITIONS);
        state.apply(MappingAction::SetSamples("1>2>3>4>5>6>7".into()));
        assert_eq!(state.positions(&state.splits()), 7);
        state.apply(MappingAction::ChooseLevel(
            ScimTarget::Division,
            LevelChoice::position(7),
        ));
        state.apply(MappingAction::SetSamples("a>b".into()));
        assert_eq!(
            state.positions(&state.splits()),
            7,
            "the choice stays visible"
        );
    }

    #[test]
    fn a_sample_of_half_a_million_levels_shows_its_first_ones() {
        let start = std::time::Instant::now();
        let state = with_samples(&("A>".repeat(500_000) + "\nContoso > Sales"));
        let splits = state.splits();
        assert_eq!(splits[0].len(), MAX_LEVELS_SHOWN);
        assert_eq!(splits[1], ["Contoso", "Sales"]);
        assert_eq!(state.levels_left_out(), 500_001 - MAX_LEVELS_SHOWN);
        assert_eq!(usize::from(state.positions(&splits)), MAX_LEVELS_SHOWN);
        let took = start.elapsed();
        assert!(took.as_secs() < 2, "{took:?}");
    }

    #[test]
    fn a_copy_is_announced_until_something_changes() {
        let mut state = with_samples("a>b");
        let status = CopyStatus {
            target: ScimTarget::Division,
            part: CopyPart::TargetAttribute,
            copied: false,
        };
        state.apply(MappingAction::CopyFinished(status));
        assert_eq!(state.status, Some(status));
        assert_eq!(status.message(Lang::En), Text::CopyFailed.in_lang(Lang::En));
        state.apply(MappingAction::SetSamples("a>c".into()));
        assert_eq!(state.status, None);
    }

    #[test]
    fn menu_values_round_trip() {
        for name in SOURCE_ATTRIBUTES {
            let choice = SourceChoice::from_value(name);
            assert_eq!(choice, SourceChoice::Listed(name));
            assert_eq!(choice.value(), name);
        }
        assert_eq!(
            SourceChoice::from_value(SourceChoice::Other.value()),
            SourceChoice::Other
        );
        for n in 1..=u8::MAX {
            let choice = LevelChoice::position(n);
            assert_eq!(level_from_value(&level_value(choice)), choice);
        }
        assert_eq!(level_from_value("nonsense"), None);
    }

    #[test]
    fn values_show_placeholders_only_for_what_cannot_be_seen() {
        let shown = |value: Value| ShownValue::of(&value, Lang::En);
        assert!(shown(Value::Null).placeholder);
        assert!(shown(Value::from("")).placeholder);
        assert!(!shown(Value::from(" ")).placeholder);
        assert_eq!(shown(Value::Number(5)).text, "5");
        assert_eq!(
            shown(Value::List(vec!["a".into(), "b".into()])).text,
            "a\nb"
        );
    }
}
