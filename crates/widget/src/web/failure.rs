//! What the admin sees if the widget ever panics: a generic message, never a value.
//!
//! A panic in wasm stops the module for the rest of the page's life. The hook replaces every
//! mounted widget's content with a fixed message from the catalog, so the admin is not left
//! typing into a dead form. It prints nothing of the panic itself: a panic message could hold
//! what was typed.

use std::cell::RefCell;
use std::sync::Once;

use web_sys::Element;

use crate::i18n::{Lang, Text};

thread_local! {
    /// The elements widgets are mounted into, for the panic hook to reach.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook once per page.
///
/// Through Yew, because Yew otherwise installs `console_error_panic_hook` when it renders, which
/// prints the panic message, and a message could hold a value. Debug builds (the tests) keep the
/// previous hook too, so a failing test still says why.
pub fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        #[cfg(debug_assertions)]
        let previous = std::panic::take_hook();
        yew::set_custom_panic_hook(Box::new(move |_info| {
            show_failure();
            #[cfg(debug_assertions)]
            previous(_info);
        }));
    });
}

/// Adds a widget's root to the ones the hook replaces.
pub fn remember_root(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Removes an unmounted widget's root.
pub fn forget_root(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

/// Replaces every mounted widget with the failure message, in the widget's language. The
/// panic hook calls it; it is public so a browser test can check what the admin would see.
pub fn show_failure() {
    // `try_with`/`try_borrow`: a panic while the registry is borrowed must not panic again.
    let _ = ROOTS.try_with(|roots| {
        if let Ok(roots) = roots.try_borrow() {
            for root in roots.iter() {
                let lang = root
                    .query_selector("[lang]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.get_attribute("lang"))
                    .and_then(|tag| Lang::from_tag(&tag))
                    .unwrap_or_default();
                root.set_text_content(Some(Text::Crashed.in_lang(lang)));
                let _ = root.set_attribute("role", "alert");
            }
        }
    });
    web_sys::console::error_1(&"scim-token-widget stopped after an internal error.".into());
}
