//! The hook that connects a helper section to its worker: asks on every change while the
//! section is open, and gives the newest reply and the newest answer.

use std::rc::Rc;

use scim_token_core::helpers::{stopped_message, Answer, Question};
use yew::prelude::*;

use crate::dom::worker::{Engine, HelperWorker, Reply};
use crate::i18n::{Lang, Text};

/// The newest answer (`None` before the first), why no answer came after it, and whether a
/// question is still unanswered: the section is `aria-busy` meanwhile.
pub struct Answered {
    /// The newest answer, kept when the worker stops after it: what of it stays shown then is
    /// the section's to say (for «Try an expression», `helpers::TryShown`).
    pub answer: Option<Rc<Answer>>,
    /// The newest reply if it is not an answer (the worker stopped, or could not start);
    /// `None` once an answer comes after it.
    pub trouble: Option<Reply>,
    /// Whether a newer question is on its way.
    pub busy: bool,
}

/// Asks `question` (when `Some`) of the section's worker, started on first use and terminated
/// with the section.
#[hook]
pub fn use_answer(engine: &Engine, question: Option<Question>) -> Answered {
    let answer = use_state(|| None::<Rc<Answer>>);
    let trouble = use_state(|| None::<Reply>);
    let busy = use_state_eq(|| false);
    let worker = use_mut_ref(|| None::<HelperWorker>);
    {
        // The worker goes with the section, even while a reply callback (which holds the
        // section's state setters) is still referenced somewhere: dropping it terminates it.
        let worker = worker.clone();
        use_effect_with((), move |_| move || drop(worker.borrow_mut().take()));
    }
    {
        let (answer, trouble, busy) = (answer.setter(), trouble.setter(), busy.setter());
        let engine = engine.clone();
        use_effect_with(question, move |question| {
            if let Some(question) = question {
                busy.set(true);
                worker
                    .borrow_mut()
                    .get_or_insert_with(|| {
                        HelperWorker::new(
                            engine,
                            Callback::from(move |(reply, more_coming)| {
                                match reply {
                                    Reply::Answer(newest) => {
                                        answer.set(Some(newest));
                                        trouble.set(None);
                                    }
                                    stopped => trouble.set(Some(stopped)),
                                }
                                busy.set(more_coming);
                            }),
                        )
                    })
                    .ask(question.clone());
            }
        });
    }
    Answered {
        answer: (*answer).clone(),
        trouble: (*trouble).clone(),
        busy: *busy,
    }
}

/// What a section shows when its reply is not an answer: why it stopped, or that it could not
/// load. `None` for an answer or no reply yet.
pub fn reply_notice(reply: Option<&Reply>, lang: Lang) -> Option<Html> {
    let text = match reply? {
        Reply::Answer(_) => return None,
        Reply::Stopped(reason) => stopped_message(*reason, lang),
        Reply::Unavailable => Text::HelperLoadFailed.in_lang(lang),
    };
    Some(html! { <p class="error-text stopped" role="alert">{ text }</p> })
}
