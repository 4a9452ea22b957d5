//! The widget's hooks for the end of its input: leaving the page, leaving the page's DOM, and the
//! auto-clear after a time without activity.

use std::cell::RefCell;
use std::rc::Rc;

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

/// How long before the auto-clear its notice appears: a minute, or half the period if shorter.
fn notice_lead_ms(period_ms: u32) -> u32 {
    (period_ms / 2).min(60_000)
}

/// Empties the widget after `seconds` without activity, warning shortly before.
///
/// While there is input, one timer and one `visibilitychange` listener: a keystroke only moves
/// the deadline, which the timer reads when it fires (and sets itself again for the time left),
/// so typing does not remake timers or listeners. Timers in a hidden tab may fire late, so
/// coming back to the page checks the deadline at once.
#[hook]
pub fn use_auto_clear(activity: u64, has_input: bool, seconds: u32, actions: Callback<Action>) {
    let period_ms = seconds.max(1).saturating_mul(1000);
    let clock = use_mut_ref(IdleClock::default);
    {
        // Each activity (and a new period) moves the deadline; the render does it, as the timer
        // only reads it. Only while there is input: a server-side render (crates/prerender),
        // which has none, has no clock to read.
        let mut clock = clock.borrow_mut();
        if has_input && clock.since != (activity, period_ms) {
            clock.since = (activity, period_ms);
            clock.deadline = js_sys::Date::now() + f64::from(period_ms);
        }
    }
    use_effect_with((has_input, period_ms), move |&(has_input, period_ms)| {
        let on_visible = has_input.then(|| {
            let lead_ms = f64::from(notice_lead_ms(period_ms));
            IdleClock::wake(&clock, lead_ms, &actions);
            let clock = clock.clone();
            web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
                        if js_sys::Date::now() >= clock.borrow().deadline {
                            actions.emit(Action::Clear(ClearReason::Idle));
                        }
                    })
                })
        });
        // Dropping the listener removes it; the timer goes with the input.
        move || {
            drop(on_visible);
            clock.borrow_mut().timer = None;
        }
    });
}

/// The auto-clear's deadline (ms since the epoch) and the activity and period it was set for,
/// the deadline a notice was given for, and the one timer.
#[derive(Default)]
struct IdleClock {
    since: (u64, u32),
    deadline: f64,
    warned_for: f64,
    timer: Option<gloo_timers::callback::Timeout>,
}

impl IdleClock {
    /// Clears at the deadline, warns `lead_ms` before it (once per deadline), and otherwise sets
    /// the timer for the next of the two; called by the timer itself.
    fn wake(clock: &Rc<RefCell<Self>>, lead_ms: f64, actions: &Callback<Action>) {
        let now = js_sys::Date::now();
        let (deadline, warned) = {
            let clock = clock.borrow();
            (clock.deadline, clock.warned_for == clock.deadline)
        };
        let next = if now >= deadline {
            clock.borrow_mut().timer = None;
            return actions.emit(Action::Clear(ClearReason::Idle));
        } else if now >= deadline - lead_ms {
            if !warned {
                clock.borrow_mut().warned_for = deadline;
                actions.emit(Action::WarnBeforeClear);
            }
            deadline
        } else {
            deadline - lead_ms
        };
        let (again, actions) = (clock.clone(), actions.clone());
        // Whole milliseconds, rounded up (a timer firing early would only set itself again), at
        // most what setTimeout takes (config limits the period to less).
        let wait = (next - now).ceil().min(f64::from(i32::MAX)) as u32;
        let timer = gloo_timers::callback::Timeout::new(wait, move || {
            Self::wake(&again, lead_ms, &actions);
        });
        // Replacing the timer that is calling this is safe: wasm-bindgen frees a closure only
        // once its call has returned.
        clock.borrow_mut().timer = Some(timer);
    }
}
