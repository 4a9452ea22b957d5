//! «Before you start» and «After you save»: the rest of the setup guide, each a collapsed
//! section with numbered points ([`crate::guide`] gives their order).
//!
//! A plain function of the widget's render, not a component of its own: a component costs
//! Yew's machinery for one more type, and the sections hold no state the widget does not.

use yew::prelude::*;

use super::disclosure::Disclosure;
use crate::guide::Guide;
use crate::i18n::Lang;
use crate::state::Action;

/// The id of a section's list of points; point `n` (1-based) is `{list id}-{n}`.
fn list_id(prefix: &str, guide: Guide) -> String {
    format!("{prefix}-{}", guide.name())
}

/// The id of a section's point (0-based `index`), which the widget focuses when asked to.
pub fn point_id(prefix: &str, guide: Guide, index: usize) -> String {
    format!("{}-{}", list_id(prefix, guide), index + 1)
}

/// One section of the guide: a [`Disclosure`] and, when `open`, its numbered points. The
/// heading is one level below the widget's title (`title_level`).
#[inline(never)]
pub fn guide_section(
    guide: Guide,
    open: bool,
    actions: &Callback<Action>,
    prefix: &str,
    lang: Lang,
    title_level: u8,
) -> Html {
    let list = list_id(prefix, guide);
    let points = open.then(|| {
        html! {
            <ol id={list.clone()} class="guide-points">
                { for guide.points().iter().enumerate().map(|(index, point)| html! {
                    <li id={point_id(prefix, guide, index)} tabindex="-1">{ point.in_lang(lang) }</li>
                }) }
            </ol>
        }
    });
    html! {
        <section class={classes!("guide", guide.name())} part={guide.name()}>
            <Disclosure label={guide.heading().in_lang(lang)} open={open}
                controls={AttrValue::from(list)}
                part={AttrValue::from(format!("{}-toggle", guide.name()))}
                on_toggle={actions.reform(move |()| Action::ToggleGuide(guide))}
                level={title_level + 1} />
            { points.unwrap_or_default() }
        </section>
    }
}
