//! «Map organisation levels»: paste sample values of the attribute that holds the org chart,
//! see how each splits, choose which level goes to organization, division and department, and
//! copy the expressions to paste into Entra, with their result on every sample.

use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::answers::{reply_notice, use_answer};
use super::heading::heading;
use super::store::Store;
use super::text_box;
use crate::dom::clipboard;
use crate::dom::text_area_value;
use crate::dom::worker::Engine;
use crate::expr::{LevelChoice, ScimTarget, DELIMITERS, SOURCE_ATTRIBUTES};
use crate::helpers::{
    Answer, MapAnswer, MappedTarget, Question, SampleRow, Shown, MAX_ATTRIBUTE_NAME_BOX,
    MAX_LEVELS_SHOWN, MAX_SAMPLES_BOX, MAX_SAMPLE_CHARS,
};
use crate::i18n::expr::{
    delimiter_name, level_column, level_position, levels_left_out, samples_left_out,
    samples_too_long, target_name, ExprText,
};
use crate::i18n::{Lang, Text};
use crate::mapping_state::{
    level_from_value, level_value, CopyPart, CopyStatus, MappingAction, MappingState, SourceChoice,
    MAX_SAMPLES,
};

#[derive(Properties, PartialEq)]
pub struct MappingProps {
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Whether the section is open: closed, nothing is shown, and what was typed is kept.
    pub open: bool,
    /// Where the answers come from.
    pub engine: Engine,
    /// The level of the widget's title: the results' headings are two and three below.
    pub heading_level: u8,
    /// Where the widget says more about restarting provisioning (see
    /// [`super::helpers::HelperSectionProps`]).
    #[prop_or_default]
    pub restart_point: Option<(AttrValue, Callback<()>)>,
    /// Where «Check the whole directory» gets its answers; `None`: not offered.
    #[prop_or_default]
    pub directory_engine: Option<Engine>,
    /// Changes with every Clear.
    #[prop_or_default]
    pub clears: u32,
    /// Told whether the directory check holds a file.
    #[prop_or_default]
    pub on_directory_file: Callback<bool>,
}

/// A target's part of element ids.
fn target_key(target: ScimTarget) -> &'static str {
    match target {
        ScimTarget::Organization => "organization",
        ScimTarget::Division => "division",
        ScimTarget::Department => "department",
    }
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// What a copy button asks for: which text, and the field that shows it.
type CopyRequest = (CopyStatus, String, AttrValue);

/// The body of «Map organisation levels» (its heading is the widget's, `super::helpers`).
#[component]
pub fn MappingSection(props: &MappingProps) -> Html {
    let state = use_reducer(Store::<MappingState>::default);
    let root = use_node_ref();
    let lang = props.lang;
    let t = move |text: ExprText| text.in_lang(lang);
    let prefix = props.id_prefix.clone();
    let id = move |name: &str| AttrValue::from(format!("{prefix}-map-{name}"));
    let actions = state.dispatcher().to_callback();

    let copy = {
        let actions = actions.clone();
        let root = root.clone();
        Callback::from(move |(status, text, field): CopyRequest| {
            let actions = actions.clone();
            let root = root.cast::<Element>();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = clipboard::copy_or_select(&text, root.as_ref(), Some(&field)).await;
                actions.emit(MappingAction::CopyFinished(CopyStatus { copied, ..status }));
            });
        })
    };

    let question = props.open.then(|| Question::from_mapping(0, lang, &state));
    let answered = use_answer(&props.engine, question);
    let busy = answered.busy;
    // Until the first answer, and while stopped, the choices show as they are and nothing is
    // split; the last answer stays shown while a newer question is on its way.
    let notice = reply_notice(answered.trouble.as_ref(), lang);
    let map = std::rc::Rc::new(match answered.answer.as_deref() {
        Some(Answer::Map { answer, .. }) if notice.is_none() => answer.clone(),
        _ => MapAnswer::default(),
    });

    let body = props.open.then(|| {
        let depth = map.depth();
        let left_out = map.left_out;
        let source_error = map.source_error.clone();

        let source_options = SOURCE_ATTRIBUTES.iter().map(|name| {
            html! {
                <option value={*name} selected={state.source == SourceChoice::Listed(name)}>
                    { *name }
                </option>
            }
        });
        let other_source = (state.source == SourceChoice::Other).then(|| {
            html! {
                <div class="field">
                    <label for={id("source-name")}>{ t(ExprText::SourceAttributeName) }</label>
                    <input id={id("source-name")} type="text" value={state.other_source.clone()}
                        maxlength={MAX_ATTRIBUTE_NAME_BOX.to_string()}
                        aria-invalid={source_error.is_some().then_some("true")}
                        aria-describedby={text_box::described_by(&state.other_source,
                            MAX_ATTRIBUTE_NAME_BOX, &id("source-name-full"),
                            source_error.is_some().then(|| id("source-error")))}
                        autocomplete="off" spellcheck="false" autocapitalize="off"
                        autocorrect="off"
                        oninput={actions.reform(|e: InputEvent| {
                            MappingAction::SetOtherSource(input_value(&e))
                        })} />
                    if let Some(error) = source_error {
                        <p id={id("source-error")} class="error-text">{ error }</p>
                    }
                    { text_box::full_note(&state.other_source, MAX_ATTRIBUTE_NAME_BOX,
                        id("source-name-full"), lang) }
                </div>
            }
        });

        let delimiter = state.chosen_delimiter.unwrap_or(map.delimiter);
        let delimiter_options = DELIMITERS.iter().map(|d| {
            html! {
                <option value={d.to_string()} selected={*d == delimiter}>
                    { delimiter_name(*d, lang) }
                </option>
            }
        });
        let delimiter_note = (!map.rows.is_empty()).then(|| match map.detected_delimiter {
            Some(found) => html! {
                <p id={id("delimiter-note")} class="hint">
                    { t(ExprText::DelimiterDetected) }{ ": " }
                    <strong>{ delimiter_name(found, lang) }</strong>
                </p>
            },
            None => html! {
                <p id={id("delimiter-note")} class="hint">{ t(ExprText::DelimiterNotFound) }</p>
            },
        });

        let split_table = (!map.rows.is_empty()).then(|| {
            let rows = map.rows.iter().map(|row| {
                let cells = (0..depth).map(|i| match row.levels.get(i) {
                    Some(level) if level.is_empty() => html! {
                        <td class="placeholder">{ t(ExprText::EmptyLevel) }</td>
                    },
                    Some(level) => html! { <td>{ level.clone() }</td> },
                    None => html! { <td></td> },
                });
                html! {
                    <tr><th scope="row"><code>{ row.sample.clone() }</code></th>{ for cells }</tr>
                }
            });
            html! {
                <div class="table-wrap" role="region" tabindex="0"
                    aria-labelledby={id("split-caption")}>
                    <table class="split">
                        <caption id={id("split-caption")}>{ t(ExprText::SplitHeading) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(ExprText::SampleColumn) }</th>
                                { for (1..=depth).map(|n| html! {
                                    <th scope="col">{ level_column(n, lang) }</th>
                                }) }
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        });

        let positions = map.positions;
        let level_menus = ScimTarget::ALL.into_iter().map(|target| {
            let chosen = state.level(target);
            let menu_id = id(&format!("level-{}", target_key(target)));
            let option = |choice: Option<LevelChoice>, label: String| {
                html! {
                    <option value={level_value(choice)} selected={chosen == choice}>
                        { label }
                    </option>
                }
            };
            html! {
                <div class="field">
                    <label for={menu_id.clone()}>{ target_name(target, lang) }</label>
                    <select id={menu_id}
                        aria-describedby={format!("{} {}", id("last-hint"), id("fewer-hint"))}
                        onchange={actions.reform(move |e: Event| {
                            MappingAction::ChooseLevel(target, level_from_value(&select_value(&e)))
                        })}>
                        { option(None, t(ExprText::LevelNotMapped).to_owned()) }
                        { for (1..=positions).map(|n| {
                            option(LevelChoice::position(n), level_position(n, lang))
                        }) }
                        { option(Some(LevelChoice::Last), t(ExprText::LevelLast).to_owned()) }
                    </select>
                </div>
            }
        });

        let results = if map.source_error.is_none() && !map.mappings.is_empty() {
            results(&map.mappings, &map.rows, lang, props.heading_level, &id, &copy,
                props.restart_point.as_ref())
        } else {
            Html::default()
        };
        let more_levels = map.rows.iter().any(|row| row.more_levels > 0);
        let directory = props.directory_engine.clone().map(|engine| {
            html! {
                <super::directory::DirectoryCheck id_prefix={props.id_prefix.clone()} lang={lang}
                    engine={engine} heading_level={props.heading_level}
                    source={AttrValue::from(state.source_attribute().to_owned())}
                    chosen_delimiter={state.chosen_delimiter} fallback_delimiter={delimiter}
                    levels={state.levels} clears={props.clears}
                    on_holding={props.on_directory_file.clone()} />
            }
        });

        html! {
            <div id={id("body")} class="helper-body" ref={root.clone()} aria-busy={busy.then_some("true")}>
                <p class="step-text">{ t(ExprText::MapIntro) }</p>
                <div class="field">
                    <label for={id("samples")}>{ t(ExprText::SamplesLabel) }</label>
                    <textarea id={id("samples")} rows="4" defaultvalue={state.samples.clone()}
                        maxlength={MAX_SAMPLES_BOX.to_string()}
                        aria-describedby={text_box::described_by(&state.samples, MAX_SAMPLES_BOX,
                            &id("samples-full"), Some(id("samples-hint")))}
                        autocomplete="off" spellcheck="false" autocapitalize="off"
                        autocorrect="off"
                        oninput={actions.reform(|e: InputEvent| {
                            MappingAction::SetSamples(text_area_value(&e))
                        })} />
                    <p id={id("samples-hint")} class="hint">{ t(ExprText::SamplesHint) }</p>
                    { text_box::full_note(&state.samples, MAX_SAMPLES_BOX, id("samples-full"), lang) }
                </div>
                <div class="field">
                    <label for={id("source")}>{ t(ExprText::SourceAttributeLabel) }</label>
                    <select id={id("source")} onchange={actions.reform(|e: Event| {
                        MappingAction::ChooseSource(SourceChoice::from_value(&select_value(&e)))
                    })}>
                        { for source_options }
                        <option value={SourceChoice::Other.value()}
                            selected={state.source == SourceChoice::Other}>
                            { t(ExprText::SourceAttributeOther) }
                        </option>
                    </select>
                </div>
                { other_source.unwrap_or_default() }
                <div class="field">
                    <label for={id("delimiter")}>{ t(ExprText::DelimiterLabel) }</label>
                    <select id={id("delimiter")}
                        aria-describedby={delimiter_note.is_some().then(|| id("delimiter-note"))}
                        onchange={actions.reform(|e: Event| {
                            let value = select_value(&e);
                            let chosen = DELIMITERS
                                .into_iter()
                                .find(|d| value.starts_with(*d))
                                .unwrap_or(DELIMITERS[0]);
                            MappingAction::ChooseDelimiter(chosen)
                        })}>
                        { for delimiter_options }
                    </select>
                    { delimiter_note.unwrap_or_default() }
                </div>
                { split_table.unwrap_or_default() }
                if left_out > 0 {
                    <p class="hint">{ samples_left_out(MAX_SAMPLES, left_out, lang) }</p>
                }
                if map.too_long > 0 {
                    <p class="hint">{ samples_too_long(MAX_SAMPLE_CHARS, map.too_long, lang) }</p>
                }
                if more_levels {
                    <p class="hint">{ levels_left_out(MAX_LEVELS_SHOWN, lang) }</p>
                }
                { notice.unwrap_or_default() }
                <fieldset class="level-choice">
                    <legend>{ t(ExprText::LevelsHeading) }</legend>
                    { for level_menus }
                    <p id={id("last-hint")} class="hint">{ t(ExprText::LevelLastHint) }</p>
                    <p id={id("fewer-hint")} class="hint">{ t(ExprText::FewerLevelsEmpty) }</p>
                </fieldset>
                { directory.unwrap_or_default() }
                { results }
                <p class="status" role="status" aria-live="polite">
                    { state.status.map(|status| status.message(lang)).unwrap_or_default() }
                </p>
            </div>
        }
    });

    body.unwrap_or_default()
}

/// The steps in Entra, each mapping with its copy buttons, and the preview table.
fn results(
    mappings: &[MappedTarget],
    samples: &[SampleRow],
    lang: Lang,
    title_level: u8,
    id: &dyn Fn(&str) -> AttrValue,
    copy: &Callback<CopyRequest>,
    restart_point: Option<&(AttrValue, Callback<()>)>,
) -> Html {
    let t = |text: ExprText| text.in_lang(lang);
    let steps = [
        ExprText::StepOpenMappings,
        ExprText::StepAddMapping,
        ExprText::StepPasteExpression,
        ExprText::StepTargetAttribute,
        ExprText::StepSave,
    ];
    let blocks = mappings.iter().map(|mapping| {
        let target = mapping.target;
        let key = target_key(target);
        let heading_id = id(&format!("{key}-heading"));
        let copy_button = |part: CopyPart, text: &str, field: AttrValue, label: ExprText| {
            let what = match part {
                CopyPart::TargetAttribute => "attribute",
                CopyPart::Expression => "expression",
            };
            let button = id(&format!("{key}-copy-{what}"));
            let status = CopyStatus {
                target,
                part,
                copied: false,
            };
            let text = text.to_owned();
            // The name reads "Copy expression Division": each button says which mapping.
            html! {
                <button type="button" class="copy" part="copy-button" id={button.clone()}
                    aria-labelledby={format!("{button} {heading_id}")}
                    onclick={copy.reform(move |_| (status, text.clone(), field.clone()))}>
                    { t(label) }
                </button>
            }
        };
        let attribute_field = id(&format!("{key}-attribute"));
        let expression_field = id(&format!("{key}-expression"));
        html! {
            <section class="mapping-target" aria-labelledby={heading_id.clone()}>
                { heading(title_level + 3, "target-heading", None, Some(heading_id.clone()),
                    html! { target_name(target, lang) }) }
                if target == ScimTarget::Department {
                    <p class="hint">{ t(ExprText::DepartmentAlreadyMapped) }</p>
                }
                <div class="field">
                    <label for={attribute_field.clone()}>{ t(ExprText::TargetAttributeLabel) }</label>
                    <div class="row">
                        <input id={attribute_field.clone()} type="text" readonly=true
                            value={target.attribute()} />
                        { copy_button(CopyPart::TargetAttribute, target.attribute(),
                            attribute_field.clone(), ExprText::CopyTargetAttribute) }
                    </div>
                </div>
                <div class="field">
                    <label for={expression_field.clone()}>{ t(ExprText::ExpressionLabel) }</label>
                    <div class="row">
                        <textarea id={expression_field.clone()} readonly=true rows="3"
                            spellcheck="false" value={mapping.expression.clone()} />
                        { copy_button(CopyPart::Expression, &mapping.expression,
                            expression_field.clone(), ExprText::CopyExpression) }
                    </div>
                </div>
            </section>
        }
    });
    let rows = samples.iter().enumerate().map(|(i, row)| {
        let cells = mappings
            .iter()
            .map(|mapping| preview_cell(mapping.preview.get(i), lang));
        html! { <tr><th scope="row"><code>{ row.sample.clone() }</code></th>{ for cells }</tr> }
    });
    let preview = (!samples.is_empty()).then(|| {
        html! {
            <div class="table-wrap" role="region" tabindex="0"
                aria-labelledby={id("preview-caption")}>
                <table class="preview">
                    <caption id={id("preview-caption")}>{ t(ExprText::PreviewHeading) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(ExprText::SampleColumn) }</th>
                            { for mappings.iter().map(|mapping| html! {
                                <th scope="col">{ target_name(mapping.target, lang) }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        }
    });
    html! {
        <div class="mapping-results">
            { heading(title_level + 2, "steps-heading", None, None,
                html! { t(ExprText::StepsHeading) }) }
            <ol class="entra-steps">
                { for steps.iter().map(|step| html! { <li>{ t(*step) }</li> }) }
                <li>{ t(ExprText::StepRestart) }{ restart_link(restart_point, lang) }</li>
            </ol>
            { blocks.collect::<Html>() }
            { preview.unwrap_or_default() }
        </div>
    }
}

/// «See point 3 of «After you save»», when the widget shows that section: it opens the
/// section and moves the focus to the point.
fn restart_link(restart_point: Option<&(AttrValue, Callback<()>)>, lang: Lang) -> Html {
    let Some((href, follow)) = restart_point.cloned() else {
        return Html::default();
    };
    html! {
        <>
            { " " }
            <a href={href} class="guide-link" onclick={move |event: MouseEvent| {
                // The point is in a shadow root, where the browser would not find the fragment.
                event.prevent_default();
                follow.emit(());
            }}>{ Text::SeeRestartInAfterYouSave.in_lang(lang) }</a>
        </>
    }
}

/// One sample's result: the value, a placeholder for what cannot be seen, or why this page
/// cannot tell.
fn preview_cell(result: Option<&Shown>, lang: Lang) -> Html {
    match result {
        Some(Shown::Value { text, placeholder }) => html! {
            <td class={classes!(placeholder.then_some("placeholder"))}>{ text.clone() }</td>
        },
        Some(Shown::CannotTell(message)) => html! {
            <td class="cannot-tell">
                <strong>{ ExprText::CannotTell.in_lang(lang) }</strong>
                <span class="detail">{ message.clone() }</span>
            </td>
        },
        None => html! { <td></td> },
    }
}
