//! Messages about the host's configuration ([`crate::config::ConfigProblem`]).

use super::Lang;
use crate::config::{ConfigProblem, MAX_AUTO_CLEAR_SECONDS};

impl ConfigProblem {
    /// What is wrong and what the widget does instead.
    ///
    /// ```
    /// use scim_token_core::config::ConfigProblem;
    /// use scim_token_core::i18n::Lang;
    ///
    /// let problem = ConfigProblem::TenantUrlNotHttps("http://x/".into());
    /// assert!(problem.message(Lang::En).contains("http://x/"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, ConfigProblem::TenantUrlNotHttps(url)) => format!(
                "This page set the tenant URL to “{url}”, which is not an https:// address. The standard tenant URL is shown instead."
            ),
            (Lang::En, ConfigProblem::UnknownLang(tag)) => format!(
                "This page asked for the language “{tag}”, which the widget does not speak. It uses the browser's language instead."
            ),
            (Lang::En, ConfigProblem::BadAutoClear(value)) => format!(
                "This page set the auto-clear time to “{value}”, which is not a whole number of seconds. The widget clears after 10 minutes instead."
            ),
            (Lang::En, ConfigProblem::AutoClearTooLarge(value)) => format!(
                "This page set the auto-clear time to “{value}” seconds, which is longer than a browser can wait (at most {} seconds, about 24 days). The widget clears after 10 minutes instead.",
                super::number(MAX_AUTO_CLEAR_SECONDS as usize, lang)
            ),
            (Lang::En, ConfigProblem::AutoClearTooSmall(value)) => format!(
                "This page set the auto-clear time to “{value}” seconds, but it must be at least 1 second. The widget clears after 10 minutes instead."
            ),
            (Lang::En, ConfigProblem::BadHeadingLevel(value)) => format!(
                "This page set the heading level to “{value}”, which is not a number from 1 to 6. The widget's title is a level-2 heading instead."
            ),
            (Lang::En, ConfigProblem::NotYesOrNo(option, value)) => format!(
                "This page set {} ({}) to “{value}”, which is neither true nor false. The widget uses the default, {}, instead.",
                option.attribute(),
                option.option(),
                option.default_value()
            ),
            (Lang::Nb, ConfigProblem::TenantUrlNotHttps(url)) => format!(
                "Denne siden satte tenant-URL-en til «{url}», som ikke er en https://-adresse. Standard tenant-URL vises i stedet."
            ),
            (Lang::Nb, ConfigProblem::UnknownLang(tag)) => format!(
                "Denne siden ba om språket «{tag}», som widgeten ikke kan. Den bruker nettleserens språk i stedet."
            ),
            (Lang::Nb, ConfigProblem::BadAutoClear(value)) => format!(
                "Denne siden satte tiden før automatisk tømming til «{value}», som ikke er et helt antall sekunder. Widgeten tømmes etter 10 minutter i stedet."
            ),
            (Lang::Nb, ConfigProblem::AutoClearTooSmall(value)) => format!(
                "Denne siden satte tiden før automatisk tømming til «{value}» sekunder, men den må være minst 1 sekund. Widgeten tømmes etter 10 minutter i stedet."
            ),
            (Lang::Nb, ConfigProblem::BadHeadingLevel(value)) => format!(
                "Denne siden satte overskriftsnivået til «{value}», som ikke er et tall fra 1 til 6. Widgetens tittel er en overskrift på nivå 2 i stedet."
            ),
            (Lang::Nb, ConfigProblem::AutoClearTooLarge(value)) => format!(
                "Denne siden satte tiden før automatisk tømming til «{value}» sekunder, som er lenger enn en nettleser kan vente (høyst {} sekunder, omtrent 24 døgn). Widgeten tømmes etter 10 minutter i stedet.",
                super::number(MAX_AUTO_CLEAR_SECONDS as usize, lang)
            ),
            (Lang::Nb, ConfigProblem::NotYesOrNo(option, value)) => format!(
                "Denne siden satte {} ({}) til «{value}», som verken er true eller false. Widgeten bruker standardverdien, {}, i stedet.",
                option.attribute(),
                option.option(),
                option.default_value()
            ),
        }
    }
}
