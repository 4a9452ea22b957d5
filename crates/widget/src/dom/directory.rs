//! The page's side of the directory worker (issue 27): runs one pass over a `File`, slice by
//! slice, with one slice in flight, and stops a worker that takes too long or dies.
//!
//! A pass starts with `Start`; each answer's `next_offset` says where the next slice starts
//! ([`SLICE_BYTES`] read with `blob.slice(a, b).arrayBuffer()`), until the pass's result comes.
//! The slice's bytes go from the file to the worker without entering this page's wasm memory:
//! the question's header is written here ([`DirectoryQuestion::slice_header`]), and the
//! browser reads it and the file's bytes into one buffer (a `Blob` of the two), which is
//! transferred. The results pass's CSV parts extend a `Blob`
//! answer by answer (the browser holds it, on disk when large), whose `blob:` URL, typed
//! `text/csv`, is given to the section.
//!
//! The watchdog, as the helpers' ([`super::worker`]): an answer that does not come within
//! [`WATCHDOG_MS`] of its question, a worker that fails, or a message that is not an answer
//! ends the worker at once, and the section is told why. «Stop», «Clear» and dropping the
//! [`DirectoryRunner`] end the worker too, and forget the file and the parts.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use scim_token_core::directory::{DirectoryAnswer, DirectoryQuestion, GroupId, Pass, SLICE_BYTES};
use scim_token_core::directory_state::{DirectoryAction, Trouble};
use scim_token_core::helpers::Stopped;
use scim_token_core::lang::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, MessageEvent, Worker};
use yew::Callback;

use super::worker::{start_worker_for, Engine, WATCHDOG_MS};

/// Where the answers come from, once started.
enum Answerer {
    /// A Web Worker and the listeners that live as long as it.
    Worker {
        worker: Worker,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    },
    /// The page's own thread (the browser tests' engine).
    #[cfg(feature = "in-page-helpers")]
    InPage(Rc<RefCell<scim_token_core::directory::DirectoryWorker>>),
}

impl Drop for Answerer {
    fn drop(&mut self) {
        match self {
            Answerer::Worker { worker, .. } => {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                worker.terminate();
            }
            #[cfg(feature = "in-page-helpers")]
            Answerer::InPage(_) => {}
        }
    }
}

#[derive(Default)]
struct Channel {
    answerer: Option<Answerer>,
    starting: bool,
    /// The current job's number; answers of any other are dropped.
    job: u32,
    /// The file of the current pass.
    file: Option<File>,
    /// The question waiting for the worker to start.
    waiting: Option<js_sys::Uint8Array>,
    watchdog: Option<Timeout>,
    /// The results file so far, as a `Blob` that each answer's part extends: the browser keeps
    /// it (on disk when large), not this page's JavaScript heap or wasm memory.
    parts: Option<web_sys::Blob>,
    /// The results file's `blob:` URL, revoked when the runner forgets it.
    url: Option<String>,
}

impl Channel {
    /// Ends the worker and forgets the job, the file and the results.
    fn forget(&mut self) -> Option<Answerer> {
        self.job = self.job.wrapping_add(1);
        self.file = None;
        self.waiting = None;
        self.watchdog = None;
        self.parts = None;
        if let Some(url) = self.url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.answerer.take()
    }
}

/// One section's connection to a directory worker. Dropping it ends the worker.
pub struct DirectoryRunner {
    engine: Engine,
    on_event: Callback<DirectoryAction>,
    channel: Rc<RefCell<Channel>>,
}

impl DirectoryRunner {
    /// A runner that starts its worker with the first pass and tells the section each answer
    /// as the [`DirectoryAction`] it makes (a progress also with the time, for the
    /// announcement).
    pub fn new(engine: Engine, on_event: Callback<DirectoryAction>) -> DirectoryRunner {
        DirectoryRunner {
            engine,
            on_event,
            channel: Rc::default(),
        }
    }

    /// Runs `pass` over `file`; the job before it (not its worker) is dropped.
    pub fn run(&self, file: File, lang: Lang, pass: Pass) {
        let question = {
            let mut channel = self.channel.borrow_mut();
            channel.job = channel.job.wrapping_add(1);
            channel.parts = matches!(pass, Pass::Results(_))
                .then(|| web_sys::Blob::new().ok())
                .flatten();
            if let Some(url) = channel.url.take() {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
            let file_size = file.size() as u64;
            channel.file = Some(file);
            DirectoryQuestion::Start {
                job: channel.job,
                lang,
                file_size,
                pass,
            }
        };
        self.send(js_sys::Uint8Array::from(question.to_bytes().as_slice()));
    }

    /// Asks for a group's sample of users of the finished check.
    pub fn users(&self, group: GroupId) {
        let job = self.channel.borrow().job;
        let question = DirectoryQuestion::Users { job, group };
        self.send(js_sys::Uint8Array::from(question.to_bytes().as_slice()));
    }

    /// Stops at once: nothing more is sent, the worker is ended, the file forgotten.
    pub fn stop(&self) {
        let answerer = self.channel.borrow_mut().forget();
        drop(answerer);
    }

    fn send(&self, message: js_sys::Uint8Array) {
        send(&self.channel, &self.engine, &self.on_event, message);
    }
}

impl Drop for DirectoryRunner {
    fn drop(&mut self) {
        // A start still under way finds no channel and ends its worker.
        self.stop();
    }
}

/// Posts `message` to the running worker, with its watchdog; gives it back when none runs.
fn post(
    channel: &Rc<RefCell<Channel>>,
    on_event: &Callback<DirectoryAction>,
    message: js_sys::Uint8Array,
) -> Result<(), js_sys::Uint8Array> {
    let mut state = channel.borrow_mut();
    match &state.answerer {
        Some(Answerer::Worker { worker, .. }) => {
            let transfer = js_sys::Array::of1(&message.buffer());
            let posted = worker.post_message_with_transfer(&message, &transfer);
            let weak = Rc::downgrade(channel);
            let on_stop = on_event.clone();
            state.watchdog = Some(Timeout::new(WATCHDOG_MS, move || {
                stopped(&weak, &on_stop, Stopped::TookTooLong);
            }));
            drop(state);
            if posted.is_err() {
                stopped(&Rc::downgrade(channel), on_event, Stopped::Failed);
            }
            Ok(())
        }
        #[cfg(feature = "in-page-helpers")]
        Some(Answerer::InPage(worker)) => {
            let (worker, weak, on_event) =
                (worker.clone(), Rc::downgrade(channel), on_event.clone());
            drop(state);
            wasm_bindgen_futures::spawn_local(async move {
                let answer = worker.borrow_mut().answer_bytes(&message.to_vec());
                received(&weak, &on_event, answer.as_deref().unwrap_or_default());
            });
            Ok(())
        }
        None => Err(message),
    }
}

/// Sends `message` to the worker, starting one first if none runs.
fn send(
    channel: &Rc<RefCell<Channel>>,
    engine: &Engine,
    on_event: &Callback<DirectoryAction>,
    message: js_sys::Uint8Array,
) {
    let Err(message) = post(channel, on_event, message) else {
        return;
    };
    let mut state = channel.borrow_mut();
    state.waiting = Some(message);
    if state.starting {
        return;
    }
    match engine {
        #[cfg(feature = "in-page-helpers")]
        Engine::InPage => {
            state.answerer = Some(Answerer::InPage(Rc::default()));
            let waiting = state.waiting.take();
            drop(state);
            if let Some(message) = waiting {
                let _ = post(channel, on_event, message);
            }
        }
        Engine::Worker(start) => {
            state.starting = true;
            drop(state);
            let (weak, start, on_event) = (Rc::downgrade(channel), start.clone(), on_event.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some((channel, started)) = start_worker_for(&start, &weak).await else {
                    return;
                };
                let waiting = {
                    let mut state = channel.borrow_mut();
                    state.starting = false;
                    state.waiting.take()
                };
                match (started, waiting) {
                    (Ok(worker), Some(message)) => {
                        let answerer = listen(worker, &weak, &on_event);
                        channel.borrow_mut().answerer = Some(answerer);
                        let _ = post(&channel, &on_event, message);
                    }
                    // Stopped while it started.
                    (Ok(worker), None) => worker.terminate(),
                    (Err(_), _) => on_event.emit(DirectoryAction::Ended(Trouble::Unavailable)),
                }
            });
        }
    }
}

/// Ends the worker and tells the section why.
fn stopped(
    channel: &Weak<RefCell<Channel>>,
    on_event: &Callback<DirectoryAction>,
    reason: Stopped,
) {
    let Some(channel) = channel.upgrade() else {
        return;
    };
    let answerer = channel.borrow_mut().forget();
    // This may run inside the worker's listener, which the answerer owns: it is dropped after.
    wasm_bindgen_futures::spawn_local(async move { drop(answerer) });
    on_event.emit(DirectoryAction::Ended(Trouble::Stopped(reason)));
}

/// Listens to a started worker.
fn listen(
    worker: Worker,
    channel: &Weak<RefCell<Channel>>,
    on_event: &Callback<DirectoryAction>,
) -> Answerer {
    let on_message = {
        let (channel, on_event) = (channel.clone(), on_event.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = event
                .data()
                .dyn_into::<js_sys::Uint8Array>()
                .map(|bytes| bytes.to_vec())
                .unwrap_or_default();
            received(&channel, &on_event, &bytes);
        })
    };
    let on_error = {
        let (channel, on_event) = (channel.clone(), on_event.clone());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            stopped(&channel, &on_event, Stopped::Failed);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Answerer::Worker {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    }
}

/// Takes one answer: the next slice is read and sent, the CSV kept, the section told.
fn received(channel: &Weak<RefCell<Channel>>, on_event: &Callback<DirectoryAction>, bytes: &[u8]) {
    let Some(strong) = channel.upgrade() else {
        return;
    };
    // Bytes that are not exactly one answer (none at all, for a refused question) end it.
    let Some(answer) = DirectoryAnswer::from_bytes(bytes) else {
        stopped(channel, on_event, Stopped::Refused);
        return;
    };
    let mut state = strong.borrow_mut();
    if answer.job() != state.job {
        return;
    }
    state.watchdog = None;
    let answer = match answer {
        DirectoryAnswer::Progress {
            job,
            next_offset,
            rows,
            csv,
        } => {
            keep_part(&mut state, &csv);
            if let Some(file) = state.file.clone() {
                let (channel, on_event) = (channel.clone(), on_event.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    next_slice(&channel, &on_event, file, job, next_offset).await;
                });
            }
            DirectoryAnswer::Progress {
                job,
                next_offset,
                rows,
                csv: Vec::new(),
            }
        }
        DirectoryAnswer::Written { job, rows, csv } => {
            keep_part(&mut state, &csv);
            state.file = None;
            if let Some(url) = state.parts.take().and_then(|parts| results_url(&parts)) {
                state.url = Some(url.clone());
                drop(state);
                on_event.emit(DirectoryAction::ResultsReady(url));
            }
            DirectoryAnswer::Written {
                job,
                rows,
                csv: Vec::new(),
            }
        }
        done @ (DirectoryAnswer::Failed { .. } | DirectoryAnswer::NoJob { .. }) => {
            state.file = None;
            done
        }
        other => other,
    };
    let progress = matches!(answer, DirectoryAnswer::Progress { .. });
    on_event.emit(DirectoryAction::Answered(answer));
    if progress {
        on_event.emit(DirectoryAction::Tick(js_sys::Date::now()));
    }
}

/// The results file so far and `csv` after it, as a `Blob` of type `type_`.
fn extended(parts: &web_sys::Blob, csv: &js_sys::Object, type_: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(type_);
    let sequence = js_sys::Array::of2(parts, csv);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&sequence, &options).ok()
}

/// Appends a results part to the file so far.
fn keep_part(state: &mut Channel, csv: &[u8]) {
    if let (Some(parts), false) = (&state.parts, csv.is_empty()) {
        state.parts = extended(parts, &js_sys::Uint8Array::from(csv), "");
    }
}

/// The results file as a `Blob` of type `text/csv`, and its URL.
fn results_url(parts: &web_sys::Blob) -> Option<String> {
    let blob = extended(parts, &js_sys::Uint8Array::new_with_length(0), "text/csv")?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Reads the file from `offset` and sends it as the job's next slice, if the job is still
/// the current one when the bytes come.
async fn next_slice(
    channel: &Weak<RefCell<Channel>>,
    on_event: &Callback<DirectoryAction>,
    file: File,
    job: u32,
    offset: u64,
) {
    let end = (offset + SLICE_BYTES as u64).min(file.size() as u64);
    let header = DirectoryQuestion::slice_header(job, offset, (end - offset) as usize);
    let message = match read(&file, &header, offset, end).await {
        Ok(message) if message.length() as u64 == header.len() as u64 + end - offset => message,
        _ => {
            // The file changed or went away under the page.
            stopped(channel, on_event, Stopped::Failed);
            return;
        }
    };
    let Some(strong) = channel.upgrade() else {
        return;
    };
    if strong.borrow().job != job {
        return;
    }
    // The worker may have been stopped meanwhile: then nothing is sent.
    let _ = post(&strong, on_event, message);
}

/// The slice question: `header`, then the file's bytes from `from` to `to`, read by the
/// browser into one buffer (a `Blob` of the two parts), which is then transferred to the
/// worker: the page makes no copy of the file's bytes of its own, nor leaves one behind for
/// its garbage collector (bench/directory.mjs measures the page's memory).
async fn read(
    file: &File,
    header: &[u8],
    from: u64,
    to: u64,
) -> Result<js_sys::Uint8Array, JsValue> {
    let slice = file.slice_with_f64_and_f64(from as f64, to as f64)?;
    let parts = js_sys::Array::of2(&js_sys::Uint8Array::from(header), &slice);
    let message = web_sys::Blob::new_with_blob_sequence(&parts)?;
    let buffer = JsFuture::from(message.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer))
}
