//! The whole widget: the Entra steps with the fields each step needs.

use std::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::store::Store;

use super::copy_field::CopyButton;
use super::field::{Field, Reveal};
use super::findings::FindingList;
use super::guide::{guide_section, point_id};
use super::heading::heading;
use super::helpers::{Helper, HelperSection};
use super::hooks::{use_auto_clear, use_end_of_input};
use super::token_check::TokenCheckSection;
use crate::config::{self, ConfigProblem};
use crate::diagnose::{Field as Subject, Fix};
use crate::dom::clipboard;
use crate::dom::worker::Engine;
use crate::guide::{Guide, RESTART_AFTER_MAPPING_CHANGES};
use crate::i18n::{Lang, Text};
use crate::state::{Action, ClearReason, CopyTarget, State, Status, TokenState, Typed};

/// The widget's settings. Hosts that are not Rust set the same through attributes or `mount()`.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The SCIM base URL shown for «Tenant URL» (`None`: Secure Practice's). A value that is
    /// not an `https://` URL is refused with a message, and the standard one is shown.
    #[prop_or_default]
    pub tenant_url: Option<AttrValue>,
    /// An API key to put in the field, e.g. the one the portal just created. Applied when the
    /// widget mounts and whenever the host changes it.
    #[prop_or_default]
    pub api_key: Option<AttrValue>,
    /// The language to speak.
    #[prop_or_default]
    pub lang: Lang,
    /// Whether to show the numbered Entra steps around the fields.
    #[prop_or(true)]
    pub show_steps: bool,
    /// Whether to show the rest of the setup guide, «Before you start» and «After you save»,
    /// as two collapsed sections around the steps (the standalone page does; hosts ask).
    #[prop_or_default]
    pub show_guide: bool,
    /// Whether to show a language switch (the standalone page does).
    #[prop_or_default]
    pub show_language_switch: bool,
    /// Clear everything after this many seconds without input (or hidden), with a notice
    /// shortly before. At least 1.
    #[prop_or(DEFAULT_AUTO_CLEAR_SECONDS)]
    pub auto_clear_seconds: u32,
    /// The level of the widget's title (`h1`…`h6`); its sections' headings follow below it. 2
    /// fits under a host page's own `h1`; the standalone page, which has no other, sets 1.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Whether to offer «Map organisation levels» and «Try an expression».
    #[prop_or(true)]
    pub show_mapping: bool,
    /// Where those two get their answers: the helpers' worker, started on first open (the
    /// embed module passes one). `None`: answered on the page's thread when built with the
    /// `in-page-helpers` feature (the default), and not offered without it.
    #[prop_or_default]
    pub helper_engine: Option<Engine>,
    /// Where «Check the whole directory» gets its answers: the directory check's own worker,
    /// started only when a check starts (the embed module passes one, `startDirectoryWorker`).
    /// `None`: the check is not offered. Offered in «Map organisation levels», below the levels.
    #[prop_or_default]
    pub directory_engine: Option<Engine>,
    /// Told when something is copied and when the token state changes; never given a value.
    #[prop_or_default]
    pub on_event: Option<Callback<WidgetEvent>>,
    /// Problems the host's configuration had before it reached the props (the web layer
    /// reports unparseable attributes here); shown in the widget.
    #[prop_or_default]
    pub config_problems: Vec<ConfigProblem>,
}

/// What the widget tells its host. Carries no secret.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WidgetEvent {
    /// A copy went to the clipboard.
    Copied(CopyTarget),
    /// The token state changed (also sent once when the widget starts).
    StateChanged(TokenState),
}

/// Ten minutes.
pub const DEFAULT_AUTO_CLEAR_SECONDS: u32 = 600;

/// The widget's callbacks, made once (again only when the host's event callback changes), so
/// that a child whose other props are unchanged is not rendered again on every keystroke.
#[derive(Clone)]
struct Callbacks {
    actions: Callback<Action>,
    on_key: Callback<Typed>,
    on_secret: Callback<Typed>,
    toggle_secret: Callback<()>,
    toggle_token: Callback<()>,
    on_fix: Callback<(Option<Subject>, Fix)>,
    copy: Callback<(CopyTarget, AttrValue)>,
    show_restart_point: Callback<()>,
}

impl Callbacks {
    fn new(
        dispatcher: UseReducerDispatcher<Store<State>>,
        root: NodeRef,
        on_event: Option<Callback<WidgetEvent>>,
    ) -> Callbacks {
        let actions = dispatcher.to_callback();
        let copy = Callback::from(move |(target, text): (CopyTarget, AttrValue)| {
            let dispatcher = dispatcher.clone();
            let on_event = on_event.clone();
            let root = root.cast::<Element>();
            wasm_bindgen_futures::spawn_local(async move {
                // The field is selected after the render that unmasks it, below.
                let copied = clipboard::copy_or_select(&text, root.as_ref(), None).await;
                dispatcher.dispatch(Action::CopyFinished(target, copied));
                if let (true, Some(on_event)) = (copied, on_event) {
                    on_event.emit(WidgetEvent::Copied(target));
                }
            });
        });
        Callbacks {
            on_key: actions.reform(Action::SetApiKey),
            on_secret: actions.reform(Action::SetApiSecret),
            toggle_secret: actions.reform(|()| Action::ToggleSecretVisible),
            toggle_token: actions.reform(|()| Action::ToggleTokenVisible),
            on_fix: actions.reform(|(field, fix)| Action::ApplyFix(field, fix)),
            copy,
            show_restart_point: actions.reform(|()| {
                let (guide, point) = RESTART_AFTER_MAPPING_CHANGES;
                Action::ShowGuidePoint(guide, point)
            }),
            actions,
        }
    }
}

/// What an editable field is to write into its input when the widget rewrites the fields.
fn written(typed: &Typed) -> Option<AttrValue> {
    typed
        .to_write()
        .map(|text| AttrValue::from(text.to_owned()))
}

/// Gives each widget on a page its own element ids.
static INSTANCES: AtomicUsize = AtomicUsize::new(0);

/// Numbers the next widget as a page's widget number `first` (`stw0-…` ids for the first): for
/// the prerender tool, whose renders each stand for a page's first or second widget.
#[cfg(feature = "ssr")]
pub fn number_ids_from(first: usize) {
    INSTANCES.store(first, Ordering::Relaxed);
}

/// The SCIM token widget.
///
/// ```no_run
/// use scim_token_widget::ui::ScimTokenWidget;
/// use yew::prelude::*;
///
/// #[component]
/// fn Settings() -> Html {
///     html! { <ScimTokenWidget api_key={Some(AttrValue::from("key-from-portal"))} /> }
/// }
/// ```
#[component]
pub fn ScimTokenWidget(props: &WidgetProps) -> Html {
    let prefill = props.api_key.clone();
    let state = use_reducer(move || {
        Store(State::with_api_key(
            prefill.map(|key| key.to_string()).unwrap_or_default(),
        ))
    });
    let prefix = use_memo((), |_| {
        format!("stw{}", INSTANCES.fetch_add(1, Ordering::Relaxed))
    });
    let id = |name: &str| AttrValue::from(format!("{prefix}-{name}"));
    let root = use_node_ref();
    let key_ref = use_node_ref();
    let secret_ref = use_node_ref();
    let token_ref = use_node_ref();
    let tenant_ref = use_node_ref();
    {
        let actions = state.dispatcher();
        use_effect_with(props.lang, move |_| {
            actions.dispatch(Action::HostLangChanged)
        });
    }
    let lang = state.chosen_lang.unwrap_or(props.lang);
    let t = move |text: Text| text.in_lang(lang);

    // A failed copy leaves the text selected, so Ctrl+C works. It runs after the render that
    // unmasked the token, because a password field cannot be copied from.
    {
        let (token_ref, tenant_ref) = (token_ref.clone(), tenant_ref.clone());
        use_effect_with(state.status, move |status| {
            let field = match status {
                Some(Status::CopyFailed(CopyTarget::SecretToken)) => Some(token_ref),
                Some(Status::CopyFailed(CopyTarget::TenantUrl)) => Some(tenant_ref),
                _ => None,
            };
            if let Some(field) = field.and_then(|field| field.cast::<Element>()) {
                clipboard::select_for_ctrl_c(&field);
            }
        });
    }

    use_end_of_input(
        state.has_input(),
        state.token_on_clipboard,
        state.dispatcher().to_callback(),
    );
    use_auto_clear(
        state.activity,
        state.has_input(),
        props.auto_clear_seconds,
        state.dispatcher().to_callback(),
    );

    {
        // After a Clear, a secret token the widget put on the clipboard is taken off it too.
        // After the button the browser allows it (the click's activation); after the idle
        // clear it may refuse, which the state then leaves unsaid.
        let actions = state.dispatcher();
        let wipe = state.emptying_clipboard.is_some();
        use_effect_with((state.rewrites, wipe), move |&(_, wipe)| {
            if wipe {
                wasm_bindgen_futures::spawn_local(async move {
                    let emptied = clipboard::empty().await.is_ok();
                    actions.dispatch(Action::ClipboardEmptied(emptied));
                });
            }
        });
    }

    {
        // A guide point asked for (the mapping helper's link) gets the focus once its section
        // has rendered open: focusing scrolls it into view, and a screen reader reads it.
        let (root, prefix) = (root.clone(), prefix.clone());
        use_effect_with(state.guide_point_asked, move |asked| {
            let point = asked.and_then(|(guide, index, _)| {
                let root = root.cast::<Element>()?;
                root.query_selector(&format!("#{}", point_id(&prefix, guide, index)))
                    .ok()
                    .flatten()
            });
            if let Some(point) = point.and_then(|point| point.dyn_into::<HtmlElement>().ok()) {
                let _ = point.focus();
            }
        });
    }

    let callbacks = {
        let dispatcher = state.dispatcher();
        let root = root.clone();
        use_memo(props.on_event.clone(), move |on_event| {
            Callbacks::new(dispatcher, root, on_event.clone())
        })
    };

    {
        // A host that sets a new key (it just created one) puts it in the field.
        let actions = state.dispatcher();
        let current = state.api_key.text.clone();
        use_effect_with(props.api_key.clone(), move |key| {
            if let Some(key) = key.as_deref().filter(|key| *key != current) {
                actions.dispatch(Action::HostApiKey(key.to_owned()));
            }
        });
    }
    let outcome = state.outcome();
    {
        let on_event = props.on_event.clone();
        use_effect_with(outcome.token_state(), move |token_state| {
            if let Some(on_event) = on_event {
                on_event.emit(WidgetEvent::StateChanged(*token_state));
            }
        });
    }
    let Callbacks {
        actions,
        on_key,
        on_secret,
        toggle_secret,
        toggle_token,
        on_fix,
        copy,
        show_restart_point,
    } = (*callbacks).clone();
    let secret_reveal = Reveal {
        visible: state.secret_visible,
        texts: (t(Text::Show), t(Text::Hide)),
        names: (t(Text::ShowApiSecret), t(Text::HideApiSecret)),
        on_toggle: toggle_secret,
    };
    let token_reveal = Reveal {
        visible: state.token_visible,
        texts: (t(Text::Show), t(Text::Hide)),
        names: (t(Text::ShowSecretToken), t(Text::HideSecretToken)),
        on_toggle: toggle_token,
    };
    let (tenant_url, tenant_problem) = config::tenant_url(props.tenant_url.as_deref());
    let tenant_url = AttrValue::from(tenant_url);
    let problems: Vec<ConfigProblem> = props
        .config_problems
        .iter()
        .cloned()
        .chain(tenant_problem)
        .collect();
    {
        // Hosts see configuration mistakes in the console as well as in the widget.
        use_effect_with(problems.clone(), |problems| {
            for problem in problems {
                web_sys::console::warn_1(
                    &format!("scim-token-widget: {}", problem.message(Lang::En)).into(),
                );
            }
        });
    }
    let hint = outcome.hint;
    let findings = |subject: Option<Subject>, list_id: &str| -> Html {
        html! {
            <FindingList id={id(list_id)} findings={outcome.for_field(subject).cloned().collect::<Vec<_>>()}
                lang={lang} secret_masked={!state.secret_visible} on_fix={on_fix.clone()} />
        }
    };
    // A field is described by its findings list when it has one.
    let described = |subject: Subject, list_id: &str| {
        outcome.for_field(Some(subject)).next().map(|_| id(list_id))
    };
    let step = |text: Text| -> Html {
        if props.show_steps {
            html! { <p class="step-text">{ t(text) }</p> }
        } else {
            Html::default()
        }
    };

    let engine = props
        .helper_engine
        .clone()
        .or_else(in_page_engine)
        .filter(|_| props.show_mapping);

    let guide = |guide: Guide| -> Html {
        if !props.show_guide {
            return Html::default();
        }
        guide_section(
            guide,
            state.guide_open(guide),
            &actions,
            &prefix,
            lang,
            props.heading_level,
        )
    };
    // The mapping helper's steps point to «After you save» when it is shown.
    let restart_point = props.show_guide.then(|| {
        let (guide, point) = RESTART_AFTER_MAPPING_CHANGES;
        (
            AttrValue::from(format!("#{}", point_id(&prefix, guide, point))),
            show_restart_point,
        )
    });

    let title = heading(
        props.heading_level,
        "title",
        Some("title"),
        Some(id("title")),
        html! { t(Text::Title) },
    );
    html! {
        <section class="scim-token-widget" part="widget" lang={lang.tag()} ref={root}
            aria-labelledby={id("title")}>
            if props.show_language_switch {
                <div class="languages" part="language-switch" role="group"
                    aria-label={t(Text::Language)}>
                    { for Lang::ALL.iter().map(|&choice| html! {
                        <button type="button" class="secondary" lang={choice.tag()}
                            aria-pressed={if choice == lang { "true" } else { "false" }}
                            onclick={actions.reform(move |_| Action::ChooseLang(choice))}>
                            { choice.own_name() }
                        </button>
                    }) }
                </div>
            }
            { title }
            if !problems.is_empty() {
                <ul class="findings config" part="config-problems" role="alert">
                    { for problems.iter().map(|problem| html! {
                        <li class="finding warning">{ problem.message(lang) }</li>
                    }) }
                </ul>
            }
            if props.show_steps {
                <p class="intro">{ t(Text::Intro) }</p>
            }
            { guide(Guide::BeforeYouStart) }
            <ol class={classes!("steps", (!props.show_steps).then_some("plain"))} part="steps">
                <li>
                    { step(Text::StepCreateKey) }
                    <Field id={id("key")} label={t(Text::ApiKey)}
                        value={written(&state.api_key)} rewrites={state.rewrites} on_input={on_key}
                        invalid={outcome.has_error(Subject::ApiKey)} node_ref={key_ref}
                        described_by={described(Subject::ApiKey, "key-findings")} />
                    { findings(Some(Subject::ApiKey), "key-findings") }
                    <Field id={id("secret")} label={t(Text::ApiSecret)}
                        value={written(&state.api_secret)} rewrites={state.rewrites}
                        on_input={on_secret}
                        reveal={secret_reveal} invalid={outcome.has_error(Subject::ApiSecret)}
                        node_ref={secret_ref}
                        described_by={described(Subject::ApiSecret, "secret-findings")} />
                    { findings(Some(Subject::ApiSecret), "secret-findings") }
                    { findings(None, "both-findings") }
                </li>
                if props.show_steps {
                    <li>{ step(Text::StepOpenProvisioning) }</li>
                }
                <li>
                    { step(Text::StepTenantUrl) }
                    <Field id={id("tenant")} label={t(Text::TenantUrl)}
                        value={tenant_url.clone()} node_ref={tenant_ref}>
                        <CopyButton label={t(Text::CopyTenantUrl)} target={CopyTarget::TenantUrl}
                            text={tenant_url} on_copy={copy.clone()} />
                    </Field>
                </li>
                <li>
                    { step(Text::StepSecretToken) }
                    <Field id={id("token")} label={t(Text::SecretToken)}
                        value={AttrValue::from(outcome.token().unwrap_or_default().to_owned())}
                        reveal={token_reveal} node_ref={token_ref}
                        described_by={hint.map(|_| id("hint"))}>
                        <CopyButton label={t(Text::CopySecretToken)} target={CopyTarget::SecretToken}
                            text={outcome.token().map(|token| AttrValue::from(token.to_owned()))}
                            on_copy={copy} />
                    </Field>
                    if let Some(hint) = hint {
                        <p id={id("hint")} class="hint" part="hint">{ t(hint) }</p>
                    }
                </li>
                if props.show_steps {
                    <li>{ step(Text::StepTestAndSave) }</li>
                    <li>{ step(Text::StepTurnOn) }</li>
                }
            </ol>
            { guide(Guide::AfterYouSave) }
            if state.clear_pending {
                <div class="notice" part="notice">
                    <p>{ t(Text::ClearPending) }</p>
                    <button type="button" class="secondary" onclick={actions.reform(|_| Action::KeepInput)}>
                        { t(Text::KeepInput) }
                    </button>
                </div>
            }
            <TokenCheckSection text={written(&state.token_to_check)} rewrites={state.rewrites}
                check={state.token_check()} open={state.check_open}
                text_visible={state.check_token_visible}
                secret_visible={state.checked_secret_visible} actions={actions.clone()}
                id_prefix={AttrValue::from(prefix.to_string())} lang={lang}  heading_level={props.heading_level} />
            if let Some(engine) = engine {
                { for [Helper::Mapping, Helper::Playground].map(|helper| html! {
                    <HelperSection helper={helper} id_prefix={AttrValue::from(prefix.to_string())}
                        lang={lang} engine={engine.clone()} heading_level={props.heading_level}
                        restart_point={restart_point.clone()}
                        directory_engine={props.directory_engine.clone()} clears={state.clears}
                        on_directory_file={actions.reform(Action::HoldDirectoryFile)} />
                }) }
            }
            <div class="actions" part="actions">
                <button type="button" class="secondary" part="clear-button"
                    onclick={actions.reform(|_| Action::Clear(ClearReason::Button))}>
                    { t(Text::Clear) }
                </button>
            </div>
            <p class="status" part="status" role="status" aria-live="polite">
                { state.status.map(|status| t(status.text())).unwrap_or_default() }
            </p>
            <p class="privacy" part="privacy">{ t(Text::PrivacyNote) }</p>
        </section>
    }
}

/// The engine used when a host gives none.
fn in_page_engine() -> Option<Engine> {
    #[cfg(feature = "in-page-helpers")]
    return Some(Engine::InPage);
    #[cfg(not(feature = "in-page-helpers"))]
    None
}
