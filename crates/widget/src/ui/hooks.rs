//! The widget's hooks for the end of its input: leaving the page and leaving the page's DOM.

use yew::prelude::*;

use crate::dom::clipboard;
use crate::state::{Action, ClearReason};

/// Ends the input when the page is left, and takes the secret token off the clipboard when
/// the widget goes.
///
/// - `pagehide` clears the widget the way «Clear» does: a page kept in the back/forward cache
///   comes back empty, not with the key, secret and token it was frozen with.
/// - Unmounted (the host's `unmount()`, the element removed for good) while the secret token it
///   copied may still be on the clipboard, the widget empties the clipboard, as «Clear» does.
///   Best effort: a browser may refuse a write without a click, and the widget is gone by then
///   to say so.
#[hook]
pub fn use_end_of_input(has_input: bool, token_on_clipboard: bool, actions: Callback<Action>) {
    // Read by the listener and by the unmount's clean-up, which outlive every render.
    let now = use_mut_ref(|| (false, false));
    *now.borrow_mut() = (has_input, token_on_clipboard);
    use_effect_with((), move |_| {
        let pagehide = web_sys::window().map(|window| {
            let now = now.clone();
            gloo_events::EventListener::new(&window, "pagehide", move |_| {
                let (has_input, token_on_clipboard) = *now.borrow();
                if has_input || token_on_clipboard {
                    actions.emit(Action::Clear(ClearReason::Button));
                }
            })
        });
        move || {
            drop(pagehide);
            if now.borrow().1 {
                wasm_bindgen_futures::spawn_local(async {
                    // Nobody is left to tell whether it worked.
                    let _ = clipboard::empty().await;
                });
            }
        }
    });
}
