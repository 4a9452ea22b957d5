//! The page's side of the helpers' worker: sends questions, receives answers, and stops a worker
//! that takes too long or dies.
//!
//! One [`HelperWorker`] per helper section. At most one question is in flight; a newer question
//! asked meanwhile waits, and only the newest waits (older ones are stale). The watchdog: a
//! worker that has not answered within [`WATCHDOG_MS`], that fails (a trap, out of memory), or
//! whose message is not an answer (`Answer::from_bytes` refuses it; a worker that refused the
//! question sends no bytes) is terminated at once and the section is told why; the next
//! question starts a fresh worker.
//! Nothing here ever waits for the worker, so the page's thread stays free.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use scim_token_core::helpers::{Answer, Question, Stopped};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

/// How long a worker may take to answer before it is stopped, in milliseconds.
pub const WATCHDOG_MS: u32 = 1_000;

/// Where answers come from: a JavaScript function that starts a worker and resolves to it once
/// it can take questions (the embed module's `startHelperWorker`), or, in Rust hosts and the
/// browser tests built with `in-page-helpers`, the page itself.
#[derive(Clone, Debug)]
pub enum Engine {
    /// Starts a Web Worker; compared by identity.
    Worker(js_sys::Function),
    /// Answers on the page's own thread, after the current task. Bounded by the same caps and
    /// budget, but not stoppable: for hosts without the worker's files.
    #[cfg(feature = "in-page-helpers")]
    InPage,
}

impl PartialEq for Engine {
    fn eq(&self, other: &Engine) -> bool {
        match (self, other) {
            (Engine::Worker(a), Engine::Worker(b)) => a == b,
            #[cfg(feature = "in-page-helpers")]
            (Engine::InPage, Engine::InPage) => true,
            #[cfg(feature = "in-page-helpers")]
            _ => false,
        }
    }
}

/// What a section is told.
#[derive(Clone, PartialEq, Debug)]
pub enum Reply {
    /// The answer to the newest question sent.
    Answer(Rc<Answer>),
    /// The worker was stopped before it answered.
    Stopped(Stopped),
    /// No worker could be started (its files missing or refused by their integrity check).
    Unavailable,
}

/// A reply, and whether a newer question is still on its way (the section stays busy).
pub type Replied = (Reply, bool);

/// A running worker and the listeners that must live as long as it.
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

#[derive(Default)]
struct Channel {
    running: Option<Running>,
    starting: bool,
    /// The id of the question in flight, and its watchdog.
    in_flight: Option<(u32, Timeout)>,
    /// The newest question not sent yet.
    waiting: Option<Question>,
    next_id: u32,
}

/// One section's connection to its worker. Dropping it terminates the worker.
pub struct HelperWorker {
    engine: Engine,
    /// In-page questions not answered yet.
    #[cfg(feature = "in-page-helpers")]
    in_page: Rc<std::cell::Cell<u32>>,
    on_reply: Callback<Replied>,
    channel: Rc<RefCell<Channel>>,
}

impl HelperWorker {
    /// A connection that starts its worker with the first question.
    pub fn new(engine: Engine, on_reply: Callback<Replied>) -> HelperWorker {
        HelperWorker {
            engine,
            on_reply,
            #[cfg(feature = "in-page-helpers")]
            in_page: Rc::default(),
            channel: Rc::default(),
        }
    }

    /// Asks `question` (its id is set here); the reply comes through the callback.
    pub fn ask(&self, question: Question) {
        match &self.engine {
            Engine::Worker(start) => {
                self.channel.borrow_mut().waiting = Some(question);
                pump(&self.channel, start, &self.on_reply);
            }
            #[cfg(feature = "in-page-helpers")]
            Engine::InPage => {
                let (on_reply, in_page) = (self.on_reply.clone(), self.in_page.clone());
                in_page.set(in_page.get() + 1);
                wasm_bindgen_futures::spawn_local(async move {
                    in_page.set(in_page.get().saturating_sub(1));
                    // Now() in «Try an expression» is the page's clock, as in the worker.
                    let now = scim_token_core::expr::DateTime::from_unix_millis(
                        js_sys::Date::now() as i64,
                    );
                    let reply = scim_token_core::helpers::answer_at(&question.to_bytes(), now)
                        .and_then(|bytes| Answer::from_bytes(&bytes))
                        .map_or(Reply::Stopped(Stopped::Refused), |answer| {
                            Reply::Answer(Rc::new(answer))
                        });
                    on_reply.emit((reply, in_page.get() > 0));
                });
            }
        }
    }
}

impl Drop for HelperWorker {
    fn drop(&mut self) {
        // Terminates the worker; a start still under way finds no channel and stops its worker.
        let mut channel = self.channel.borrow_mut();
        channel.running = None;
        channel.in_flight = None;
        channel.waiting = None;
    }
}

/// Sends the waiting question if nothing is in flight, starting a worker first if needed.
fn pump(channel: &Rc<RefCell<Channel>>, start: &js_sys::Function, on_reply: &Callback<Replied>) {
    let mut state = channel.borrow_mut();
    if state.in_flight.is_some() || state.starting || state.waiting.is_none() {
        return;
    }
    let Some(worker) = state.running.as_ref().map(|running| running.worker.clone()) else {
        state.starting = true;
        drop(state);
        let (weak, start, on_reply) = (Rc::downgrade(channel), start.clone(), on_reply.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let Some((channel, started)) = start_worker_for(&start, &weak).await else {
                return;
            };
            channel.borrow_mut().starting = false;
            match started {
                Ok(worker) => {
                    let running = listen(worker, Rc::downgrade(&channel), &start, &on_reply);
                    channel.borrow_mut().running = Some(running);
                    pump(&channel, &start, &on_reply);
                }
                Err(_) => {
                    channel.borrow_mut().waiting = None;
                    on_reply.emit((Reply::Unavailable, false));
                }
            }
        });
        return;
    };
    let id = state.next_id;
    state.next_id = state.next_id.wrapping_add(1);
    let Some(question) = state.waiting.take() else {
        return;
    };
    let bytes = js_sys::Uint8Array::from(question.with_id(id).to_bytes().as_slice());
    let posted = worker.post_message(&bytes);
    let watchdog = {
        let (weak, start, on_reply) = (Rc::downgrade(channel), start.clone(), on_reply.clone());
        Timeout::new(WATCHDOG_MS, move || {
            stop(&weak, &start, &on_reply, Stopped::TookTooLong);
        })
    };
    state.in_flight = Some((id, watchdog));
    drop(state);
    if posted.is_err() {
        stop(&Rc::downgrade(channel), start, on_reply, Stopped::Failed);
    }
}

/// Terminates the worker, tells the section why, and sends any newer question to a fresh one.
fn stop(
    channel: &Weak<RefCell<Channel>>,
    start: &js_sys::Function,
    on_reply: &Callback<Replied>,
    reason: Stopped,
) {
    let Some(channel) = channel.upgrade() else {
        return;
    };
    let (running, in_flight) = {
        let mut state = channel.borrow_mut();
        (state.running.take(), state.in_flight.take())
    };
    if let Some(running) = &running {
        running.worker.terminate();
    }
    // This may run inside the worker's listener or the watchdog, which these own: they are
    // dropped after it returns.
    wasm_bindgen_futures::spawn_local(async move { drop((running, in_flight)) });
    let more_coming = channel.borrow().waiting.is_some();
    on_reply.emit((Reply::Stopped(reason), more_coming));
    pump(&channel, start, on_reply);
}

/// Listens to a started worker: answers and failures.
fn listen(
    worker: Worker,
    channel: Weak<RefCell<Channel>>,
    start: &js_sys::Function,
    on_reply: &Callback<Replied>,
) -> Running {
    let on_message = {
        let (channel, start, on_reply) = (channel.clone(), start.clone(), on_reply.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let answer = event
                .data()
                .dyn_into::<js_sys::Uint8Array>()
                .ok()
                .and_then(|bytes| Answer::from_bytes(&bytes.to_vec()));
            // Bytes that are not exactly one answer (none at all, for a question the worker
            // refused) are refused here too, never read as another answer.
            let Some(answer) = answer else {
                stop(&channel, &start, &on_reply, Stopped::Refused);
                return;
            };
            let Some(strong) = channel.upgrade() else {
                return;
            };
            let (current, more_coming) = {
                let mut state = strong.borrow_mut();
                let current = state.in_flight.as_ref().map(|(id, _)| *id) == Some(answer.id());
                if current {
                    state.in_flight = None;
                }
                (current, state.waiting.is_some())
            };
            if current {
                on_reply.emit((Reply::Answer(Rc::new(answer)), more_coming));
                pump(&strong, &start, &on_reply);
            }
        })
    };
    let on_error = {
        let (start, on_reply) = (start.clone(), on_reply.clone());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // The worker's own error (a trap); nothing of it reaches the console.
            event.prevent_default();
            stop(&channel, &start, &on_reply, Stopped::Failed);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    }
}

/// Calls the start function and waits for its worker.
pub(crate) async fn start_worker(start: &js_sys::Function) -> Result<Worker, JsValue> {
    let promise: js_sys::Promise = start.call0(&JsValue::NULL)?.dyn_into()?;
    JsFuture::from(promise).await?.dyn_into()
}

/// Starts a worker for `owner` (a channel that may be dropped while the worker starts): the
/// owner and how the start went, or `None` when the owner is gone, the new worker ended.
pub(crate) async fn start_worker_for<T>(
    start: &js_sys::Function,
    owner: &Weak<T>,
) -> Option<(Rc<T>, Result<Worker, JsValue>)> {
    let started = start_worker(start).await;
    let Some(owner) = owner.upgrade() else {
        if let Ok(worker) = started {
            worker.terminate();
        }
        return None;
    };
    Some((owner, started))
}
