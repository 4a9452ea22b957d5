//! Headings at the level the host asked for. The widget's title is at [`HeadingLevel`] (2 by
//! default, so it fits under a host page's own `h1`; the standalone page sets 1) and every
//! heading inside is some levels below it, never deeper than `h6`.

use yew::prelude::*;

/// The level of the widget's title, given to every heading below it as a context.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HeadingLevel(pub u8);

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// How many levels below the widget's title: 0 is the title itself.
    pub below: u8,
    /// The heading's id, if any.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Its class.
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// Its `part` name, for hosts' `::part()` styles.
    #[prop_or_default]
    pub part: Option<AttrValue>,
    /// What it says.
    pub children: Html,
}

/// An `h1`…`h6`, `below` levels under the widget's title.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    let HeadingLevel(title) = use_context::<HeadingLevel>().unwrap_or(HeadingLevel(2));
    let level = title.saturating_add(props.below).clamp(1, 6);
    html! {
        <@{format!("h{level}")} id={props.id.clone()} class={props.class.clone()}
            part={props.part.clone()}>
            { props.children.clone() }
        </@>
    }
}
