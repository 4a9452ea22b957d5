//! The list of findings under a field, each with its one-click fix.

use yew::prelude::*;

use crate::diagnose::{Field, Finding, Fix, Severity};
use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    /// The list's id, which the field's `aria-describedby` names.
    pub id: AttrValue,
    /// What to show, in order.
    pub findings: Vec<Finding>,
    /// The language to show them in.
    pub lang: Lang,
    /// Whether the API secret is masked: then its characters are not spelled out.
    pub secret_masked: bool,
    /// Asked to apply a finding's fix.
    pub on_fix: Callback<(Option<Field>, Fix)>,
}

/// Findings as a list; errors read as errors to assistive technology too.
#[component]
pub fn FindingList(props: &FindingListProps) -> Html {
    if props.findings.is_empty() {
        return Html::default();
    }
    let items = props.findings.iter().map(|finding| {
        let severity = finding.severity();
        let class = match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        };
        // Spelling out a masked secret's characters would unmask it on a shared screen.
        let message = if props.secret_masked
            && finding.field == Some(Field::ApiSecret)
            && matches!(finding.kind, crate::diagnose::FindingKind::NonAscii { .. })
        {
            Text::SecretHasNonAscii.in_lang(props.lang).to_owned()
        } else {
            finding.message(props.lang)
        };
        let fix = finding.fix().map(|fix| {
            let label = fix.label(props.lang);
            let on_fix = props.on_fix.clone();
            let field = finding.field;
            html! {
                <button type="button" class="fix" part="fix-button"
                    onclick={move |_| on_fix.emit((field, fix.clone()))}>{ label }</button>
            }
        });
        html! {
            <li class={classes!("finding", class)} part={format!("finding finding-{class}")}>
                <strong>{ severity.label(props.lang) }{ ": " }</strong>
                { message }
                { for fix }
            </li>
        }
    });
    html! {
        <ul id={props.id.clone()} class="findings" part="findings">{ for items }</ul>
    }
}
