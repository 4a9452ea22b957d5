//! «Check the whole directory» in a real browser: a users export chosen through the file input
//! or dropped, read slice by slice by the page's runner (`dom::directory`), the passes run, the
//! result shown, a group's users, «Stop», «Download results» and «Clear».
//!
//! The worker here is the `in-page-helpers` engine (`Engine::InPage`): the same questions and
//! answers, answered on the page's thread after each task, as the helpers' browser tests get
//! theirs. The built page's real worker is tested end to end (tests/e2e/directory.test.mjs).
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test directory`.
#![cfg(target_arch = "wasm32")]

#[allow(
    dead_code,
    reason = "the shared helpers include some (the clipboard, the default props) this file does not use"
)]
mod support;

use scim_token_widget::dom::worker::Engine;
use scim_token_widget::expr::LevelChoice;
use scim_token_widget::mapping_state::level_value;
use scim_token_widget::ui::WidgetProps;
use support::{bubbling, cell_texts, Mounted};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Ten users: three values, one with a trailing space, one of another depth, one empty.
const EXPORT: &str = "\u{FEFF}userPrincipalName,displayName,department\r\n\
    ada@contoso.com,Ada,Contoso > Sales > EMEA\r\n\
    bo@contoso.com,\"Bo, Jr.\",Contoso > Sales > EMEA\r\n\
    cy@contoso.com,Cy,Contoso > Sales > EMEA\r\n\
    di@contoso.com,Di,Contoso > Sales > EMEA\r\n\
    ed@contoso.com,\"Ed\nSecond line\",Contoso > HR > Oslo\r\n\
    fa@contoso.com,Fa,Contoso > HR > Oslo\r\n\
    gu@contoso.com,Gu,\"Contoso > HR > Oslo \"\r\n\
    hi@contoso.com,Hi,Contoso > IT\r\n\
    io@contoso.com,Io,\r\n\
    jo@contoso.com,Jo,Contoso > Sales > EMEA\r\n";

fn props() -> WidgetProps {
    props_with(Engine::InPage)
}

fn props_with(engine: Engine) -> WidgetProps {
    yew::props!(WidgetProps {
        directory_engine: Some(engine)
    })
}

/// An engine whose worker runs `script` (the test page has no CSP, so a `blob:` worker and
/// `new Function` are allowed here): a stand-in for a directory worker that misbehaves.
fn worker_engine(script: &str) -> Engine {
    Engine::Worker(js_sys::Function::new_with_args(
        "",
        &format!(
            "const url = URL.createObjectURL(new Blob([{script:?}], {{ type: 'text/javascript' }})); \
             return Promise.resolve(new Worker(url));"
        ),
    ))
}

/// A `File` made in the page, as the file chooser gives one.
fn file(name: &str, text: &str) -> web_sys::File {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("text/csv");
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).unwrap()
}

/// A `DataTransfer` holding `file`, as a drop or the file chooser fills one.
fn transfer(file: &web_sys::File) -> web_sys::DataTransfer {
    let data = web_sys::DataTransfer::new().unwrap();
    data.items().add_with_file(file).unwrap();
    data
}

fn control(w: &Mounted, label: &str) -> Element {
    w.control(label)
        .unwrap_or_else(|| panic!("no control labelled {label:?}"))
}

fn value_of(control: &Element) -> String {
    js_sys::Reflect::get(control, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn select(control: &Element, value: &str) {
    js_sys::Reflect::set(control, &"value".into(), &value.into()).unwrap();
    control.dispatch_event(&bubbling("change")).unwrap();
}

/// The rows of the table right after the heading whose text is `heading`, each cell's text.
fn table_after(w: &Mounted, heading: &str) -> Vec<Vec<String>> {
    let headings = w.host.query_selector_all("h4, h5, h6").unwrap();
    let heading = (0..headings.length())
        .filter_map(|i| headings.item(i)?.dyn_into::<Element>().ok())
        .find(|h| h.text_content().as_deref() == Some(heading))
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let mut next = heading.next_element_sibling();
    while let Some(element) = &next {
        if let Some(table) = element.query_selector("table").unwrap() {
            return cell_texts(&table.query_selector_all("tbody tr").unwrap());
        }
        next = element.next_element_sibling();
    }
    panic!("no table after {heading:?}")
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Opens «Map organisation levels», maps organization, division and department to the 1st,
/// 2nd and last levels, and chooses `file` through the file input.
async fn with_file(file: &web_sys::File) -> Mounted {
    with_file_and(props(), file).await
}

/// As `with_file`, with these props.
async fn with_file_and(props: WidgetProps, file: &web_sys::File) -> Mounted {
    let w = Mounted::mount(props, |m| {
        m.host.query_selector("button").unwrap().is_some()
    })
    .await;
    w.click("Map organisation levels").await;
    w.until("the section", |w| {
        w.control("Sample values, one per line").is_some()
    })
    .await;
    w.paste("Sample values, one per line", "Contoso > Sales > EMEA")
        .await;
    for (label, choice) in [
        ("Organization", LevelChoice::position(1)),
        ("Division", LevelChoice::position(2)),
        ("Department", Some(LevelChoice::Last)),
    ] {
        select(&control(&w, label), &level_value(choice));
        w.settle().await;
    }
    let input = control(&w, "Users export (CSV file)");
    assert_eq!(
        input.get_attribute("accept").as_deref(),
        Some(".csv,text/csv")
    );
    let input: HtmlInputElement = input.dyn_into().unwrap();
    input.set_files(transfer(file).files().as_ref());
    input.dispatch_event(&bubbling("change")).unwrap();
    w.until("the columns or a message", |w| {
        w.control("Column with the source attribute").is_some()
            || w.host
                .query_selector(".directory-trouble")
                .unwrap()
                .is_some()
    })
    .await;
    w
}

async fn check(w: &Mounted) {
    w.click("Check every user").await;
    w.until("the result", |w| w.text().contains("What every user gets"))
        .await;
}

#[wasm_bindgen_test]
async fn a_chosen_export_is_checked_and_every_group_counted() {
    let w = with_file(&file("users.csv", EXPORT)).await;
    assert!(
        w.text().contains("200 MB and 1,000,000 users"),
        "the limits are stated"
    );
    assert_eq!(
        value_of(&control(&w, "Column with the source attribute")),
        "2",
        "the source attribute's column by default"
    );
    assert_eq!(
        value_of(&control(&w, "Column that names each user")),
        "0",
        "userPrincipalName"
    );
    check(&w).await;
    assert!(w.text().contains("10 users checked."));
    assert_eq!(
        table_after(&w, "Organization"),
        [row(&["Contoso", "9"]), row(&["Empty level", "1"])],
        "the user with no value gets an empty level"
    );
    assert_eq!(
        table_after(&w, "Division"),
        [
            row(&["Sales", "5"]),
            row(&["HR", "3"]),
            row(&["IT", "1"]),
            row(&["Empty level", "1"]),
        ]
    );
    assert_eq!(
        table_after(&w, "Department"),
        [
            row(&["EMEA", "5"]),
            row(&["Oslo", "3"]),
            row(&["IT", "1"]),
            row(&["Empty level", "1"]),
        ]
    );
    assert_eq!(
        table_after(&w, "Levels per value"),
        [
            row(&["2 (differs from most)", "1"]),
            row(&["3", "8"]),
            row(&["Users with no value in the column", "1"]),
        ]
    );
    assert_eq!(
        table_after(&w, "Values that look wrong"),
        [row(&["Spaces at the start or the end", "1"])]
    );
    // A group's users, by userPrincipalName, on request.
    w.click("HR").await;
    w.until("the users", |w| {
        w.text().contains("The first 3 of 3 users.")
    })
    .await;
    assert_eq!(
        table_after(&w, "Users: HR"),
        [
            row(&["6", "ed@contoso.com"]),
            row(&["7", "fa@contoso.com"]),
            row(&["8", "gu@contoso.com"]),
        ]
    );
    let status = w.host.query_selector(".directory-status").unwrap().unwrap();
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn a_dropped_export_in_semicolons_is_read_and_its_results_downloaded() {
    let text = EXPORT
        .replace(',', ";")
        .replace("\"Bo; Jr.\"", "\"Bo, Jr.\"");
    let w = Mounted::mount(props(), |m| {
        m.host.query_selector("button").unwrap().is_some()
    })
    .await;
    w.click("Map organisation levels").await;
    w.until("the section", |w| {
        w.control("Sample values, one per line").is_some()
    })
    .await;
    select(
        &control(&w, "Organization"),
        &level_value(Some(LevelChoice::Last)),
    );
    w.settle().await;
    let zone = w.host.query_selector(".directory-drop").unwrap().unwrap();
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer(&file("export.csv", &text))));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    zone.dispatch_event(&drop).unwrap();
    assert!(
        drop.default_prevented(),
        "the browser does not open the file"
    );
    w.until("the columns", |w| {
        w.control("Column with the source attribute").is_some()
    })
    .await;
    check(&w).await;
    assert_eq!(
        table_after(&w, "Organization"),
        [
            row(&["EMEA", "5"]),
            row(&["Oslo", "3"]),
            row(&["IT", "1"]),
            row(&["Empty level", "1"]),
        ]
    );
    w.click("Download results").await;
    w.until("the results file", |w| {
        w.text().contains("Save the results file (CSV)")
    })
    .await;
    let link = w.host.query_selector("a[download]").unwrap().unwrap();
    let url = link.get_attribute("href").unwrap();
    assert!(url.starts_with("blob:"), "made in the browser: {url}");
    let window = web_sys::window().unwrap();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .unwrap()
        .unchecked_into();
    assert_eq!(
        response.headers().get("content-type").unwrap().as_deref(),
        Some("text/csv")
    );
    // As bytes: `text()` would drop the byte-order mark.
    let bytes = JsFuture::from(response.array_buffer().unwrap())
        .await
        .unwrap();
    let csv = String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec()).unwrap();
    assert!(
        csv.starts_with(
            "\u{FEFF}userPrincipalName;department;organization;division;department\r\n"
        ),
        "{csv:?}"
    );
    assert!(
        csv.contains("\r\ngu@contoso.com;Contoso > HR > Oslo ;Oslo;;\r\n"),
        "{csv:?}"
    );
    assert_eq!(csv.matches("\r\n").count(), 11, "the header and ten users");

    // «Clear»: the file, the result and the link go.
    w.click("Clear").await;
    w.settle().await;
    assert!(!w.text().contains("What every user gets"));
    assert!(w.control("Column with the source attribute").is_none());
    assert!(w.host.query_selector("a[download]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn stop_stops_a_running_check_and_a_malformed_file_is_said() {
    // About 6 MB: several slices.
    let mut text = String::from("userPrincipalName,department\n");
    for i in 0..120_000 {
        text.push_str(&format!(
            "user{i}@contoso.com,Contoso > Unit {} > Team {i}\n",
            i % 97
        ));
    }
    let w = with_file(&file("big.csv", &text)).await;
    w.button("Check every user").click();
    w.until("the progress bar", |w| {
        w.host
            .query_selector("[role=progressbar]")
            .unwrap()
            .is_some()
    })
    .await;
    let bar = w
        .host
        .query_selector("[role=progressbar]")
        .unwrap()
        .unwrap();
    assert_eq!(bar.get_attribute("aria-valuemin").as_deref(), Some("0"));
    assert_eq!(
        bar.get_attribute("aria-valuemax"),
        Some(text.len().to_string())
    );
    assert!(bar.get_attribute("aria-valuenow").is_some());
    w.button("Stop").click();
    yew::scheduler::flush().await;
    // «Stop» is answered at once: said by the render the click makes, with nothing waited for
    // (how soon, in ms, is measured by tests/e2e/directory.test.mjs with the built page's
    // worker; this engine answers slices on the page's own thread, so its timing says nothing).
    assert!(
        w.text().contains("Stopped. Nothing of the file was kept."),
        "«Stop» is answered at once"
    );
    assert!(w
        .host
        .query_selector("[role=progressbar]")
        .unwrap()
        .is_none());
    assert!(!w.text().contains("What every user gets"));
    drop(w);

    // An unclosed quote: said as soon as it is found (here the columns pass reads the whole
    // small file).
    let w = with_file(&file(
        "broken.csv",
        "userPrincipalName,department\nada@contoso.com,\"Sales\n",
    ))
    .await;
    if w.find_button("Check every user").is_some() {
        w.click("Check every user").await;
    }
    w.until("the message", |w| w.text().contains("opened in row 2"))
        .await;
    let alert = w
        .host
        .query_selector(".directory-trouble")
        .unwrap()
        .unwrap();
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
}

/// The watchdog: a worker that does not answer within a second, or that dies, is ended and the
/// section says so.
#[wasm_bindgen_test]
async fn a_worker_that_does_not_answer_or_dies_is_stopped_and_said() {
    for (script, said) in [
        (
            "onmessage = () => {};",
            "The check stopped: it did not answer within a second.",
        ),
        (
            "onmessage = () => { throw new Error('trap'); };",
            "The check stopped: it failed, perhaps out of memory.",
        ),
        (
            "onmessage = () => postMessage(new Uint8Array([200, 1]));",
            "The check stopped: it sent something that is not an answer.",
        ),
    ] {
        let w = with_file_and(
            props_with(worker_engine(script)),
            &file("users.csv", EXPORT),
        )
        .await;
        // Only the watchdog says «within a second»; the others come from the worker's events.
        w.until("the message", |w| w.text().contains(said)).await;
        let alert = w
            .host
            .query_selector(".directory-trouble")
            .unwrap()
            .unwrap();
        assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    }
}
