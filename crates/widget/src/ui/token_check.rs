//! «Check a token»: paste an existing token and see what it holds.

use yew::prelude::*;

use super::disclosure::Disclosure;
use super::field::{Field as InputField, Reveal};
use super::findings::FindingList;
use crate::diagnose::{max_chars, Field, TokenCheck};
use crate::i18n::{Lang, Text};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct TokenCheckProps {
    /// The level of the widget's title: this section's heading is one below.
    pub heading_level: u8,
    /// The «Token to check» box's text (`None`: leave the box as it is; see [`InputField`]).
    pub text: Option<AttrValue>,
    /// Changes whenever the widget itself has set the text.
    pub rewrites: u32,
    /// What was found in it (`None` while it is empty).
    pub check: Option<TokenCheck>,
    /// Whether the section is open.
    pub open: bool,
    /// Whether the box is shown in clear text.
    pub text_visible: bool,
    /// Whether the decoded secret is shown.
    pub secret_visible: bool,
    /// Changes the state.
    pub actions: Callback<Action>,
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
}

/// A collapsible section with the «Token to check» box and its findings.
#[component]
pub fn TokenCheckSection(props: &TokenCheckProps) -> Html {
    let t = |text: Text| text.in_lang(props.lang);
    let id = |name: &str| AttrValue::from(format!("{}-{name}", props.id_prefix));
    let input_ref = use_node_ref();
    let actions = &props.actions;
    let body = props.open.then(|| {
        let check = props.check.as_ref();
        let findings = check
            .map(|check| check.findings().to_vec())
            .unwrap_or_default();
        let invalid = check.is_some_and(|check| check.has_error());
        let reveal = Reveal {
            visible: props.text_visible,
            texts: (t(Text::Show), t(Text::Hide)),
            names: (t(Text::ShowTokenToCheck), t(Text::HideTokenToCheck)),
            on_toggle: actions.reform(|()| Action::ToggleCheckTokenVisible),
        };
        let credentials = check
            .filter(|check| check.is_valid())
            .and_then(|check| check.credentials().cloned());
        let decoded = credentials.map(|credentials| {
            let shown = props.secret_visible;
            // Masked, the secret is not in the DOM at all: only its length is.
            let secret = if shown {
                credentials.api_secret.clone()
            } else {
                "•".repeat(credentials.api_secret.chars().count())
            };
            let (text, name) = if shown {
                (Text::Hide, Text::HideCheckedSecret)
            } else {
                (Text::Show, Text::ShowCheckedSecret)
            };
            html! {
                <dl class="decoded" part="decoded">
                    <dt>{ t(Text::CheckedKey) }</dt>
                    <dd><code>{ credentials.api_key.clone() }</code></dd>
                    <dt>{ t(Text::CheckedSecret) }</dt>
                    <dd>
                        <code>{ secret }</code>
                        <button type="button" class="toggle" part="toggle" aria-label={t(name)}
                            aria-pressed={if shown { "true" } else { "false" }}
                            onclick={actions.reform(|_| Action::ToggleCheckedSecretVisible)}>
                            { t(text) }
                        </button>
                    </dd>
                </dl>
            }
        });
        html! {
            <div id={id("check-body")} class="check-body">
                <p class="step-text">{ t(Text::CheckTokenIntro) }</p>
                <InputField id={id("check")} label={t(Text::TokenToCheck)}
                    value={props.text.clone()} rewrites={props.rewrites}
                    max_chars={max_chars(Field::Token)}
                    on_input={actions.reform(Action::SetTokenToCheck)}
                    reveal={reveal} invalid={invalid} node_ref={input_ref}
                    described_by={(!findings.is_empty()).then(|| id("check-findings"))} />
                <FindingList id={id("check-findings")} findings={findings} lang={props.lang}
                    secret_masked={!props.secret_visible}
                    on_fix={actions.reform(|(field, fix)| Action::ApplyFix(field, fix))} />
                { decoded.unwrap_or_default() }
            </div>
        }
    });
    html! {
        <section class="check" part="check">
            <Disclosure label={t(Text::CheckToken)} open={props.open} controls={id("check-body")}
                part="check-toggle" on_toggle={actions.reform(|()| Action::ToggleCheck)}
                level={props.heading_level + 1} />
            { body.unwrap_or_default() }
        </section>
    }
}
