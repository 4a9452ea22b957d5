//! The widget's state: every action, what it derives, and what «Clear» and the auto-clear leave.

use super::*;
use crate::diagnose::{FindingKind, Severity};
use crate::token::secret_token;

fn filled(key: &str, secret: &str) -> State {
    let mut state = State::default();
    state.apply(Action::SetApiKey(key.into()));
    state.apply(Action::SetApiSecret(secret.into()));
    state
}

#[test]
fn empty_fields_give_no_token_and_name_what_is_missing() {
    let hint = |state: State| state.outcome().hint;
    assert_eq!(hint(State::default()), Some(Text::MissingKeyAndSecret));
    assert_eq!(hint(filled("", "s")), Some(Text::MissingKey));
    assert_eq!(hint(filled("k", "")), Some(Text::MissingSecret));
    assert_eq!(filled("k", "").outcome().token(), None);
}

#[test]
fn the_token_follows_the_fields() {
    let mut state = filled("abc", "123");
    assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
    assert_eq!(state.outcome().hint, None);
    state.apply(Action::SetApiSecret("1234".into()));
    assert_eq!(
        state.outcome().token(),
        Some(secret_token("abc", "1234").as_str())
    );
}

#[test]
fn a_trailing_newline_is_left_out_and_said_but_the_field_keeps_it() {
    let state = filled("abc", "123\n");
    let outcome = state.outcome();
    assert_eq!(outcome.token(), Some(secret_token("abc", "123").as_str()));
    assert_eq!(
        state.api_secret.text, "123\n",
        "the field keeps what was typed"
    );
    let finding = outcome
        .for_field(Some(Field::ApiSecret))
        .next()
        .expect("a notice");
    assert_eq!(finding.severity(), Severity::Notice);
}

#[test]
fn an_error_blocks_the_token_and_marks_its_field() {
    let outcome = filled("ab c", "123").outcome();
    assert_eq!(outcome.token(), None);
    assert!(outcome.has_error(Field::ApiKey));
    assert!(!outcome.has_error(Field::ApiSecret));
    assert_eq!(outcome.hint, Some(Text::FixToMakeToken));
}

#[test]
fn a_lone_surrogate_blocks_the_token_and_is_never_converted() {
    let mut state = filled("abc", "");
    state.apply(Action::SetApiSecret(Typed::from_utf16(&[
        0x31, 0xD800, 0x32,
    ])));
    let outcome = state.outcome();
    assert_eq!(outcome.token(), None);
    assert!(outcome.has_error(Field::ApiSecret));
    assert!(outcome
        .for_field(Some(Field::ApiSecret))
        .any(|f| matches!(f.kind, FindingKind::LoneSurrogate { position: 2, .. })));
    assert_eq!(
        state.api_secret.to_write(),
        None,
        "the lossy text is never written back over the input's value"
    );
}

#[test]
fn the_split_fix_moves_the_secret_to_its_own_field() {
    let mut state = filled("abc:123", "");
    let fix = state
        .outcome()
        .findings
        .iter()
        .find_map(Finding::fix)
        .expect("a split is offered");
    state.apply(Action::ApplyFix(Some(Field::ApiKey), fix));
    assert_eq!(state.api_key.text, "abc");
    assert_eq!(state.api_secret.text, "123");
    assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
}

#[test]
fn a_token_pasted_as_key_moves_to_the_check_box() {
    let mut state = filled("YWJjOjEyMw==", "x");
    let finding = state
        .outcome()
        .for_field(Some(Field::ApiKey))
        .find(|f| matches!(f.fix(), Some(Fix::CheckAsToken { .. })))
        .cloned()
        .expect("the check offer");
    state.apply(Action::ApplyFix(
        finding.field,
        finding.fix().expect("a fix"),
    ));
    assert_eq!(state.api_key.text, "", "moved out of the key field");
    assert_eq!(state.token_to_check.text, "YWJjOjEyMw==");
    assert!(state.check_open);
    let check = state.token_check().expect("checked");
    assert_eq!(check.credentials().map(|c| c.api_key.as_str()), Some("abc"));
}

#[test]
fn the_token_check_compares_with_the_fields() {
    let mut state = filled("abc", "123");
    state.apply(Action::SetTokenToCheck(secret_token("abc", "124").into()));
    let check = state.token_check().expect("checked");
    assert!(check
        .findings()
        .iter()
        .any(|f| matches!(f.kind, FindingKind::DiffersFromFields { .. })));
    state.apply(Action::SetTokenToCheck("".into()));
    assert!(state.token_check().is_none());
}

#[test]
fn masked_by_default_and_toggles_independently() {
    let mut state = filled("abc", "123");
    assert!(!state.secret_visible && !state.token_visible && !state.checked_secret_visible);
    state.apply(Action::ToggleSecretVisible);
    assert!(state.secret_visible && !state.token_visible);
    state.apply(Action::ToggleTokenVisible);
    state.apply(Action::ToggleSecretVisible);
    assert!(!state.secret_visible && state.token_visible);
}

#[test]
fn a_copy_is_announced_until_the_token_changes() {
    let mut state = filled("abc", "123");
    state.apply(Action::CopyFinished(CopyTarget::SecretToken, true));
    assert_eq!(state.status, Some(Status::Copied(CopyTarget::SecretToken)));
    state.apply(Action::SetApiKey("abcd".into()));
    assert_eq!(state.status, None);
}

#[test]
fn a_failed_token_copy_reveals_the_token_for_ctrl_c() {
    let mut state = filled("abc", "123");
    state.apply(Action::CopyFinished(CopyTarget::SecretToken, false));
    assert!(state.token_visible);
    assert_eq!(state.status.map(Status::text), Some(Text::CopyFailed));

    let mut state = filled("abc", "123");
    state.apply(Action::CopyFinished(CopyTarget::TenantUrl, false));
    assert!(
        !state.token_visible,
        "the tenant URL is not secret; the token stays masked"
    );
}

#[test]
fn clear_remembers_that_the_token_is_on_the_clipboard_and_says_when_it_is_gone() {
    let mut state = filled("abc", "123");
    state.apply(Action::CopyFinished(CopyTarget::SecretToken, true));
    assert!(state.token_on_clipboard);
    state.apply(Action::Clear(ClearReason::Button));
    assert!(
        state.token_on_clipboard,
        "Clear leaves the widget to empty the clipboard"
    );
    assert_eq!(state.status, None, "said once the clipboard is done");
    state.apply(Action::ClipboardEmptied(true));
    assert!(!state.token_on_clipboard);
    assert_eq!(
        state.status.map(Status::text),
        Some(Text::ClearedClipboardEmptied)
    );

    // Refused: said after a click, and the token is still known to be there.
    state.apply(Action::CopyFinished(CopyTarget::SecretToken, true));
    state.apply(Action::Clear(ClearReason::Button));
    state.apply(Action::ClipboardEmptied(false));
    assert!(state.token_on_clipboard);
    assert_eq!(
        state.status.map(Status::text),
        Some(Text::ClearedClipboardKept)
    );

    // After the idle clear, an emptied clipboard is said, a refusal is not.
    state.apply(Action::Clear(ClearReason::Idle));
    state.apply(Action::ClipboardEmptied(false));
    assert_eq!(state.status.map(Status::text), Some(Text::ClearedAfterIdle));
    state.apply(Action::Clear(ClearReason::Idle));
    state.apply(Action::ClipboardEmptied(true));
    assert_eq!(
        state.status.map(Status::text),
        Some(Text::ClearedAfterIdleClipboardEmptied)
    );

    // Copying the tenant URL replaces the token on the clipboard.
    state.apply(Action::CopyFinished(CopyTarget::SecretToken, true));
    state.apply(Action::CopyFinished(CopyTarget::TenantUrl, true));
    assert!(!state.token_on_clipboard);
}

#[test]
fn clear_forgets_everything_typed_and_says_so() {
    let mut state = filled("abc", "123");
    state.apply(Action::SetTokenToCheck("YWJjOjEyMw==".into()));
    state.apply(Action::ToggleSecretVisible);
    state.apply(Action::ToggleTokenVisible);
    state.apply(Action::Clear(ClearReason::Button));
    assert_eq!(state.api_key, Typed::default());
    assert_eq!(state.api_secret, Typed::default());
    assert_eq!(state.token_to_check, Typed::default());
    assert!(
        !state.secret_visible && !state.token_visible,
        "masked again"
    );
    assert_eq!(state.outcome().hint, Some(Text::MissingKeyAndSecret));
    assert_eq!(state.status.map(Status::text), Some(Text::Cleared));
    assert!(!state.has_input());
}

/// A users export held by «Check the whole directory» is input the auto-clear covers, and a
/// Clear tells the check to drop it (`clears` changes).
#[test]
fn a_directory_file_counts_as_input_and_clear_counts_for_the_check() {
    let mut state = State::default();
    assert!(!state.has_input());
    let (activity, clears) = (state.activity, state.clears);
    state.apply(Action::HoldDirectoryFile(true));
    assert!(state.has_input());
    assert_ne!(state.activity, activity, "choosing a file is activity");
    state.apply(Action::Clear(ClearReason::Idle));
    assert!(!state.has_input() && !state.directory_file);
    assert_eq!(state.clears, clears.wrapping_add(1));
}

#[test]
fn the_guide_opens_and_closes_per_section_and_outlives_clear() {
    use crate::guide::{Guide, RESTART_AFTER_MAPPING_CHANGES};
    let mut state = filled("abc", "123");
    assert!(
        Guide::ALL.iter().all(|&guide| !state.guide_open(guide)),
        "closed at first"
    );
    let before = state.activity;
    state.apply(Action::ToggleGuide(Guide::AfterYouSave));
    assert!(state.guide_open(Guide::AfterYouSave));
    assert!(
        !state.guide_open(Guide::BeforeYouStart),
        "each section on its own"
    );
    assert!(
        state.activity > before,
        "opening a section is the admin doing something"
    );

    state.apply(Action::Clear(ClearReason::Button));
    assert!(
        state.guide_open(Guide::AfterYouSave),
        "Clear forgets what was typed, not this"
    );
    state.apply(Action::ToggleGuide(Guide::AfterYouSave));
    assert!(!state.guide_open(Guide::AfterYouSave));

    // Asking for a point opens its section, even twice in a row, and counts each ask so the
    // widget moves the focus again.
    let (guide, point) = RESTART_AFTER_MAPPING_CHANGES;
    state.apply(Action::ShowGuidePoint(guide, point));
    assert!(state.guide_open(guide));
    assert_eq!(state.guide_point_asked, Some((guide, point, 1)));
    state.apply(Action::ShowGuidePoint(guide, point));
    assert!(state.guide_open(guide), "asking again keeps it open");
    assert_eq!(state.guide_point_asked, Some((guide, point, 2)));
}

#[test]
fn typing_restarts_the_auto_clear_period_and_cancels_its_warning() {
    let mut state = filled("abc", "123");
    let before = state.activity;
    state.apply(Action::WarnBeforeClear);
    assert!(state.clear_pending);
    assert_eq!(state.activity, before, "a warning is not activity");
    state.apply(Action::SetApiSecret("1234".into()));
    assert!(!state.clear_pending);
    assert!(state.activity > before);

    state.apply(Action::WarnBeforeClear);
    state.apply(Action::KeepInput);
    assert!(!state.clear_pending);
    assert_eq!(
        state.api_secret.text, "1234",
        "keeping changes nothing typed"
    );

    state.apply(Action::WarnBeforeClear);
    state.apply(Action::Clear(ClearReason::Idle));
    assert!(!state.clear_pending);
    assert_eq!(state.status.map(Status::text), Some(Text::ClearedAfterIdle));
}

#[test]
fn no_warning_when_there_is_nothing_to_clear() {
    let mut state = State::default();
    state.apply(Action::WarnBeforeClear);
    assert!(!state.clear_pending);
}

#[test]
fn switching_language_keeps_everything_typed_and_is_announced() {
    let mut state = filled("abc", "123");
    state.apply(Action::ChooseLang(Lang::Nb));
    assert_eq!(state.chosen_lang, Some(Lang::Nb));
    assert_eq!(state.api_secret.text, "123");
    assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
    assert_eq!(state.status.map(Status::text), Some(Text::LanguageSwitched));
    state.apply(Action::Clear(ClearReason::Button));
    assert_eq!(
        state.chosen_lang,
        Some(Lang::Nb),
        "clearing keeps the language"
    );
    state.apply(Action::HostLangChanged);
    assert_eq!(state.chosen_lang, None);
}

#[test]
fn a_value_too_long_to_keep_is_refused_for_its_length_alone() {
    use crate::diagnose::{MAX_TOKEN_CHARS, MAX_VALUE_CHARS};
    let mut state = filled("abc", "123");
    state.apply(Action::SetApiSecret(Typed::too_long(1 << 20)));
    let outcome = state.outcome();
    assert_eq!(outcome.token(), None);
    assert_eq!(outcome.hint, Some(Text::FixToMakeToken), "not «missing»");
    let kinds: Vec<_> = outcome
        .findings
        .iter()
        .map(|f| (f.field, &f.kind))
        .collect();
    assert_eq!(
        kinds,
        [(
            Some(Field::ApiSecret),
            &FindingKind::TooLong {
                length: 1 << 20,
                limit: MAX_VALUE_CHARS
            }
        )],
        "the same finding as for the text itself, and nothing else"
    );
    assert!(state.has_input(), "so it is cleared on time");
    assert_eq!(
        state.api_secret.to_write(),
        None,
        "the input keeps it, not the state"
    );

    state.apply(Action::SetTokenToCheck(Typed::too_long(
        MAX_TOKEN_CHARS + 1,
    )));
    let check = state.token_check().expect("checked");
    assert!(matches!(
        check.findings(),
        [finding] if finding.kind == FindingKind::TooLong { length: MAX_TOKEN_CHARS + 1, limit: MAX_TOKEN_CHARS }
    ));

    state.apply(Action::Clear(ClearReason::Button));
    assert!(!state.has_input());
    assert_eq!(state.api_secret.to_write(), Some(""));
}

#[test]
fn the_fields_are_rewritten_only_when_the_widget_changes_their_text() {
    let mut state = State::default();
    let mut rewrites = state.rewrites;
    let mut rewritten = |state: &State| {
        let changed = state.rewrites != rewrites;
        rewrites = state.rewrites;
        changed
    };
    state.apply(Action::SetApiKey("abc".into()));
    state.apply(Action::SetApiSecret("YWJjOjEyMw==".into()));
    assert!(!rewritten(&state), "typing is only read");
    state.apply(Action::ToggleSecretVisible);
    state.apply(Action::ChooseLang(Lang::Nb));
    assert!(!rewritten(&state));
    let fix = state
        .outcome()
        .findings
        .iter()
        .find_map(Finding::fix)
        .expect("a fix for a token pasted as the secret");
    state.apply(Action::ApplyFix(Some(Field::ApiSecret), fix));
    assert!(rewritten(&state), "a fix");
    state.apply(Action::HostApiKey("new".into()));
    assert_eq!(state.api_key.text, "new");
    assert!(rewritten(&state), "the host's key");
    state.apply(Action::Clear(ClearReason::Idle));
    assert!(rewritten(&state), "Clear, which keeps counting");
}

#[test]
fn prefilled_key_waits_for_the_secret() {
    let state = State::with_api_key("abc".into());
    assert_eq!(state.outcome().hint, Some(Text::MissingSecret));
}

/// The state a host hears (`scim-token-state`) for a key and a secret as typed.
fn host_state(key: &str, secret: &str) -> &'static str {
    filled(key, secret).outcome().token_state().name()
}

#[test]
fn a_field_still_empty_is_incomplete_not_invalid() {
    assert_eq!(State::default().outcome().token_state().name(), "empty");
    // The host gave the key, the admin has not pasted the secret yet: nothing is wrong.
    let prefilled = State::with_api_key("abc".into());
    assert_eq!(prefilled.outcome().token_state().name(), "incomplete");
    assert_eq!(host_state("abc", ""), "incomplete");
    assert_eq!(host_state("", "123"), "incomplete");
    // A note or a warning about what is typed is no error either.
    assert_eq!(host_state("abc\n", ""), "incomplete");
    assert_eq!(host_state("API key: abc", ""), "incomplete");
    assert_eq!(host_state("abc", "123"), "valid");
}

#[test]
fn invalid_only_when_a_finding_is_an_error() {
    for (key, secret) in [
        ("ab c", "123"),
        ("abc:123", ""),
        ("ab:c", "123"),
        ("", "YWJjOjEyMw=="),
        ("abc", &"x".repeat(5000)),
    ] {
        let outcome = filled(key, secret).outcome();
        assert!(
            outcome
                .findings
                .iter()
                .any(|f| f.severity() == Severity::Error),
            "{key:?} / {secret:?} has an error"
        );
        assert_eq!(
            outcome.token_state().name(),
            "invalid",
            "{key:?} / {secret:?}"
        );
    }
    let mut surrogate = filled("", "");
    surrogate.apply(Action::SetApiSecret(Typed::from_utf16(&[0x31, 0xD800])));
    assert_eq!(surrogate.outcome().token_state().name(), "invalid");
}
