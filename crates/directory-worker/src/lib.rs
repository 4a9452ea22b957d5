//! The directory check's Web Worker: a thin shell around
//! [`scim_token_core::directory::DirectoryWorker`].
//!
//! The page starts it only when the admin starts a directory check, and sends the users export
//! slice by slice as postcard bytes of a `DirectoryQuestion`; the answers are bytes of a
//! `DirectoryAnswer`. The job (the CSV reader's place, the counts so far) is the one thing kept
//! between questions, in this worker's thread-local [`DirectoryWorker`], until the page stops
//! it, starts another, or ends the worker. The worker holds no secret: the key and the secret
//! never leave the page's own wasm.
//!
//! It is a worker of its own, not a question of the helpers' worker, so that the helpers'
//! worker and the widget stay as small as before the directory check (docs/performance.md).
//! The JavaScript around it is the helpers' (static/embed/worker-bootstrap.js): it instantiates
//! this wasm from the module the page compiled and sends, then passes each message to
//! [`answer`].

use std::cell::RefCell;

use scim_token_core::directory::DirectoryWorker;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

thread_local! {
    /// The directory check's job, kept between questions.
    static DIRECTORY: RefCell<DirectoryWorker> = RefCell::new(DirectoryWorker::default());
}

/// Answers one question (postcard bytes of a `DirectoryQuestion`) with the bytes of its
/// `DirectoryAnswer`, keeping the job for the next; an empty array for bytes that are not
/// exactly one question (`DirectoryQuestion::from_bytes` refuses them), which the page reads as
/// no answer.
///
/// ```
/// use scim_token_core::directory::{DirectoryAnswer, DirectoryQuestion, Pass};
/// use scim_token_core::lang::Lang;
///
/// let file = b"userPrincipalName,department\nada@contoso.com,Sales\n";
/// let pass = Pass::Columns { source: "department".into() };
/// let start = DirectoryQuestion::Start { job: 1, lang: Lang::En, file_size: file.len() as u64, pass };
/// let answer = DirectoryAnswer::from_bytes(&scim_token_directory_worker::answer(&start.to_bytes()));
/// assert!(matches!(answer, Some(DirectoryAnswer::Progress { job: 1, next_offset: 0, .. })));
/// let slice = DirectoryQuestion::Slice { job: 1, offset: 0, bytes: file.to_vec() };
/// let answer = DirectoryAnswer::from_bytes(&scim_token_directory_worker::answer(&slice.to_bytes()));
/// let Some(DirectoryAnswer::Columns { columns, .. }) = answer else { unreachable!() };
/// assert_eq!((columns.source_column, columns.key_column), (Some(1), Some(0)));
/// assert!(scim_token_directory_worker::answer(b"not a question").is_empty());
/// ```
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub fn answer(question: &[u8]) -> Vec<u8> {
    DIRECTORY
        .with(|directory| directory.try_borrow_mut().ok()?.answer_bytes(question))
        .unwrap_or_default()
}
