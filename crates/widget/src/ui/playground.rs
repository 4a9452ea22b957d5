//! «Try an expression»: paste any attribute-mapping expression and values for the attributes it
//! reads, and see its result, or where and why it is not an expression.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::store::Store;

use crate::i18n::expr::ExprMessage;
use crate::i18n::expr::ExprText;
use crate::i18n::Lang;
use crate::mapping_state::{
    ErrorMarker, PlaygroundAction, PlaygroundOutcome, PlaygroundState, ShownValue,
};

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Whether the section is open: closed, nothing is shown, and what was typed is kept.
    pub open: bool,
}

fn text_area_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// The expression's line with the character at `at` marked and a caret under it. Only for the
/// eye: the message beside it says the same in words.
fn marker(text: &str, at: usize) -> Html {
    let marker = ErrorMarker::new(text, at);
    html! {
        <pre class="marker" aria-hidden="true"><code>
            { marker.before }<mark>{ marker.at }</mark>{ marker.after }{ "\n" }
            { marker.indent }<span class="caret">{ "^" }</span>
        </code></pre>
    }
}

/// The body of «Try an expression» (its heading is the widget's, `super::helpers`).
#[component]
pub fn ExpressionPlayground(props: &PlaygroundProps) -> Html {
    let state = use_reducer(Store::<PlaygroundState>::default);
    let lang = props.lang;
    let t = move |text: ExprText| text.in_lang(lang);
    let prefix = props.id_prefix.clone();
    let id = move |name: &str| AttrValue::from(format!("{prefix}-try-{name}"));
    let actions = state.dispatcher().to_callback();

    let body = props.open.then(|| {
        let outcome = state.outcome();
        let (invalid, described_by) = match &outcome {
            PlaygroundOutcome::NotParsed(_) => (true, Some(id("error"))),
            PlaygroundOutcome::Evaluated { result: Err(_), .. } => (false, Some(id("result"))),
            _ => (false, None),
        };
        let details = match outcome {
            PlaygroundOutcome::Empty => Html::default(),
            PlaygroundOutcome::NotParsed(error) => html! {
                <div id={id("error")} class="expr-error">
                    { marker(&state.expression, error.at) }
                    <p class="error-text">
                        <strong>{ t(ExprText::NotAnExpression) }</strong>
                        <span class="detail">{ error.message(lang) }</span>
                    </p>
                </div>
            },
            PlaygroundOutcome::Evaluated { attributes, result } => {
                let inputs = attributes.iter().enumerate().map(|(i, name)| {
                    let input_id = id(&format!("value-{i}"));
                    let name = name.clone();
                    let value = state.value(&name).to_owned();
                    html! {
                        <div class="field" key={name.clone()}>
                            <label for={input_id.clone()}><code>{ name.clone() }</code></label>
                            <textarea id={input_id} rows="1" value={value}
                                aria-describedby={id("values-hint")}
                                autocomplete="off" spellcheck="false" autocapitalize="off"
                                autocorrect="off"
                                oninput={actions.reform(move |e: InputEvent| {
                                    PlaygroundAction::SetValue(name.clone(), text_area_value(&e))
                                })} />
                        </div>
                    }
                });
                let values = if attributes.is_empty() {
                    html! { <p class="hint">{ t(ExprText::PlaygroundNoAttributes) }</p> }
                } else {
                    html! {
                        <fieldset class="values">
                            <legend>{ t(ExprText::PlaygroundValuesLabel) }</legend>
                            <p id={id("values-hint")} class="hint">
                                { t(ExprText::PlaygroundValuesHint) }
                            </p>
                            { for inputs }
                        </fieldset>
                    }
                };
                let (error_marker, shown) = match result {
                    Ok(value) => {
                        let shown = ShownValue::of(&value, lang);
                        let shown = html! {
                            <span class={classes!("value",
                                shown.placeholder.then_some("placeholder"))}>
                                { shown.text }
                            </span>
                        };
                        (None, shown)
                    }
                    Err(error) => {
                        let error_marker = error.at.map(|at| marker(&state.expression, at));
                        let shown = html! {
                            <span class="cannot-tell">
                                <strong>{ t(ExprText::CannotTell) }</strong>
                                <span class="detail">{ error.message(lang) }</span>
                            </span>
                        };
                        (error_marker, shown)
                    }
                };
                html! {
                    <>
                        { values }
                        <div class="field result">
                            <p id={id("result-label")} class="label">
                                { t(ExprText::PlaygroundResultLabel) }
                            </p>
                            { for error_marker }
                            <output id={id("result")} for={id("expression")}
                                aria-labelledby={id("result-label")}>
                                { shown }
                            </output>
                        </div>
                    </>
                }
            }
        };
        html! {
            <div id={id("body")} class="helper-body">
                <p class="step-text">{ t(ExprText::PlaygroundIntro) }</p>
                <div class="field">
                    <label for={id("expression")}>{ t(ExprText::PlaygroundExpressionLabel) }</label>
                    <textarea id={id("expression")} rows="3" value={state.expression.clone()}
                        aria-invalid={invalid.then_some("true")} aria-describedby={described_by}
                        autocomplete="off" spellcheck="false" autocapitalize="off"
                        autocorrect="off"
                        oninput={actions.reform(|e: InputEvent| {
                            PlaygroundAction::SetExpression(text_area_value(&e))
                        })} />
                </div>
                { details }
            </div>
        }
    });

    body.unwrap_or_default()
}
