//! «Check the whole directory», under the levels of «Map organisation levels» (issue 27): a
//! users export chosen (or dropped) is read by the directory worker ([`crate::dom::directory`])
//! slice by slice, with a progress bar and «Stop»; the result per target attribute, the rows
//! whose level is empty or whose depth differs, the values that look wrong, each group's users
//! on request, and «Download results».
//!
//! The state is the core's [`DirectoryState`]; the `File` and the workers live here only as
//! long as the section, and «Clear», the auto-clear and unmounting drop them. What is shown is
//! capped ([`crate::directory::MAX_VALUES_SHOWN`] per target, the core's
//! [`crate::directory::GroupRow`]s) so a render stays short whatever the file holds.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{File, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::heading::heading;
use super::store::Store;
use crate::directory::{CheckReport, GroupId, GroupRow, TargetReport};
use crate::directory_state::{CheckChoices, DirectoryAction, DirectoryState, Trouble};
use crate::dom::directory::DirectoryRunner;
use crate::dom::worker::Engine;
use crate::expr::{LevelChoice, ScimTarget};
use crate::helpers::Stopped;
use crate::i18n::directory::{
    checked, group_label, limits_note, more_groups, more_values, progress, row_label, sample_note,
    users_count, users_of, DirectoryText,
};
use crate::i18n::expr::target_name;
use crate::i18n::{Lang, Text};

/// What [`DirectoryCheck`] is given by the mapping section.
#[derive(Properties, PartialEq)]
pub struct DirectoryProps {
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Starts the directory worker.
    pub engine: Engine,
    /// The level of the widget's title.
    pub heading_level: u8,
    /// The section's source attribute.
    pub source: AttrValue,
    /// The delimiter chosen in the section, if any.
    pub chosen_delimiter: Option<char>,
    /// The section's delimiter otherwise.
    pub fallback_delimiter: char,
    /// The level of each target.
    pub levels: [Option<LevelChoice>; 3],
    /// Changes with every Clear: the file and the results are dropped.
    pub clears: u32,
    /// Told whether a file is held (the auto-clear covers it).
    pub on_holding: Callback<bool>,
}

/// The check's two runners: one for the columns, the survey, the check and its samples, one
/// for the results file (so the check's samples stay while the file is written).
struct Runners {
    check: DirectoryRunner,
    results: DirectoryRunner,
}

impl Runners {
    fn stop(&self) {
        self.check.stop();
        self.results.stop();
    }
}

/// The section's file and runners, dropped with it.
#[derive(Default)]
struct Held {
    file: Option<File>,
    runners: Option<Runners>,
}

fn chosen_file(input: &HtmlInputElement) -> Option<File> {
    input.files()?.get(0)
}

/// «Check the whole directory».
#[component]
pub fn DirectoryCheck(props: &DirectoryProps) -> Html {
    let state = use_reducer(Store::<DirectoryState>::default);
    let held = use_mut_ref(Held::default);
    let input_ref = use_node_ref();
    let link_ref = use_node_ref();
    let lang = props.lang;
    let t = move |text: DirectoryText| text.in_lang(lang);
    let prefix = props.id_prefix.clone();
    let id = move |name: &str| AttrValue::from(format!("{prefix}-dir-{name}"));
    let actions = state.dispatcher().to_callback();

    let runners = {
        let (held, actions, engine) = (held.clone(), actions.clone(), props.engine.clone());
        move || -> Rc<RefCell<Held>> {
            if held.borrow().runners.is_none() {
                let on_event = actions.clone();
                held.borrow_mut().runners = Some(Runners {
                    check: DirectoryRunner::new(engine.clone(), on_event.clone()),
                    results: DirectoryRunner::new(engine.clone(), on_event),
                });
            }
            held.clone()
        }
    };

    {
        // The pass the state asks for.
        let (runners, lang) = (runners.clone(), lang);
        use_effect_with(state.request.clone(), move |request| {
            if let Some((_, pass)) = request {
                let held = runners();
                let held = held.borrow();
                if let (Some(file), Some(runners)) = (held.file.clone(), held.runners.as_ref()) {
                    let runner = match pass {
                        crate::directory::Pass::Results(_) => &runners.results,
                        _ => &runners.check,
                    };
                    runner.run(file, lang, pass.clone());
                }
            }
        });
    }
    {
        // «Clear» and the auto-clear: everything goes.
        let (held, actions, input_ref) = (held.clone(), actions.clone(), input_ref.clone());
        let first = use_mut_ref(|| props.clears);
        use_effect_with(props.clears, move |clears| {
            if *first.borrow() != *clears {
                *first.borrow_mut() = *clears;
                let mut held = held.borrow_mut();
                if let Some(runners) = held.runners.take() {
                    runners.stop();
                }
                held.file = None;
                if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
                actions.emit(DirectoryAction::Clear);
            }
        });
    }
    {
        // Unmounted: the file and the workers go with the section.
        let (held, on_holding) = (held.clone(), props.on_holding.clone());
        use_effect_with((), move |_| {
            move || {
                let taken = std::mem::take(&mut *held.borrow_mut());
                drop(taken);
                on_holding.emit(false);
            }
        });
    }
    {
        let on_holding = props.on_holding.clone();
        use_effect_with(state.file.is_some(), move |holding| {
            on_holding.emit(*holding)
        });
    }
    {
        // The results file, once written, is offered at once.
        let link_ref = link_ref.clone();
        use_effect_with(state.results_url.clone(), move |url| {
            if url.is_some() {
                if let Some(link) = link_ref.cast::<HtmlElement>() {
                    link.click();
                }
            }
        });
    }

    let choose = {
        let (actions, source) = (actions.clone(), props.source.clone());
        let runners = runners.clone();
        Callback::from(move |file: File| {
            let held = runners();
            if let Some(runners) = held.borrow().runners.as_ref() {
                runners.results.stop();
            }
            actions.emit(DirectoryAction::Chose {
                name: file.name(),
                size: file.size() as u64,
                source: source.to_string(),
            });
            held.borrow_mut().file = Some(file);
        })
    };
    let on_file = Callback::from(move |file: Option<File>| {
        if let Some(file) = file {
            choose.emit(file);
        }
    });
    let on_change = on_file
        .reform(|event: Event| chosen_file(&event.target_unchecked_into::<HtmlInputElement>()));
    let on_drop = {
        let on_file = on_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            on_file.emit(file);
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());

    let on_check = {
        let actions = actions.clone();
        let choices = CheckChoices {
            source: props.source.to_string(),
            chosen_delimiter: props.chosen_delimiter,
            fallback_delimiter: props.fallback_delimiter,
            levels: props.levels,
        };
        Callback::from(move |_| actions.emit(DirectoryAction::Check(choices.clone())))
    };
    let on_stop = {
        let (held, actions) = (held.clone(), actions.clone());
        Callback::from(move |_| {
            if let Some(runners) = held.borrow().runners.as_ref() {
                runners.stop();
            }
            actions.emit(DirectoryAction::Ended(Trouble::ByAdmin));
        })
    };
    let on_select = {
        let (held, actions) = (held.clone(), actions.clone());
        Callback::from(move |group: GroupId| {
            if let Some(runners) = held.borrow().runners.as_ref() {
                runners.check.users(group.clone());
            }
            actions.emit(DirectoryAction::Select(group));
        })
    };

    let running = state.running.as_ref();
    let column_menus = state.columns.as_ref().map(|columns| {
        html! {
            <>
                { column_menu(id("column"), t(DirectoryText::ColumnLabel), &columns.names,
                    state.column, None, running.is_some(),
                    actions.reform(|c: Option<u32>| DirectoryAction::ChooseColumn(c.unwrap_or(0)))) }
                { column_menu(id("key"), t(DirectoryText::KeyLabel), &columns.names,
                    state.key_column, Some(t(DirectoryText::KeyNone)), running.is_some(),
                    actions.reform(DirectoryAction::ChooseKey)) }
                if props.levels.iter().all(Option::is_none) {
                    { hint(t(DirectoryText::NoLevelsChosen)) }
                }
                <div class="row">
                    <button type="button" onclick={on_check}
                        disabled={running.is_some() || state.column.is_none()}>
                        { t(DirectoryText::Check) }
                    </button>
                    if state.report.is_some() && running.is_none() {
                        <button type="button" class="secondary"
                            onclick={actions.reform(|_| DirectoryAction::Download)}>
                            { t(DirectoryText::Download) }
                        </button>
                    }
                </div>
            </>
        }
    });

    let progress_bar = running.map(|running| {
        let size = state.file_size();
        html! {
            <div class="row directory-progress">
                <label id={id("progress-label")} for={id("progress")}>
                    { t(running.task.text()) }
                </label>
                <progress id={id("progress")} role="progressbar"
                    max={size.max(1).to_string()} value={running.bytes.min(size).to_string()}
                    aria-valuemin="0" aria-valuemax={size.to_string()}
                    aria-valuenow={running.bytes.min(size).to_string()}
                    aria-valuetext={format!("{} %", state.percent())} />
                <button type="button" class="secondary" onclick={on_stop}>
                    { t(DirectoryText::Stop) }
                </button>
            </div>
        }
    });

    let trouble = state.trouble.as_ref().map(|trouble| {
        let text: String = match trouble {
            Trouble::File(message) => message.clone(),
            Trouble::Stopped(Stopped::TookTooLong) => t(DirectoryText::StoppedTooLong).into(),
            Trouble::Stopped(Stopped::Failed) => t(DirectoryText::StoppedFailed).into(),
            Trouble::Stopped(Stopped::Refused) => t(DirectoryText::StoppedRefused).into(),
            Trouble::ByAdmin => t(DirectoryText::Stopped).into(),
            Trouble::Unavailable => Text::HelperLoadFailed.in_lang(lang).into(),
            Trouble::NoJob => t(DirectoryText::NoJob).into(),
        };
        html! { <p class="error-text directory-trouble" role="alert">{ text }</p> }
    });

    // Said politely: the progress at most once a second, then the result.
    let status = match (&state.announced, running, &state.report) {
        (Some((task, rows, percent)), Some(_), _) => progress(task.text(), *rows, *percent, lang),
        (_, None, Some(report)) => checked(report.rows, lang),
        _ => String::new(),
    };

    let report = state
        .report
        .as_ref()
        .filter(|_| running.is_none())
        .map(|report| report_view(report, props.heading_level, lang, &id, &on_select));
    let selected = state.selected.as_ref().map(|(group, users)| {
        let rows = users.iter().flat_map(|(users, _)| users).map(|user| {
            html! { <tr><td>{ user.row }</td><td>{ user.key.clone() }</td></tr> }
        });
        html! {
            <section class="directory-users" aria-labelledby={id("users-heading")}>
                { heading(props.heading_level + 3, "directory-heading", None,
                    Some(id("users-heading")), html! { users_of(&group_label(group, lang), lang) }) }
                if let Some((shown, total)) = users {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{ t(DirectoryText::RowColumn) }</th>
                                <th scope="col">{ t(DirectoryText::UserColumn) }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    { hint(&sample_note(shown.len(), *total, lang)) }
                }
            </section>
        }
    });

    html! {
        <section class="directory-check" aria-labelledby={id("heading")}>
            { heading(props.heading_level + 2, "directory-heading", None, Some(id("heading")),
                html! { t(DirectoryText::Heading) }) }
            <p class="step-text">{ t(DirectoryText::Intro) }</p>
            <div class="field directory-drop" ondrop={on_drop} ondragover={on_drag_over}>
                <label for={id("file")}>{ t(DirectoryText::FileLabel) }</label>
                <input id={id("file")} type="file" accept=".csv,text/csv" ref={input_ref}
                    aria-describedby={id("limits")} onchange={on_change} />
                { hint(t(DirectoryText::DropHint)) }
                <p id={id("limits")} class="hint">{ limits_note(lang) }</p>
            </div>
            { column_menus.unwrap_or_default() }
            { progress_bar.unwrap_or_default() }
            { trouble.unwrap_or_default() }
            <p class="status directory-status" role="status" aria-live="polite">{ status }</p>
            if let Some(url) = state.results_url.clone() {
                <p>
                    <a href={url} download="directory-check.csv" ref={link_ref}>
                        { t(DirectoryText::SaveResults) }
                    </a>
                </p>
            }
            { report.unwrap_or_default() }
            { selected.unwrap_or_default() }
        </section>
    }
}

/// A menu of the file's columns; with `none`, a first choice of no column.
fn column_menu(
    id: AttrValue,
    label: &str,
    names: &[String],
    chosen: Option<u32>,
    none: Option<&str>,
    disabled: bool,
    on_choose: Callback<Option<u32>>,
) -> Html {
    html! {
        <div class="field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <select id={id} disabled={disabled}
                onchange={on_choose.reform(|e: Event| select_number(&e))}>
                if let Some(none) = none {
                    <option value="" selected={chosen.is_none()}>{ none.to_owned() }</option>
                }
                { for names.iter().enumerate().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={chosen == Some(i as u32)}>
                        { name.clone() }
                    </option>
                }) }
            </select>
        </div>
    }
}

/// A hint paragraph.
fn hint(text: &str) -> Html {
    html! { <p class="hint">{ text.to_owned() }</p> }
}

fn select_number(event: &Event) -> Option<u32> {
    event
        .target_unchecked_into::<HtmlSelectElement>()
        .value()
        .parse()
        .ok()
}

/// A group's button: its name, and its users when chosen.
fn group_button(label: String, group: GroupId, on_select: &Callback<GroupId>) -> Html {
    html! {
        <button type="button" class="link" onclick={on_select.reform(move |_| group.clone())}>
            { label }
        </button>
    }
}

/// A table of groups ([`GroupRow`]s, which the core chooses): a name (a button) and a count
/// per row.
fn group_table(
    first_column: &str,
    rows: Vec<GroupRow>,
    lang: Lang,
    on_select: &Callback<GroupId>,
) -> Html {
    let rows = rows.into_iter().map(|row| {
        let note = row.differs.then(|| DirectoryText::DepthDiffers.in_lang(lang));
        html! {
            <tr>
                <th scope="row">
                    { group_button(row_label(&row.group, lang), row.group, on_select) }
                    if let Some(note) = note { { " " }<span class="hint">{ format!("({note})") }</span> }
                </th>
                <td>{ users_count(row.users, lang) }</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{ first_column.to_owned() }</th>
                    <th scope="col">{ DirectoryText::UsersColumn.in_lang(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn target_view(
    target: &TargetReport,
    level: u8,
    lang: Lang,
    on_select: &Callback<GroupId>,
) -> Html {
    let t = |text: DirectoryText| text.in_lang(lang);
    let hidden = target.values_not_shown();
    html! {
        <section class="directory-target">
            { heading(level, "directory-heading", None, None, html! { target_name(target.target, lang) }) }
            { group_table(t(DirectoryText::ValueColumn), target.rows(), lang, on_select) }
            if hidden > 0 {
                { hint(&more_groups(hidden, lang)) }
            }
            if target.more_values_users > 0 {
                { hint(&more_values(target.more_values_users, lang)) }
            }
            if let Some(failure) = target.failure.clone() {
                { hint(&failure) }
            }
        </section>
    }
}

/// The check's result: per target, the depths, the problems.
fn report_view(
    report: &CheckReport,
    title_level: u8,
    lang: Lang,
    id: &dyn Fn(&str) -> AttrValue,
    on_select: &Callback<GroupId>,
) -> Html {
    let t = |text: DirectoryText| text.in_lang(lang);
    let targets = report
        .targets
        .iter()
        .filter(|target| ScimTarget::ALL.contains(&target.target))
        .map(|target| target_view(target, title_level + 4, lang, on_select));
    let problem_rows = report.problem_rows();
    html! {
        <section class="directory-results" aria-labelledby={id("results-heading")}>
            { heading(title_level + 3, "directory-heading", None, Some(id("results-heading")),
                html! { t(DirectoryText::ResultsHeading) }) }
            { for targets }
            { heading(title_level + 3, "directory-heading", None, None,
                html! { t(DirectoryText::DepthHeading) }) }
            { group_table(t(DirectoryText::DepthColumn), report.depth_rows(), lang, on_select) }
            { heading(title_level + 3, "directory-heading", None, None,
                html! { t(DirectoryText::ProblemsHeading) }) }
            if problem_rows.is_empty() {
                { hint(t(DirectoryText::NoProblems)) }
            } else {
                { group_table(t(DirectoryText::ProblemColumn), problem_rows, lang, on_select) }
            }
        </section>
    }
}
