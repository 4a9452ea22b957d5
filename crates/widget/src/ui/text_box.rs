//! The helpers' text boxes are capped (`maxlength`, see [`crate::helpers::MAX_SAMPLES_BOX`] and
//! the other `MAX_…_BOX` limits): the browser cuts a longer paste before any script sees it. A full box says so
//! in a note that the box names in its `aria-describedby`.

use yew::prelude::*;

use crate::helpers::fills_box;
use crate::i18n::expr::box_full;
use crate::i18n::Lang;

/// The box's `aria-describedby`: what it is described by anyway, and its note when it is full.
pub fn described_by(
    text: &str,
    max: usize,
    note_id: &str,
    others: Option<AttrValue>,
) -> Option<AttrValue> {
    match (others, fills_box(text, max)) {
        (Some(others), true) => Some(format!("{others} {note_id}").into()),
        (None, true) => Some(AttrValue::from(note_id.to_owned())),
        (others, false) => others,
    }
}

/// The note under a full box, with the id [`described_by`] names; nothing when it is not full.
pub fn full_note(text: &str, max: usize, note_id: AttrValue, lang: Lang) -> Html {
    if !fills_box(text, max) {
        return Html::default();
    }
    html! { <p id={note_id} class="hint box-full">{ box_full(max, lang) }</p> }
}
