//! The widget's one state and the actions that change it.
//!
//! Every change the admin makes is an [`Action`]; [`State::apply`] is the only code that changes
//! the state. Derived values (the token, the hint) are computed from the state by [`State::outcome`]
//! and never stored beside it. This file has no browser in it, so it is tested natively.

use crate::i18n::Text;
use crate::token;

/// What a copy button copies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CopyTarget {
    /// The secret token.
    SecretToken,
    /// The tenant URL.
    TenantUrl,
}

/// Why the widget emptied itself.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ClearReason {
    /// The admin pressed «Clear».
    Button,
    /// Nothing was typed for the auto-clear period, or the page was hidden that long.
    Idle,
}

/// The last thing worth announcing to the admin (and to screen readers).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// A copy went to the clipboard.
    Copied(CopyTarget),
    /// The clipboard refused; the text is selected for Ctrl+C instead.
    CopyFailed(CopyTarget),
    /// Every field was emptied.
    Cleared(ClearReason),
}

impl Status {
    /// The announcement for this status.
    pub fn text(self) -> Text {
        match self {
            Status::Copied(CopyTarget::SecretToken) => Text::SecretTokenCopied,
            Status::Copied(CopyTarget::TenantUrl) => Text::TenantUrlCopied,
            Status::CopyFailed(_) => Text::CopyFailed,
            Status::Cleared(ClearReason::Button) => Text::Cleared,
            Status::Cleared(ClearReason::Idle) => Text::ClearedAfterIdle,
        }
    }
}

/// Everything the admin has entered or chosen.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct State {
    /// The API key field, exactly as typed.
    pub api_key: String,
    /// The API secret field, exactly as typed.
    pub api_secret: String,
    /// Whether the API secret is shown in clear text.
    pub secret_visible: bool,
    /// Whether the secret token is shown in clear text.
    pub token_visible: bool,
    /// The latest announcement, if any.
    pub status: Option<Status>,
    /// Counts what the admin did; the auto-clear timer starts again whenever it changes.
    pub activity: u64,
    /// The auto-clear is about to happen and the admin has been told.
    pub clear_pending: bool,
}

/// One change to the [`State`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Action {
    /// The API key field now holds this text.
    SetApiKey(String),
    /// The API secret field now holds this text.
    SetApiSecret(String),
    /// Show or hide the API secret.
    ToggleSecretVisible,
    /// Show or hide the secret token.
    ToggleTokenVisible,
    /// A copy finished: `true` if the clipboard took it.
    CopyFinished(CopyTarget, bool),
    /// The auto-clear will happen soon unless the admin does something.
    WarnBeforeClear,
    /// The admin wants to keep what was typed for another period.
    KeepInput,
    /// Forget everything typed.
    Clear(ClearReason),
}

impl Action {
    /// Whether this is the admin doing something, which restarts the auto-clear period.
    fn is_activity(&self) -> bool {
        matches!(
            self,
            Action::SetApiKey(_)
                | Action::SetApiSecret(_)
                | Action::ToggleSecretVisible
                | Action::ToggleTokenVisible
                | Action::KeepInput
        )
    }
}

/// What the token box shows, derived from the state.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// No token yet; the hint says what is missing.
    Missing(Text),
    /// The secret token, ready to copy.
    Ready(String),
}

impl Outcome {
    /// The token, if there is one.
    pub fn token(&self) -> Option<&str> {
        match self {
            Outcome::Ready(token) => Some(token),
            Outcome::Missing(_) => None,
        }
    }
}

impl State {
    /// A state with the API key field prefilled (for hosts that just created the key).
    pub fn with_api_key(api_key: String) -> Self {
        State {
            api_key,
            ..State::default()
        }
    }

    /// Applies one action.
    ///
    /// ```
    /// use scim_token_widget::ui::state::{Action, State};
    ///
    /// let mut state = State::default();
    /// state.apply(Action::SetApiKey("abc".into()));
    /// state.apply(Action::SetApiSecret("123".into()));
    /// assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
    /// ```
    pub fn apply(&mut self, action: Action) {
        if action.is_activity() {
            self.activity = self.activity.wrapping_add(1);
            self.clear_pending = false;
        }
        match action {
            Action::SetApiKey(api_key) => {
                self.api_key = api_key;
                // An announcement about the old token would now be about a different one.
                self.status = None;
            }
            Action::SetApiSecret(api_secret) => {
                self.api_secret = api_secret;
                self.status = None;
            }
            Action::ToggleSecretVisible => self.secret_visible = !self.secret_visible,
            Action::ToggleTokenVisible => self.token_visible = !self.token_visible,
            Action::WarnBeforeClear => self.clear_pending = self.has_input(),
            Action::KeepInput => {}
            Action::Clear(reason) => {
                // Replacing the strings drops them; the zeroing allocator wipes their bytes.
                *self = State {
                    status: Some(Status::Cleared(reason)),
                    activity: self.activity,
                    ..State::default()
                };
            }
            Action::CopyFinished(target, true) => self.status = Some(Status::Copied(target)),
            Action::CopyFinished(target, false) => {
                // A masked field cannot be copied with Ctrl+C, so the fallback shows the token.
                if target == CopyTarget::SecretToken {
                    self.token_visible = true;
                }
                self.status = Some(Status::CopyFailed(target));
            }
        }
    }

    /// Whether anything typed is held (and so worth clearing).
    pub fn has_input(&self) -> bool {
        !self.api_key.is_empty() || !self.api_secret.is_empty()
    }

    /// The token, or the hint that says what is missing.
    pub fn outcome(&self) -> Outcome {
        match (self.api_key.is_empty(), self.api_secret.is_empty()) {
            (true, true) => Outcome::Missing(Text::MissingKeyAndSecret),
            (true, false) => Outcome::Missing(Text::MissingKey),
            (false, true) => Outcome::Missing(Text::MissingSecret),
            (false, false) => Outcome::Ready(token::secret_token(&self.api_key, &self.api_secret)),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn filled(key: &str, secret: &str) -> State {
        let mut state = State::default();
        state.apply(Action::SetApiKey(key.into()));
        state.apply(Action::SetApiSecret(secret.into()));
        state
    }

    #[test]
    fn empty_fields_give_no_token_and_name_what_is_missing() {
        assert_eq!(
            State::default().outcome(),
            Outcome::Missing(Text::MissingKeyAndSecret)
        );
        assert_eq!(
            filled("", "s").outcome(),
            Outcome::Missing(Text::MissingKey)
        );
        assert_eq!(
            filled("k", "").outcome(),
            Outcome::Missing(Text::MissingSecret)
        );
    }

    #[test]
    fn the_token_follows_the_fields() {
        let mut state = filled("abc", "123");
        assert_eq!(state.outcome().token(), Some("YWJjOjEyMw=="));
        state.apply(Action::SetApiSecret("1234".into()));
        assert_eq!(
            state.outcome().token(),
            Some(token::secret_token("abc", "1234").as_str())
        );
    }

    #[test]
    fn masked_by_default_and_toggles_independently() {
        let mut state = filled("abc", "123");
        assert!(!state.secret_visible && !state.token_visible);
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
    fn clear_forgets_everything_typed_and_says_so() {
        let mut state = filled("abc", "123");
        state.apply(Action::ToggleSecretVisible);
        state.apply(Action::ToggleTokenVisible);
        state.apply(Action::Clear(ClearReason::Button));
        assert_eq!(state.api_key, "");
        assert_eq!(state.api_secret, "");
        assert!(
            !state.secret_visible && !state.token_visible,
            "masked again"
        );
        assert_eq!(state.outcome(), Outcome::Missing(Text::MissingKeyAndSecret));
        assert_eq!(state.status.map(Status::text), Some(Text::Cleared));
        assert!(!state.has_input());
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
        assert_eq!(state.api_secret, "1234", "keeping changes nothing typed");

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
    fn prefilled_key_waits_for_the_secret() {
        let state = State::with_api_key("abc".into());
        assert_eq!(state.outcome(), Outcome::Missing(Text::MissingSecret));
    }
}
