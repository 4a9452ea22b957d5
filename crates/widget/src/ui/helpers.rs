//! «Map organisation levels» and «Try an expression» as the widget offers them: a disclosure
//! each, with the helper under it.
//!
//! The helpers' views are the widget's own components; their answers come from the helpers'
//! worker ([`crate::dom::worker`]), started when a section is first opened.

use yew::prelude::*;

use super::disclosure::Disclosure;
use crate::dom::worker::Engine;
use crate::i18n::{Lang, Text};

/// Which helper a section holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Helper {
    /// «Map organisation levels».
    Mapping,
    /// «Try an expression».
    Playground,
}

impl Helper {
    /// The helper's name: the section's class and `part`.
    pub fn name(self) -> &'static str {
        match self {
            Helper::Mapping => "mapping",
            Helper::Playground => "playground",
        }
    }

    fn toggle_part(self) -> &'static str {
        match self {
            Helper::Mapping => "mapping-toggle",
            Helper::Playground => "playground-toggle",
        }
    }

    fn heading(self) -> Text {
        match self {
            Helper::Mapping => Text::MapHeading,
            Helper::Playground => Text::PlaygroundHeading,
        }
    }

    /// The id of the element the helper shows when open (`mapping.rs`, `playground.rs`).
    fn body_id(self, prefix: &str) -> String {
        match self {
            Helper::Mapping => format!("{prefix}-map-body"),
            Helper::Playground => format!("{prefix}-try-body"),
        }
    }
}

/// What [`HelperSection`] is given.
#[derive(Properties, PartialEq)]
pub struct HelperSectionProps {
    /// Which helper.
    pub helper: Helper,
    /// Gives this widget's element ids.
    pub id_prefix: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Where the helper's answers come from.
    pub engine: Engine,
    /// The level of the widget's title: this section's heading is one below.
    pub heading_level: u8,
    /// Where the widget says more about restarting provisioning after mapping changes (the
    /// link's `href`, and what following it does), when it shows «After you save».
    #[prop_or_default]
    pub restart_point: Option<(AttrValue, Callback<()>)>,
    /// Where «Check the whole directory» (in «Map organisation levels») gets its answers;
    /// `None`: not offered.
    #[prop_or_default]
    pub directory_engine: Option<Engine>,
    /// Changes with every Clear (the directory check drops its file).
    #[prop_or_default]
    pub clears: u32,
    /// Told whether the directory check holds a file.
    #[prop_or_default]
    pub on_directory_file: Callback<bool>,
}

/// One helper's section: its heading (a `Disclosure`) and, when open, the helper. Closed, the
/// helper keeps what was typed.
#[component]
pub fn HelperSection(props: &HelperSectionProps) -> Html {
    let open = use_state_eq(|| false);
    let helper = props.helper;
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |()| open.set(!*open))
    };
    let (id_prefix, lang, engine) = (props.id_prefix.clone(), props.lang, props.engine.clone());
    let body = match helper {
        Helper::Mapping => html! {
            <super::mapping::MappingSection id_prefix={id_prefix} lang={lang} open={*open}
                engine={engine} heading_level={props.heading_level}
                restart_point={props.restart_point.clone()}
                directory_engine={props.directory_engine.clone()} clears={props.clears}
                on_directory_file={props.on_directory_file.clone()} />
        },
        Helper::Playground => html! {
            <super::playground::ExpressionPlayground id_prefix={id_prefix} lang={lang}
                open={*open} engine={engine} />
        },
    };
    html! {
        <section class={helper.name()} part={helper.name()}>
            <Disclosure label={helper.heading().in_lang(props.lang)} open={*open}
                controls={AttrValue::from(helper.body_id(&props.id_prefix))}
                part={helper.toggle_part()} on_toggle={on_toggle}
                level={props.heading_level + 1} />
            { body }
        </section>
    }
}
