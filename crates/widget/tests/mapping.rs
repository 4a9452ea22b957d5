//! «Map organisation levels» and «Try an expression» in a real browser: the widget mounted into
//! the test page, driven through real input and change events.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test mapping` (the runner in
//! .cargo/config.toml starts headless Chromium or Firefox through CHROMEDRIVER / GECKODRIVER).
#![cfg(target_arch = "wasm32")]

mod support;

use scim_token_widget::dom::worker::Engine;
use scim_token_widget::helpers;
use scim_token_widget::i18n::Lang;
use scim_token_widget::ui::WidgetProps;
use support::{
    bubbling, cell_texts, control_in, default_props, refuse_clipboard, restore_clipboard, Mounted,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const ORGANIZATION: &str =
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization";
const DIVISION: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division";

/// The expression for the 2nd level of `department` split at `>`, as Microsoft's Replace takes
/// it (see the documentation of `expr::build`), written out here so the test does not trust the
/// builder it checks.
const DIVISION_EXPRESSION: &str = r#"Replace([department], , "^(?:[^>]*>\\s*|[\\s\\S]*)(?<level>[^>]*?)\\s*(?:>[\\s\\S]*)?$", , "${level}", , )"#;

impl Mounted {
    async fn new(props: WidgetProps) -> Mounted {
        Mounted::mount(props, |m| {
            m.host.query_selector("button").unwrap().is_some()
        })
        .await
    }

    /// Opens the section behind the disclosure button `toggle` and waits for its `control`.
    async fn open(&self, toggle: &str, control: &str) {
        self.click(toggle).await;
        self.until("the section's first control", |w| {
            w.control(control).is_some()
        })
        .await;
    }

    fn field(&self, label: &str) -> Element {
        self.control(label)
            .unwrap_or_else(|| panic!("no control labelled {label:?}"))
    }

    /// Chooses the option with value `value` in the menu labelled `label`, as the keyboard or
    /// the mouse does: the value changes, then one `change` event bubbles.
    async fn choose(&self, label: &str, value: &str) {
        let select = self.field(label);
        js_sys::Reflect::set(&select, &"value".into(), &value.into()).unwrap();
        assert_eq!(value_of(&select), value, "{label} offers {value:?}");
        select.dispatch_event(&bubbling("change")).unwrap();
        self.settle().await;
    }

    /// The rows of the table captioned `caption`, header row first, each cell's text.
    fn table(&self, caption: &str) -> Vec<Vec<String>> {
        let tables = self.host.query_selector_all("table").unwrap();
        let table = (0..tables.length())
            .filter_map(|i| tables.item(i)?.dyn_into::<Element>().ok())
            .find(|t| {
                t.query_selector("caption")
                    .unwrap()
                    .and_then(|c| c.text_content())
                    .as_deref()
                    == Some(caption)
            })
            .unwrap_or_else(|| panic!("no table captioned {caption:?}"));
        cell_texts(&table.query_selector_all("tr").unwrap())
    }

    /// The mapping block for the target named `name` ("Division").
    fn mapping(&self, name: &str) -> Option<Element> {
        let blocks = self.host.query_selector_all(".mapping-target").unwrap();
        (0..blocks.length())
            .filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok())
            .find(|b| {
                b.query_selector("h5")
                    .unwrap()
                    .and_then(|h| h.text_content())
                    .as_deref()
                    == Some(name)
            })
    }

    /// The text of the element with id `id`.
    fn by_id(&self, id: &str) -> Element {
        self.host
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no element #{id}"))
    }

    /// What the control labelled `label` is described by, as one text.
    fn description(&self, label: &str) -> String {
        let ids = self
            .field(label)
            .get_attribute("aria-describedby")
            .unwrap_or_else(|| panic!("{label} is described by nothing"));
        ids.split_whitespace()
            .map(|id| self.by_id(id).text_content().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The mapping section's live region.
    fn mapping_status(&self) -> Element {
        self.host
            .query_selector(".mapping [role=status]")
            .unwrap()
            .expect("the mapping section has a live region")
    }
}

/// The `value` of an input, text area or select.
fn value_of(control: &Element) -> String {
    js_sys::Reflect::get(control, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Opens «Map organisation levels» and pastes `samples`.
async fn open_with_samples(samples: &str) -> Mounted {
    let w = Mounted::new(default_props()).await;
    w.open("Map organisation levels", "Sample values, one per line")
        .await;
    w.paste("Sample values, one per line", samples).await;
    w
}

#[wasm_bindgen_test]
async fn the_section_opens_from_a_disclosure_button() {
    let w = Mounted::new(default_props()).await;
    let toggle = w.button("Map organisation levels");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(w.control("Sample values, one per line").is_none());

    w.open("Map organisation levels", "Sample values, one per line")
        .await;
    let toggle = w.button("Map organisation levels");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let body = toggle
        .get_attribute("aria-controls")
        .expect("names its body");
    let samples = w.field("Sample values, one per line");
    assert!(w.by_id(&body).contains(Some(samples.as_ref())));
    assert_eq!(value_of(&w.field("Source attribute")), "department");
    assert!(w
        .description("Sample values, one per line")
        .contains("They stay on this device."));

    w.click("Map organisation levels").await;
    assert!(w.control("Sample values, one per line").is_none());
}

#[wasm_bindgen_test]
async fn samples_split_at_the_greater_than_sign_and_levels_map_with_a_preview() {
    let w = open_with_samples("Contoso > Sales > EMEA\nContoso >HR\n\nContoso").await;
    assert_eq!(value_of(&w.field("Delimiter")), ">");
    assert!(
        w.description("Delimiter")
            .contains("Found in the samples: > (greater-than sign)"),
        "{}",
        w.description("Delimiter")
    );
    assert_eq!(
        w.table("How each sample splits"),
        [
            row(&["Sample", "Level 1", "Level 2", "Level 3"]),
            row(&["Contoso > Sales > EMEA", "Contoso", "Sales", "EMEA"]),
            row(&["Contoso >HR", "Contoso", "HR", ""]),
            row(&["Contoso", "Contoso", "", ""]),
        ]
    );
    let headers = w.host.query_selector_all(".split th").unwrap();
    for i in 0..headers.length() {
        let th: Element = headers.item(i).unwrap().dyn_into().unwrap();
        assert!(th.get_attribute("scope").is_some(), "th {i} has a scope");
    }
    assert!(w.mapping("Division").is_none(), "nothing mapped yet");

    w.choose("Organization", "1").await;
    w.choose("Division", "2").await;
    w.choose("Department", "last").await;

    let division = w.mapping("Division").expect("Division is mapped");
    assert_eq!(
        value_of(&control_in(&division, "Target attribute").unwrap()),
        DIVISION
    );
    assert_eq!(
        value_of(&control_in(&division, "Expression").unwrap()),
        DIVISION_EXPRESSION
    );
    let organization = w.mapping("Organization").expect("Organization is mapped");
    assert_eq!(
        value_of(&control_in(&organization, "Target attribute").unwrap()),
        ORGANIZATION
    );
    assert!(value_of(&control_in(&organization, "Expression").unwrap())
        .starts_with("Replace([department], , \"^\\\\s*(?<level>"));
    let department = w.mapping("Department").expect("Department is mapped");
    assert!(department
        .text_content()
        .unwrap_or_default()
        .contains("Department is usually mapped already"));

    assert_eq!(
        w.table("Result for each sample"),
        [
            row(&["Sample", "Organization", "Division", "Department"]),
            row(&["Contoso > Sales > EMEA", "Contoso", "Sales", "EMEA"]),
            row(&["Contoso >HR", "Contoso", "HR", "HR"]),
            row(&["Contoso", "Contoso", "(empty)", "Contoso"]),
        ]
    );
    assert!(w
        .description("Division")
        .contains("Users with fewer levels than the one chosen get an empty value."));
    assert!(w.text().contains("«Add new mapping»"), "the steps in Entra");

    w.choose("Division", "none").await;
    assert!(w.mapping("Division").is_none());
    assert_eq!(w.table("Result for each sample")[0].len(), 3);
}

#[wasm_bindgen_test]
async fn the_vertical_bar_is_found_and_the_delimiter_can_be_overridden() {
    let w = open_with_samples("Contoso|Sales|Nord\nContoso|IT").await;
    assert_eq!(value_of(&w.field("Delimiter")), "|");
    assert!(w
        .description("Delimiter")
        .contains("Found in the samples: | (vertical bar)"));
    w.choose("Division", "last").await;
    let expression = value_of(&control_in(&w.mapping("Division").unwrap(), "Expression").unwrap());
    assert!(expression.contains(r"[^|]*\\|"), "{expression}");
    assert_eq!(
        w.table("Result for each sample"),
        [
            row(&["Sample", "Division"]),
            row(&["Contoso|Sales|Nord", "Nord"]),
            row(&["Contoso|IT", "IT"]),
        ]
    );

    w.choose("Delimiter", "/").await;
    assert_eq!(value_of(&w.field("Delimiter")), "/");
    assert!(
        w.description("Delimiter").contains("| (vertical bar)"),
        "what was found is still said"
    );
    assert_eq!(
        w.table("How each sample splits"),
        [
            row(&["Sample", "Level 1"]),
            row(&["Contoso|Sales|Nord", "Contoso|Sales|Nord"]),
            row(&["Contoso|IT", "Contoso|IT"]),
        ]
    );
    assert_eq!(
        w.table("Result for each sample")[1],
        row(&["Contoso|Sales|Nord", "Contoso|Sales|Nord"])
    );
}

#[wasm_bindgen_test]
async fn no_delimiter_in_the_samples_is_said() {
    let w = open_with_samples("Contoso").await;
    assert!(w
        .description("Delimiter")
        .contains("None of the usual delimiters"));
}

#[wasm_bindgen_test]
async fn another_source_attribute_is_checked_where_it_is_typed() {
    let w = open_with_samples("Contoso / Sales").await;
    assert_eq!(value_of(&w.field("Delimiter")), "/");
    w.choose("Division", "2").await;
    w.choose("Source attribute", "extensionAttribute7").await;
    let expression =
        || value_of(&control_in(&w.mapping("Division").unwrap(), "Expression").unwrap());
    assert!(expression().starts_with("Replace([extensionAttribute7], "));

    w.choose("Source attribute", "").await;
    w.paste("Attribute name", "my dept").await;
    let name = w.field("Attribute name");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        w.description("Attribute name").contains(
            "Character 3 of the attribute name, a space, cannot be in an attribute name."
        ),
        "{}",
        w.description("Attribute name")
    );
    assert!(
        w.mapping("Division").is_none(),
        "no expression from a bad name"
    );

    w.paste("Attribute name", "orgPath").await;
    assert_eq!(
        w.field("Attribute name").get_attribute("aria-invalid"),
        None
    );
    assert!(expression().starts_with("Replace([orgPath], "));
    assert_eq!(
        w.table("Result for each sample")[1],
        row(&["Contoso / Sales", "Sales"])
    );
}

#[wasm_bindgen_test]
async fn copying_a_mapping_is_announced_either_way() {
    let w = open_with_samples("Contoso > Sales > EMEA").await;
    w.choose("Division", "2").await;
    let status = w.mapping_status();
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));

    w.click("Copy expression Division").await;
    // A test browser may grant or refuse the clipboard; both outcomes must be said out loud.
    w.until("the copy to be announced", |w| {
        let said = w.mapping_status().text_content().unwrap_or_default();
        said.contains("Expression copied.") || said.contains("Could not copy automatically")
    })
    .await;
    if w.mapping_status()
        .text_content()
        .unwrap_or_default()
        .contains("Could not copy")
    {
        let field = control_in(&w.mapping("Division").unwrap(), "Expression").unwrap();
        assert_selected(&field, DIVISION_EXPRESSION);
    }

    w.click("Copy attribute name Division").await;
    w.until("the second copy to be announced", |w| {
        let said = w.mapping_status().text_content().unwrap_or_default();
        said.contains("Attribute name copied.") || said.contains("Could not copy automatically")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_refused_clipboard_selects_the_expression_for_ctrl_c() {
    refuse_clipboard();

    let w = open_with_samples("Contoso > Sales > EMEA").await;
    w.choose("Division", "2").await;
    w.click("Copy expression Division").await;
    w.until("the failure to be announced", |w| {
        w.mapping_status()
            .text_content()
            .unwrap_or_default()
            .contains("Could not copy automatically")
    })
    .await;
    let field = control_in(&w.mapping("Division").unwrap(), "Expression").unwrap();
    assert_selected(&field, DIVISION_EXPRESSION);

    restore_clipboard();
}

/// Asserts that `field` holds `text`, all of it selected.
fn assert_selected(field: &Element, text: &str) {
    assert_eq!(value_of(field), text);
    let get = |name: &str| {
        js_sys::Reflect::get(field, &name.into())
            .unwrap()
            .as_f64()
            .unwrap_or(-1.0)
    };
    assert_eq!(get("selectionStart"), 0.0);
    assert_eq!(get("selectionEnd"), text.encode_utf16().count() as f64);
}

#[wasm_bindgen_test]
async fn the_playground_points_at_a_parse_error() {
    let w = Mounted::new(default_props()).await;
    let toggle = w.button("Try an expression");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    w.open("Try an expression", "Expression").await;
    assert_eq!(
        w.button("Try an expression")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );

    // The comma after the 3 is missing: character 15 is the quote that follows.
    w.paste("Expression", r#"Word("abc", 3 " ")"#).await;
    let expression = w.field("Expression");
    assert_eq!(
        expression.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let said = w.description("Expression");
    assert!(said.contains("Not a valid expression"), "{said}");
    assert!(
        said.contains("Character 15: expected «,» or «)» after the argument, but found «\"»."),
        "{said}"
    );
    let marker = w.host.query_selector(".marker").unwrap().expect("a marker");
    assert_eq!(marker.get_attribute("aria-hidden").as_deref(), Some("true"));
    let marked = marker.query_selector("mark").unwrap().unwrap();
    assert_eq!(marked.text_content().as_deref(), Some("\""));
    let shown = marker.text_content().unwrap_or_default();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], r#"Word("abc", 3 " ")"#);
    assert_eq!(
        lines[1],
        format!("{}^", " ".repeat(14)),
        "the caret under character 15"
    );

    w.paste("Expression", r#"Word("abc", 3, " ")"#).await;
    assert_eq!(w.field("Expression").get_attribute("aria-invalid"), None);
    assert!(w.host.query_selector(".marker").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_playground_asks_for_each_attribute_and_shows_the_result() {
    let w = Mounted::new(default_props()).await;
    w.open("Try an expression", "Expression").await;
    w.paste("Expression", r#"Left("John Doe", 3)"#).await;
    let result = || {
        w.host
            .query_selector(".playground output")
            .unwrap()
            .expect("a result")
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(result(), "Joh");
    assert!(w.text().contains("This expression reads no attributes."));

    w.paste(
        "Expression",
        r#"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))"#,
    )
    .await;
    // Values not typed yet: the reference does not say what Join does with a missing one.
    assert!(result().starts_with("Cannot tell"), "{}", result());
    w.paste("PreferredFirstName", "Zoë").await;
    w.paste("PreferredLastName", "Smith").await;
    assert_eq!(result(), "zoe.smith@contoso.com");
    assert!(w
        .description("PreferredFirstName")
        .contains("Leave an attribute empty if the user does not have it."));

    // An unknown function is pointed at too, with the catalog's reason.
    w.paste("Expression", r#"toLower([PreferredFirstName])"#)
        .await;
    assert!(result().contains("did you mean ToLower?"), "{}", result());
    let marked = w.host.query_selector(".marker mark").unwrap().unwrap();
    assert_eq!(marked.text_content().as_deref(), Some("t"));
    assert_eq!(
        value_of(&w.field("PreferredFirstName")),
        "Zoë",
        "values are kept"
    );
}

/// A stand-in for the helpers' worker that a test can make stop: each worker it starts is a real
/// Web Worker that relays the questions to this page, where, as `mode` says, they are answered
/// by the pure core's `helpers::answer` (what crates/worker runs), held (the worker never
/// answers, so the watchdog stops it) or spoiled (bytes that are no answer, which the page
/// refuses: it stops the worker as a failed one, and says the two could not read each other).
struct TestWorkers {
    /// `{ start, mode, started }`: the engine's start function, what the workers do now, and
    /// how many workers were started.
    control: JsValue,
    _answer: Closure<dyn Fn(js_sys::Uint8Array) -> js_sys::Uint8Array>,
}

impl TestWorkers {
    fn new() -> TestWorkers {
        let answer = Closure::<dyn Fn(js_sys::Uint8Array) -> js_sys::Uint8Array>::new(
            |question: js_sys::Uint8Array| {
                let answer = helpers::answer(&question.to_vec()).unwrap_or_default();
                js_sys::Uint8Array::from(answer.as_slice())
            },
        );
        let control = js_sys::Function::new_with_args(
            "answer",
            "const relay = `let port;
               onmessage = (event) => {
                 if (port) { port.postMessage(event.data); return; }
                 port = event.ports[0];
                 port.onmessage = (reply) => postMessage(reply.data);
               };`;
             const url = URL.createObjectURL(new Blob([relay], { type: 'text/javascript' }));
             const control = { mode: 'answer', started: 0 };
             control.start = () => {
               control.started += 1;
               const worker = new Worker(url);
               const channel = new MessageChannel();
               channel.port1.onmessage = (event) => {
                 if (control.mode === 'answer') channel.port1.postMessage(answer(event.data));
                 if (control.mode === 'spoil') channel.port1.postMessage(new Uint8Array([255]));
               };
               worker.postMessage('port', [channel.port2]);
               return Promise.resolve(worker);
             };
             return control;",
        )
        .call1(&JsValue::NULL, answer.as_ref())
        .unwrap();
        TestWorkers {
            control,
            _answer: answer,
        }
    }

    fn engine(&self) -> Engine {
        Engine::Worker(
            js_sys::Reflect::get(&self.control, &"start".into())
                .unwrap()
                .unchecked_into(),
        )
    }

    /// What the workers do with the next questions: "answer", "hold" or "spoil".
    fn set_mode(&self, mode: &str) {
        js_sys::Reflect::set(&self.control, &"mode".into(), &mode.into()).unwrap();
    }

    fn started(&self) -> f64 {
        js_sys::Reflect::get(&self.control, &"started".into())
            .unwrap()
            .as_f64()
            .unwrap()
    }
}

#[wasm_bindgen_test]
async fn a_stopped_worker_leaves_the_value_boxes_and_the_next_value_asks_a_fresh_one() {
    let workers = TestWorkers::new();
    let w = Mounted::new(yew::props!(WidgetProps {
        helper_engine: Some(workers.engine())
    }))
    .await;
    w.open("Try an expression", "Expression").await;
    w.paste("Expression", "ToLower([mail])").await;
    w.until("the box for mail", |w| w.control("mail").is_some())
        .await;
    w.paste("mail", "A@Contoso.com").await;
    let result = |w: &Mounted| {
        w.host
            .query_selector(".playground output")
            .unwrap()
            .and_then(|output| output.text_content())
    };
    assert_eq!(result(&w).as_deref(), Some("a@contoso.com"));
    let stopped = |w: &Mounted| {
        w.host
            .query_selector(".playground .stopped")
            .unwrap()
            .and_then(|notice| notice.text_content())
    };
    assert_eq!(stopped(&w), None);
    assert_eq!(workers.started(), 1.0);

    for (mode, said, value) in [
        ("hold", "took longer than 1 second", "B@Contoso.com"),
        ("spoil", "could not be worked out", "D@Contoso.com"),
    ] {
        // The admin is typing in the box when the worker stops.
        let mail = w.field("mail").unchecked_into::<web_sys::HtmlElement>();
        mail.focus().unwrap();
        workers.set_mode(mode);
        w.paste("mail", value).await;
        w.until("the worker to be stopped", |w| stopped(w).is_some())
            .await;
        let notice = stopped(&w).unwrap();
        assert!(notice.contains(said), "{mode}: {notice}");
        assert_eq!(
            notice.contains("could not read each other's message"),
            mode == "spoil",
            "{mode}: a refused answer is said to be one, and nothing else is: {notice}"
        );
        let kept = w
            .control("mail")
            .unwrap_or_else(|| panic!("{mode}: the box for mail stays after the stop"));
        assert!(
            kept.is_same_node(Some(mail.as_ref())),
            "{mode}: the same box, not a new one"
        );
        assert_eq!(value_of(&kept), value, "{mode}: with what was typed in it");
        assert!(
            gloo_utils::document()
                .active_element()
                .is_some_and(|focused| focused.is_same_node(Some(mail.as_ref()))),
            "{mode}: the box keeps the focus"
        );
        assert_eq!(
            result(&w),
            None,
            "{mode}: no result for what was not answered"
        );

        // The next value typed asks again, of a fresh worker.
        let before = workers.started();
        workers.set_mode("answer");
        let next = value.replace('@', "+1@");
        w.paste("mail", &next).await;
        assert_eq!(stopped(&w), None, "{mode}: answered again");
        assert_eq!(result(&w), Some(next.to_lowercase()), "{mode}");
        assert_eq!(workers.started(), before + 1.0, "{mode}: a fresh worker");
    }

    // Editing the expression after a stop asks again too, with the values kept.
    workers.set_mode("hold");
    w.paste("mail", "E@Contoso.com").await;
    w.until("the worker to be stopped", |w| stopped(w).is_some())
        .await;
    assert!(w.control("mail").is_some(), "the box for mail stays");
    workers.set_mode("answer");
    w.paste("Expression", "Coalesce([mail], [userPrincipalName])")
        .await;
    assert_eq!(stopped(&w), None);
    assert_eq!(result(&w).as_deref(), Some("E@Contoso.com"));
    assert!(w.control("userPrincipalName").is_some());
}

#[wasm_bindgen_test]
async fn hosts_can_leave_the_mapping_helper_out() {
    let w = Mounted::new(yew::props!(WidgetProps {
        show_mapping: false
    }))
    .await;
    assert!(w.find_button("Map organisation levels").is_none());
    assert!(w.find_button("Try an expression").is_none());
    assert!(w.find_button("Check a token").is_some());
}

#[wasm_bindgen_test]
async fn the_helper_speaks_norwegian() {
    let w = Mounted::new(yew::props!(WidgetProps { lang: Lang::Nb })).await;
    w.click("Tilordne organisasjonsnivåer").await;
    w.paste("Eksempelverdier, én per linje", "Contoso > Salg")
        .await;
    w.choose("Divisjon", "2").await;
    assert_eq!(
        w.table("Resultat for hvert eksempel"),
        [
            row(&["Eksempel", "Divisjon"]),
            row(&["Contoso > Salg", "Salg"])
        ]
    );
    assert!(w.find_button("Kopier uttrykket Divisjon").is_some());
}

#[wasm_bindgen_test]
async fn the_steps_end_with_restarting_and_point_to_after_you_save_when_it_is_shown() {
    use scim_token_widget::guide::RESTART_AFTER_MAPPING_CHANGES;
    use scim_token_widget::i18n::expr::ExprText;
    use scim_token_widget::i18n::Text;

    let restart = ExprText::StepRestart.in_lang(Lang::En);
    let link_text = Text::SeeRestartInAfterYouSave.in_lang(Lang::En);
    let link = |w: &Mounted| -> Option<web_sys::HtmlElement> {
        let links = w.host.query_selector_all("a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|a| a.text_content().as_deref() == Some(link_text))
    };

    // A host that did not ask for the guide: the step is said, with nothing to point to.
    let w = open_with_samples("Contoso > Sales").await;
    w.choose("Division", "2").await;
    let steps = w.host.query_selector(".entra-steps").unwrap().unwrap();
    let last = steps.last_element_child().unwrap().text_content().unwrap();
    assert_eq!(last, restart, "restarting is the last step");
    assert!(link(&w).is_none());
    drop(w);

    let w = Mounted::new(yew::props!(WidgetProps { show_guide: true })).await;
    w.open("Map organisation levels", "Sample values, one per line")
        .await;
    w.paste("Sample values, one per line", "Contoso > Sales")
        .await;
    w.choose("Division", "2").await;
    let (guide, point) = RESTART_AFTER_MAPPING_CHANGES;
    let heading = guide.heading().in_lang(Lang::En);
    assert_eq!(
        w.button(heading).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    for round in 0..2 {
        link(&w)
            .expect("the step links to «After you save»")
            .click();
        w.settle().await;
        assert_eq!(
            w.button(heading).get_attribute("aria-expanded").as_deref(),
            Some("true"),
            "round {round}"
        );
        let focused = gloo_utils::document()
            .active_element()
            .expect("something has the focus");
        assert_eq!(
            focused.text_content().as_deref(),
            Some(guide.points()[point].in_lang(Lang::En)),
            "round {round}: the point about restarting has the focus"
        );
        // Away again, so the second round shows the link moves the focus every time.
        w.button(heading).focus().unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_text_boxes_take_no_more_than_they_use_and_say_so_when_full() {
    use scim_token_widget::helpers::{MAX_EXPRESSION_BOX, MAX_SAMPLES_BOX};
    use scim_token_widget::i18n::expr::box_full;

    let w = open_with_samples("Contoso > Sales").await;
    let samples = w.field("Sample values, one per line");
    assert_eq!(
        samples.get_attribute("maxlength"),
        Some(MAX_SAMPLES_BOX.to_string()),
        "the browser cuts a longer paste"
    );
    let note = box_full(MAX_SAMPLES_BOX, Lang::En);
    assert!(!w.text().contains(&note), "not full, no note");

    // What the browser leaves of a long paste: the box full to its last character.
    let full = "A>".repeat(MAX_SAMPLES_BOX / 2);
    w.paste("Sample values, one per line", &full).await;
    assert!(w.text().contains(&note));
    assert!(w.description("Sample values, one per line").contains(&note));

    w.paste("Sample values, one per line", "Contoso > Sales")
        .await;
    assert!(!w.text().contains(&note), "the note goes with the text");

    w.open("Try an expression", "Expression").await;
    let expression = w
        .host
        .query_selector(".playground textarea")
        .unwrap()
        .unwrap();
    assert_eq!(
        expression.get_attribute("maxlength"),
        Some(MAX_EXPRESSION_BOX.to_string())
    );
}
