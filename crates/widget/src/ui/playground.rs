//! «Try an expression»: paste any attribute-mapping expression and values for the attributes it
//! reads, and see its result, or where and why it is not an expression.

use yew::prelude::*;

use super::answers::{reply_notice, use_answer};
use super::store::Store;
use super::text_box;
use crate::dom::text_area_value;
use crate::dom::worker::Engine;
use crate::helpers::{
    Answer, Question, Shown, TryAnswer, TryShown, MAX_ATTRIBUTES_SHOWN, MAX_EXPRESSION_BOX,
    MAX_VALUE_BOX,
};
use crate::i18n::expr::{attributes_left_out as attributes_left_out_note, ExprText};
use crate::i18n::Lang;
use crate::playground_state::{ErrorMarker, PlaygroundAction, PlaygroundState};

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Whether the section is open: closed, nothing is shown, and what was typed is kept.
    pub open: bool,
    /// Where the answers come from.
    pub engine: Engine,
}

/// The expression's line with the character at `at` marked and a caret under it. Only for the
/// eye: the message beside it says the same in words.
fn marker(marker: ErrorMarker) -> Html {
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

    let question = props
        .open
        .then(|| Question::from_playground(0, lang, &state));
    let answered = use_answer(&props.engine, question);
    let busy = answered.busy;

    let body = props.open.then(|| {
        let notice = reply_notice(answered.trouble.as_ref(), lang);
        let newest = match answered.answer.as_deref() {
            Some(Answer::Try { answer, .. }) => Some(answer),
            _ => None,
        };
        let shown = TryShown::of(newest, notice.is_some());
        let (invalid, described_by) = match shown.answer {
            Some(TryAnswer::NotParsed { .. }) => (true, Some(id("error"))),
            Some(TryAnswer::Evaluated {
                result: Shown::CannotTell(_),
                ..
            }) => (false, Some(id("result"))),
            _ => (false, None),
        };
        // The boxes keep their place in the body whatever is said beside them, so a stop does
        // not re-create (and take the focus from) the box being typed in.
        let values = shown.value_boxes.map(|(attributes, attributes_left_out)| {
            let inputs = attributes.iter().enumerate().map(|(i, name)| {
                let input_id = id(&format!("value-{i}"));
                let name = name.clone();
                let value = state.value(&name).to_owned();
                let full_id = id(&format!("value-{i}-full"));
                html! {
                    <div class="field" key={name.clone()}>
                        <label for={input_id.clone()}><code>{ name.clone() }</code></label>
                        <textarea id={input_id} rows="1" defaultvalue={value.clone()}
                            maxlength={MAX_VALUE_BOX.to_string()}
                            aria-describedby={text_box::described_by(&value, MAX_VALUE_BOX,
                                &full_id, Some(id("values-hint")))}
                            autocomplete="off" spellcheck="false" autocapitalize="off"
                            autocorrect="off"
                            oninput={actions.reform(move |e: InputEvent| {
                                PlaygroundAction::SetValue(name.clone(), text_area_value(&e))
                            })} />
                        { text_box::full_note(&value, MAX_VALUE_BOX, full_id, lang) }
                    </div>
                }
            });
            if attributes.is_empty() {
                html! { <p class="hint">{ t(ExprText::PlaygroundNoAttributes) }</p> }
            } else {
                html! {
                    <fieldset class="values">
                        <legend>{ t(ExprText::PlaygroundValuesLabel) }</legend>
                        <p id={id("values-hint")} class="hint">
                            { t(ExprText::PlaygroundValuesHint) }
                        </p>
                        { inputs.collect::<Html>() }
                        if attributes_left_out > 0 {
                            <p class="hint">
                                { attributes_left_out_note(MAX_ATTRIBUTES_SHOWN,
                                    attributes_left_out, lang) }
                            </p>
                        }
                    </fieldset>
                }
            }
        });
        let said = match shown.answer {
            None | Some(TryAnswer::Empty) => Html::default(),
            Some(TryAnswer::NotParsed {
                message,
                marker: at,
            }) => html! {
                <div id={id("error")} class="expr-error">
                    { marker(at.clone()) }
                    <p class="error-text">
                        <strong>{ t(ExprText::NotAnExpression) }</strong>
                        <span class="detail">{ message.clone() }</span>
                    </p>
                </div>
            },
            Some(TryAnswer::Evaluated {
                result,
                marker: at,
                note,
                ..
            }) => {
                let shown = match result {
                    Shown::Value { text, placeholder } => html! {
                        <span class={classes!("value", placeholder.then_some("placeholder"))}>
                            { text.clone() }
                        </span>
                    },
                    Shown::CannotTell(message) => html! {
                        <span class="cannot-tell">
                            <strong>{ t(ExprText::CannotTell) }</strong>
                            <span class="detail">{ message.clone() }</span>
                        </span>
                    },
                };
                html! {
                    <div class="field result">
                        <p id={id("result-label")} class="label">
                            { t(ExprText::PlaygroundResultLabel) }
                        </p>
                        { at.clone().map(marker).unwrap_or_default() }
                        <output id={id("result")} for={id("expression")}
                            aria-labelledby={id("result-label")}>
                            { shown }
                        </output>
                        if let Some(note) = note {
                            <p class="hint">{ note.clone() }</p>
                        }
                    </div>
                }
            }
        };
        html! {
            <div id={id("body")} class="helper-body" aria-busy={busy.then_some("true")}>
                <p class="step-text">{ t(ExprText::PlaygroundIntro) }</p>
                <div class="field">
                    <label for={id("expression")}>{ t(ExprText::PlaygroundExpressionLabel) }</label>
                    <textarea id={id("expression")} rows="3" defaultvalue={state.expression.clone()}
                        maxlength={MAX_EXPRESSION_BOX.to_string()}
                        aria-invalid={invalid.then_some("true")}
                        aria-describedby={text_box::described_by(&state.expression,
                            MAX_EXPRESSION_BOX, &id("expression-full"), described_by)}
                        autocomplete="off" spellcheck="false" autocapitalize="off"
                        autocorrect="off"
                        oninput={actions.reform(|e: InputEvent| {
                            PlaygroundAction::SetExpression(text_area_value(&e))
                        })} />
                    { text_box::full_note(&state.expression, MAX_EXPRESSION_BOX,
                        id("expression-full"), lang) }
                </div>
                { notice.unwrap_or_default() }
                { values.unwrap_or_default() }
                { said }
            </div>
        }
    });

    body.unwrap_or_default()
}
