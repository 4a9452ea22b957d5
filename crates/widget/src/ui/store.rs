//! The one reducer of the Yew layer: every state of the pure core ([`Apply`]) is held in a
//! [`Store`], and an action makes a changed copy.

use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use crate::state::Apply;

/// A state of the pure core as Yew's `use_reducer` holds it.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct Store<S>(pub S);

impl<S: Apply> Reducible for Store<S> {
    type Action = S::Action;

    fn reduce(self: Rc<Self>, action: S::Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

impl<S> Deref for Store<S> {
    type Target = S;

    fn deref(&self) -> &S {
        &self.0
    }
}
