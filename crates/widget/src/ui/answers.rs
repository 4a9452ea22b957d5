//! The hook that connects a helper section to its worker: asks on every change while the
//! section is open, and gives the newest reply.

use std::rc::Rc;

use scim_token_core::helpers::{stopped_message, Question};
use yew::prelude::*;

use crate::dom::worker::{Engine, HelperWorker, Reply};
use crate::i18n::{Lang, Text};

/// Asks `question` (when `Some`) of the section's worker, started on first use and terminated
/// with the section; returns the newest reply, `None` before the first.
#[hook]
pub fn use_answer(engine: &Engine, question: Option<Question>) -> Option<Reply> {
    let reply = use_state(|| None::<Reply>);
    let worker = use_mut_ref(|| None::<HelperWorker>);
    {
        let (reply, engine) = (reply.setter(), engine.clone());
        use_effect_with(question, move |question| {
            if let Some(question) = question {
                worker
                    .borrow_mut()
                    .get_or_insert_with(|| {
                        HelperWorker::new(engine, Callback::from(move |r| reply.set(Some(r))))
                    })
                    .ask(question.clone());
            }
        });
    }
    (*reply).clone()
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

/// The answer in a reply, if it is one.
pub fn answer_of(reply: Option<&Reply>) -> Option<Rc<scim_token_core::helpers::Answer>> {
    match reply? {
        Reply::Answer(answer) => Some(answer.clone()),
        _ => None,
    }
}
