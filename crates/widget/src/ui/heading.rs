//! Headings at the level the host asked for. The widget's title is at the level of
//! `WidgetProps::heading_level` (2 by default, so it fits under a host page's own `h1`; the
//! standalone page sets 1) and every heading inside is some levels below it, never deeper than
//! `h6`. A plain function and a `u8` prop rather than a context and a component: each of those
//! costs its own Yew machinery in the wasm.

use yew::prelude::*;
use yew::virtual_dom::VTag;

/// An `h1`…`h6` at `level` (clamped to 1…6) with each of `class`, `part` (for hosts'
/// `::part()` styles) and `id` that is given.
pub fn heading(
    level: u8,
    class: &'static str,
    part: Option<&'static str>,
    id: Option<AttrValue>,
    children: Html,
) -> Html {
    let mut tag = VTag::new(format!("h{}", level.clamp(1, 6)));
    tag.add_attribute("class", class);
    if let Some(part) = part {
        tag.add_attribute("part", part);
    }
    if let Some(id) = id {
        tag.add_attribute("id", id);
    }
    tag.add_child(children);
    tag.into()
}
