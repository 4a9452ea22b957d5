//! The helpers' Web Worker: a thin shell around [`scim_token_core::helpers::answer`].
//!
//! The page sends a question as postcard bytes and gets the answer as bytes. All the work whose
//! size depends on what was typed happens here, off the page's thread, where the page can stop
//! it: the page's watchdog terminates this worker if it has not answered within a second, and
//! starts a fresh one for the next question. The worker holds no secret: the key and the secret
//! never leave the page's own wasm.
//!
//! The JavaScript around it (static/embed/worker-bootstrap.js) instantiates this wasm
//! from the module the page compiled and sends, then passes each message to [`answer`].

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Answers one question (postcard bytes of a `Question`) with the bytes of its `Answer`; an empty
/// array for bytes that are not exactly one question (`Question::from_bytes` refuses them), which
/// the page reads as no answer: it stops this worker and says that the page and its helper could
/// not read each other's message (`Stopped::Refused`).
///
/// ```
/// use scim_token_core::helpers::{Answer, Question};
/// use scim_token_core::lang::Lang;
/// use scim_token_core::playground_state::PlaygroundState;
///
/// let question = Question::from_playground(3, Lang::En, &PlaygroundState::default());
/// let answer = Answer::from_bytes(&scim_token_worker::answer(&question.to_bytes())).unwrap();
/// assert_eq!(answer.id(), 3);
/// assert!(scim_token_worker::answer(b"not a question").is_empty());
/// ```
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn answer(question: &[u8]) -> Vec<u8> {
    scim_token_core::helpers::answer_at(question, now()).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    /// JavaScript's `Date.now()`: milliseconds since 1970 UTC.
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
}

/// The moment Now() gives in «Try an expression»: the worker's clock (natively, where there is
/// none to ask, the reference's example moment).
fn now() -> Option<scim_token_core::expr::DateTime> {
    #[cfg(target_arch = "wasm32")]
    return scim_token_core::expr::DateTime::from_unix_millis(date_now() as i64);
    #[cfg(not(target_arch = "wasm32"))]
    None
}
