//! A labelled text field, optionally masked with a show/hide toggle.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A show/hide toggle for a masked field.
#[derive(Clone, PartialEq)]
pub struct Reveal {
    /// Whether the value is shown in clear text now.
    pub visible: bool,
    /// The toggle's short visible text when masked and when shown ("Show", "Hide").
    pub texts: (&'static str, &'static str),
    /// The toggle's accessible name when masked and when shown ("Show API secret", …).
    pub names: (&'static str, &'static str),
    /// Asked to flip `visible`.
    pub on_toggle: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The input's id, unique on the page.
    pub id: AttrValue,
    /// The visible label, which is also the accessible name.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Called with the new text on every input (typing, paste, drop, autofill). `None`: read-only.
    #[prop_or_default]
    pub on_input: Option<Callback<String>>,
    /// Masking; `None` for a field that is always shown.
    #[prop_or_default]
    pub reveal: Option<Reveal>,
    /// The ids of the texts that describe this field.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    /// For selecting the text when a copy fails.
    #[prop_or_default]
    pub node_ref: NodeRef,
    /// Buttons that act on the field (copy).
    #[prop_or_default]
    pub children: Html,
}

/// A labelled input in the widget's style; the browser is told not to remember, correct or
/// spell-check anything typed into it.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let masked = props.reveal.as_ref().is_some_and(|reveal| !reveal.visible);
    // `input` covers typing, paste, drop and most autofill; `change` catches autofill that
    // only reports itself that way.
    let on_change = props.on_input.clone().map(|on_input| {
        Callback::from(move |event: Event| {
            on_input.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    });
    let on_input = on_change
        .clone()
        .map(|on_change| on_change.reform(|event: InputEvent| Event::from(event)));
    let toggle = props.reveal.as_ref().map(|reveal| {
        let on_toggle = reveal.on_toggle.clone();
        let (text, name) = if reveal.visible {
            (reveal.texts.1, reveal.names.1)
        } else {
            (reveal.texts.0, reveal.names.0)
        };
        html! {
            <button type="button" class="toggle" part="toggle" aria-label={name}
                aria-pressed={if reveal.visible { "true" } else { "false" }}
                aria-controls={props.id.clone()}
                onclick={move |_| on_toggle.emit(())}>{ text }</button>
        }
    });
    html! {
        <div class="field" part="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="row">
                <input id={props.id.clone()} ref={props.node_ref.clone()}
                    type={if masked { "password" } else { "text" }}
                    value={props.value.clone()}
                    readonly={props.on_input.is_none()}
                    aria-describedby={props.described_by.clone()}
                    autocomplete="off" spellcheck="false" autocapitalize="off" autocorrect="off"
                    oninput={on_input} onchange={on_change} />
                { for toggle }
                { props.children.clone() }
            </div>
        </div>
    }
}
