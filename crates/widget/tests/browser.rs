//! The widget in a real browser: mounted into the test page, driven through real input events.
//!
//! Run with `cargo test --target wasm32-unknown-unknown` (the runner in .cargo/config.toml starts
//! headless Chromium or Firefox through CHROMEDRIVER / GECKODRIVER).
#![cfg(target_arch = "wasm32")]

mod support;

use scim_token_widget::ui::WidgetProps;
use support::{
    bubbling, default_props, fake_clipboard, next_task, refuse_clipboard, restore_clipboard,
    Mounted,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Known pairs and their tokens as `printf '%s' 'KEY:SECRET' | base64 -w0` prints them.
const PAIRS: [(&str, &str, &str); 4] = [
    ("abc", "123", "YWJjOjEyMw=="),
    ("nøkkel", "hemmelig", "bsO4a2tlbDpoZW1tZWxpZw=="),
    ("ключ", "секрет", "0LrQu9GO0Yc60YHQtdC60YDQtdGC"),
    ("k", "🔑x", "azrwn5SReA=="),
];

/// What the token tests wait for after mounting: the API key field is there.
fn rendered(m: &Mounted) -> bool {
    m.input("API key").is_some()
}

impl Mounted {
    async fn new(props: WidgetProps) -> Mounted {
        Mounted::mount(props, rendered).await
    }

    /// The input whose label text is exactly `label`.
    fn input(&self, label: &str) -> Option<HtmlInputElement> {
        self.control(label).and_then(|e| e.dyn_into().ok())
    }

    fn field(&self, label: &str) -> HtmlInputElement {
        self.input(label)
            .unwrap_or_else(|| panic!("no field labelled {label:?}"))
    }

    /// Pastes `text` over the field's whole value through a real `paste` event carrying the
    /// text, as the clipboard would (a plain value assignment would lose line breaks).
    async fn paste_clipboard(&self, label: &str, text: &str) {
        let input = self.field(label);
        input.select();
        js_function(
            "input, text",
            "const data = new DataTransfer();
             data.setData('text/plain', text);
             const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
             if (input.dispatchEvent(event)) {
               // Not taken over by the widget: do what the browser's default action would.
               input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
               input.dispatchEvent(new Event('input', { bubbles: true }));
             }",
        )
        .call2(&JsValue::NULL, &input, &text.into())
        .unwrap();
        self.settle().await;
    }

    /// The host gives the widget a new API key (as the portal does after creating one).
    async fn set_api_key(&mut self, api_key: &str) {
        let props = yew::props!(WidgetProps {
            api_key: Some(yew::AttrValue::from(api_key.to_owned())),
        });
        self.app
            .as_mut()
            .expect("mounted by the test")
            .update(props);
        self.until("the host's key in the field", |w| {
            w.field("API key").value() == api_key
        })
        .await;
    }

    /// Types `text` one character at a time, an `input` event per character.
    async fn type_text(&self, label: &str, text: &str) {
        let input = self.field(label);
        let mut typed = input.value();
        for c in text.chars() {
            typed.push(c);
            input.set_value(&typed);
            input.dispatch_event(&bubbling("input")).unwrap();
        }
        self.settle().await;
    }
}

#[wasm_bindgen_test]
async fn empty_fields_give_no_token_a_hint_and_a_disabled_copy_button() {
    let w = Mounted::new(default_props()).await;
    assert_eq!(w.field("Secret token").value(), "");
    assert!(w.button("Copy secret token").disabled());
    assert!(w.text().contains("Enter the API key and the API secret"));

    w.paste("API key", "abc").await;
    assert!(w.button("Copy secret token").disabled());
    assert!(w.text().contains("Enter the API secret too."));

    w.paste("API key", "").await;
    w.paste("API secret", "123").await;
    assert!(w.button("Copy secret token").disabled());
    assert!(w.text().contains("Enter the API key too."));
}

#[wasm_bindgen_test]
async fn the_token_follows_every_input_event_for_known_pairs() {
    let w = Mounted::new(default_props()).await;
    for (key, secret, token) in PAIRS {
        w.paste("API key", "").await;
        w.paste("API secret", "").await;
        w.type_text("API key", key).await;
        w.type_text("API secret", secret).await;
        assert_eq!(w.field("Secret token").value(), token, "({key}, {secret})");
        assert!(!w.button("Copy secret token").disabled());
    }
    // Not only on blur: a single input event is enough.
    w.paste("API secret", "1234").await;
    assert_eq!(w.field("Secret token").value(), "azoxMjM0");
}

#[wasm_bindgen_test]
async fn secret_and_token_are_masked_until_revealed() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    assert_eq!(w.field("API key").type_(), "text");
    assert_eq!(w.field("API secret").type_(), "password");
    assert_eq!(w.field("Secret token").type_(), "password");

    w.click("Show API secret").await;
    assert_eq!(w.field("API secret").type_(), "text");
    assert_eq!(
        w.button("Hide API secret")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        w.field("Secret token").type_(),
        "password",
        "toggles are independent"
    );

    w.click("Show secret token").await;
    assert_eq!(w.field("Secret token").type_(), "text");
    w.click("Hide secret token").await;
    w.click("Hide API secret").await;
    assert_eq!(w.field("API secret").type_(), "password");
    assert_eq!(w.field("Secret token").type_(), "password");
}

#[wasm_bindgen_test]
async fn the_tenant_url_is_read_only_and_copyable() {
    let w = Mounted::new(default_props()).await;
    let tenant = w.field("Tenant URL");
    assert_eq!(tenant.value(), "https://api.securepractice.co/scim/v2/");
    assert!(tenant.read_only());
    assert!(!w.button("Copy tenant URL").disabled());
    assert!(w.field("Secret token").read_only());
}

#[wasm_bindgen_test]
async fn fields_ask_the_browser_not_to_remember_or_correct() {
    let w = Mounted::new(default_props()).await;
    for label in ["API key", "API secret"] {
        let field = w.field(label);
        for (name, value) in [
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("autocapitalize", "off"),
            ("autocorrect", "off"),
        ] {
            assert_eq!(
                field.get_attribute(name).as_deref(),
                Some(value),
                "{label} {name}"
            );
        }
    }
    assert!(
        w.host.query_selector("form").unwrap().is_none(),
        "no form Enter could submit"
    );
}

#[wasm_bindgen_test]
async fn copying_is_announced_either_way() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.click("Copy secret token").await;
    // A test browser may grant or refuse the clipboard; both outcomes must be said out loud.
    w.until("the copy to be announced", |w| {
        let status = w.host.query_selector("[role=status]").unwrap().unwrap();
        let said = status.text_content().unwrap_or_default();
        said.contains("Secret token copied.") || said.contains("Could not copy automatically")
    })
    .await;
    let status = w.host.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    if status
        .text_content()
        .unwrap_or_default()
        .contains("Could not copy")
    {
        assert_eq!(
            w.field("Secret token").type_(),
            "text",
            "shown so Ctrl+C works"
        );
    }
}

#[wasm_bindgen_test]
async fn clear_takes_the_copied_token_off_the_clipboard_or_says_it_could_not() {
    let clipboard = fake_clipboard();
    let text = || {
        js_sys::Reflect::get(&clipboard, &"text".into())
            .unwrap()
            .as_string()
    };
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.click("Copy secret token").await;
    w.until("the copy", |w| w.text().contains("Secret token copied."))
        .await;
    assert_eq!(text().as_deref(), Some("YWJjOjEyMw=="));
    w.click("Clear").await;
    w.until("the clipboard to be emptied", |w| {
        w.text()
            .contains("the clipboard emptied (the widget had copied the secret token to it)")
    })
    .await;
    assert_eq!(text().as_deref(), Some(""));

    js_sys::Reflect::set(&clipboard, &"refuseEmpty".into(), &true.into()).unwrap();
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.click("Copy secret token").await;
    w.until("the copy", |w| w.text().contains("Secret token copied."))
        .await;
    w.click("Clear").await;
    w.until("the refusal to be said", |w| {
        w.text()
            .contains("did not let the widget empty the clipboard")
    })
    .await;
    assert_eq!(
        text().as_deref(),
        Some("YWJjOjEyMw=="),
        "the refusal is true"
    );
    restore_clipboard();
}

#[wasm_bindgen_test]
async fn a_refused_clipboard_selects_the_token_for_ctrl_c() {
    refuse_clipboard();

    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.click("Copy secret token").await;
    w.until("the failure to be announced", |w| {
        w.text().contains("Could not copy automatically")
    })
    .await;
    let token = w.field("Secret token");
    assert_eq!(token.type_(), "text");
    assert_eq!(token.selection_start().unwrap(), Some(0));
    assert_eq!(
        token.selection_end().unwrap(),
        Some(token.value().len() as u32)
    );

    restore_clipboard();
}

#[wasm_bindgen_test]
async fn a_prefilled_key_shows_and_waits_for_the_secret() {
    let props = yew::props!(WidgetProps {
        api_key: Some(yew::AttrValue::from("from-portal")),
    });
    let mut w = Mounted::new(props).await;
    // The prefilled key is written into the field after the first render (the field is not
    // Yew-controlled); Firefox has been seen one task later.
    w.until("the prefilled key", |w| {
        w.field("API key").value() == "from-portal"
    })
    .await;
    assert!(w.text().contains("Enter the API secret too."));

    // The host creates another key: it replaces the field's text, and the secret stays.
    w.type_text("API secret", "123").await;
    w.set_api_key("abc").await;
    assert_eq!(w.field("API key").value(), "abc");
    assert_eq!(w.field("API secret").value(), "123");
    assert_eq!(w.field("Secret token").value(), "YWJjOjEyMw==");
}

#[wasm_bindgen_test]
async fn two_widgets_do_not_share_ids() {
    let a = Mounted::new(default_props()).await;
    let b = Mounted::new(default_props()).await;
    assert_ne!(a.field("API key").id(), b.field("API key").id());
}

#[wasm_bindgen_test]
async fn clear_empties_every_field_and_announces_it() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.click("Show API secret").await;
    w.click("Clear").await;
    assert_eq!(w.field("API key").value(), "");
    assert_eq!(w.field("API secret").value(), "");
    assert_eq!(w.field("API secret").type_(), "password", "masked again");
    assert_eq!(w.field("Secret token").value(), "");
    assert!(w.button("Copy secret token").disabled());
    assert!(w.text().contains("Cleared. Nothing you typed is kept."));
}

#[wasm_bindgen_test]
async fn the_widget_warns_then_clears_itself_after_the_idle_period() {
    let props = yew::props!(WidgetProps {
        auto_clear_seconds: 2u32
    });
    let w = Mounted::new(props).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    w.until("the notice before clearing", |w| {
        w.text().contains("the fields will be cleared soon")
    })
    .await;
    assert_eq!(
        w.field("API secret").value(),
        "123",
        "a notice, not yet a clear"
    );

    // «Keep my input» starts the period again.
    w.click("Keep my input").await;
    assert!(!w.text().contains("the fields will be cleared soon"));
    assert_eq!(w.field("API secret").value(), "123");

    w.until("the auto-clear", |w| {
        w.field("API secret").value().is_empty()
    })
    .await;
    assert_eq!(w.field("API key").value(), "");
    assert!(w
        .text()
        .contains("Cleared because nothing was typed for a while"));
}

/// Whether this browser lets a page-made `paste` event carry clipboard text (Chromium does;
/// Firefox protects the data of synthetic clipboard events, so there the paste takeover can
/// only be exercised by a real paste).
fn synthetic_paste_carries_data() -> bool {
    js_function(
        "",
        "const data = new DataTransfer();
         data.setData('text/plain', 'probe');
         const event = new ClipboardEvent('paste', { clipboardData: data });
         return !!event.clipboardData && event.clipboardData.getData('text/plain') === 'probe';",
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .as_bool()
    .unwrap_or(false)
}

/// Builds a JS function; the test page has no CSP, so `new Function` is allowed here.
fn js_function(args: &str, body: &str) -> js_sys::Function {
    js_sys::Function::new_with_args(args, body)
}

/// A random secret starting with `prefix`, made in JS, so that the test's own Rust code never
/// holds its bytes and a scan of wasm memory finds only the widget's copies.
fn marker_secret(prefix: &str) -> JsValue {
    js_function(
        "prefix",
        "return prefix + crypto.getRandomValues(new Uint32Array(4)).join('x') + 'Qz';",
    )
    .call1(&JsValue::NULL, &prefix.into())
    .unwrap()
}

/// Whether wasm linear memory holds the UTF-8 bytes of `needle` (a JS string that never
/// passed through this test's own Rust code).
fn memory_holds(needle: &JsValue) -> bool {
    js_function(
        "memory, needle",
        "const mem = new Uint8Array(memory.buffer);
         const n = new TextEncoder().encode(needle);
         outer: for (let i = 0; i <= mem.length - n.length; i++) {
           for (let j = 0; j < n.length; j++) if (mem[i + j] !== n[j]) continue outer;
           return true;
         }
         return false;",
    )
    .call2(&JsValue::NULL, &wasm_bindgen::memory(), needle)
    .unwrap()
    .as_bool()
    .unwrap()
}

#[wasm_bindgen_test]
async fn after_clear_no_copy_of_the_secret_or_token_is_left_in_wasm_memory() {
    // The marker and its token are made in JS, so the test itself never holds their bytes.
    let secret = marker_secret("Zq");
    let token = js_function("key, secret", "return btoa(key + ':' + secret);")
        .call2(&JsValue::NULL, &"scan-key".into(), &secret)
        .unwrap();

    let w = Mounted::new(default_props()).await;
    w.paste("API key", "scan-key").await;
    w.paste_js("API secret", &secret).await;
    let shown = js_sys::Reflect::get(&w.field("Secret token"), &"value".into()).unwrap();
    assert_eq!(shown, token, "the widget made the token from the marker");
    // The scan must be able to see them, or its silence below would prove nothing.
    assert!(
        memory_holds(&secret),
        "the secret is in memory while in use"
    );
    assert!(memory_holds(&token), "the token is in memory while in use");

    w.click("Clear").await;
    w.settle().await;
    assert!(
        !memory_holds(&secret),
        "a copy of the secret survived Clear"
    );
    assert!(!memory_holds(&token), "a copy of the token survived Clear");
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_generic_message_and_no_values() {
    let document = gloo_utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let mut handle = scim_token_widget::web::mount(host.clone(), JsValue::UNDEFINED);
    let w = Mounted {
        host: host.clone(),
        app: None,
    };
    w.until("the widget renders", rendered).await;
    w.paste("API key", "visible-key").await;
    w.paste("API secret", "visible-secret").await;

    scim_token_widget::web::failure::show_failure();
    let shown = host.text_content().unwrap_or_default();
    assert!(shown.contains("Something went wrong"), "{shown}");
    assert!(!shown.contains("visible-key") && !shown.contains("visible-secret"));
    assert!(
        host.query_selector("input").unwrap().is_none(),
        "no dead form left to type into"
    );
    handle.unmount();
}

#[wasm_bindgen_test]
async fn a_pasted_trailing_newline_is_left_out_of_the_token_and_said() {
    if !synthetic_paste_carries_data() {
        return; // covered by the real-paste end-to-end test in Chromium
    }
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste_clipboard("API secret", "123\n").await;
    assert_eq!(w.field("Secret token").value(), "YWJjOjEyMw==");
    assert!(w
        .text()
        .contains("Removed a line break at the end of the API secret"));
    assert!(!w.button("Copy secret token").disabled());
}

#[wasm_bindgen_test]
async fn an_error_blocks_the_token_marks_the_field_and_ties_the_message_to_it() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "ab cd").await;
    w.paste("API secret", "123").await;
    assert_eq!(w.field("Secret token").value(), "");
    assert!(w.button("Copy secret token").disabled());
    let key = w.field("API key");
    assert_eq!(key.get_attribute("aria-invalid").as_deref(), Some("true"));
    let list_id = key
        .get_attribute("aria-describedby")
        .expect("described by its findings");
    let list = w
        .host
        .query_selector(&format!("#{list_id}"))
        .unwrap()
        .unwrap();
    let said = list.text_content().unwrap_or_default();
    assert!(said.contains("space"), "{said}");
    assert!(said.contains("character 3"), "{said}");
    assert!(w
        .text()
        .contains("No token yet: fix the errors marked above."));

    // Fixing the value lifts the block.
    w.paste("API key", "abcd").await;
    assert_eq!(w.field("API key").get_attribute("aria-invalid"), None);
    assert!(!w.button("Copy secret token").disabled());
}

#[wasm_bindgen_test]
async fn a_pasted_line_break_inside_a_value_is_an_error_at_its_position() {
    if !synthetic_paste_carries_data() {
        return; // covered by the real-paste end-to-end test in Chromium
    }
    let w = Mounted::new(default_props()).await;
    w.paste_clipboard("API key", "ab\ncd").await;
    w.paste("API secret", "123").await;
    assert!(w.button("Copy secret token").disabled());
    let said = w.text();
    assert!(said.contains("a line break"), "{said}");
    assert!(said.contains("at character 3"), "{said}");
    assert!(said.contains("wrapped"), "{said}");
}

#[wasm_bindgen_test]
async fn key_and_secret_pasted_together_can_be_split_with_one_click() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc:123").await;
    assert!(w.button("Copy secret token").disabled());
    w.click("Move the secret to its own field").await;
    assert_eq!(w.field("API key").value(), "abc");
    assert_eq!(w.field("API secret").value(), "123");
    assert_eq!(w.field("Secret token").value(), "YWJjOjEyMw==");
}

/// The size of wasm linear memory, in bytes (it only ever grows).
fn memory_bytes() -> f64 {
    js_function("memory", "return memory.buffer.byteLength;")
        .call1(&JsValue::NULL, &wasm_bindgen::memory())
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_huge_paste_is_refused_for_its_length_and_never_enters_wasm_memory() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    // 2^19 - 1 keys (each a surrogate pair, 4 bytes of UTF-8) and "xy": 1 MiB of UTF-16,
    // 524,289 characters, 2 MB as UTF-8. Made in JS, so the test's own Rust never holds it.
    let huge = js_function("", "return '🔑'.repeat((1 << 19) - 1) + 'xy';")
        .call0(&JsValue::NULL)
        .unwrap();
    let before = memory_bytes();
    w.paste_js("API secret", &huge).await;
    // What the field holds: all of it in Chromium and Firefox, the first 524,288 UTF-16 code
    // units in WebKit, which keeps no more in a text field. The refusal names its length.
    let held = js_sys::Reflect::get(&w.field("API secret"), &"value".into()).unwrap();
    let length = js_function("value", "return [...value].length.toLocaleString('en');")
        .call1(&JsValue::NULL, &held)
        .unwrap()
        .as_string()
        .unwrap();
    let said = format!("{length} characters");
    w.until("the refusal", |w| w.text().contains(&said)).await;
    let grown = memory_bytes() - before;
    assert!(
        grown < f64::from(1 << 20),
        "wasm memory grew by {grown} bytes: the value was copied in"
    );
    assert!(w.button("Copy secret token").disabled());
    let secret = w.field("API secret");
    assert_eq!(
        secret.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let kept = js_sys::Reflect::get(&secret, &"value".into()).unwrap();
    assert_eq!(kept, held, "nothing typed is lost");

    // The widget rewriting the fields (here: the host's new key) leaves it where it is.
    let mut w = w;
    w.set_api_key("new-key").await;
    assert_eq!(w.field("API key").value(), "new-key");
    let kept = js_sys::Reflect::get(&w.field("API secret"), &"value".into()).unwrap();
    assert_eq!(kept, held, "still there");
    assert!(w.text().contains(&said));

    w.click("Clear").await;
    assert_eq!(w.field("API secret").value(), "");
    assert!(w.text().contains("Enter the API key and the API secret"));
}

#[wasm_bindgen_test]
async fn a_lone_surrogate_is_an_error_and_the_field_keeps_it() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    let field = w.field("API secret");
    // "1", a lone high surrogate, "2": only JS can build such a string.
    let broken = js_function("", "return '1' + String.fromCharCode(0xD800) + '2';")
        .call0(&JsValue::NULL)
        .unwrap();
    w.paste_js("API secret", &broken).await;
    assert_eq!(w.field("Secret token").value(), "");
    assert!(w.button("Copy secret token").disabled());
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let kept = js_sys::Reflect::get(&field, &"value".into()).unwrap();
    assert_eq!(kept, broken, "not replaced with U+FFFD");
}

#[wasm_bindgen_test]
async fn a_token_pasted_as_the_key_is_offered_for_checking() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "YWJjOjEyMw==").await;
    w.paste("API secret", "whatever").await;
    assert!(
        w.button("Copy secret token").disabled(),
        "it would be encoded twice"
    );
    w.click("Check it as a token").await;
    assert_eq!(w.field("API key").value(), "");
    assert_eq!(w.field("Token to check").value(), "YWJjOjEyMw==");
    assert!(w.text().contains("abc"), "the decoded key is shown");
    // The secret is masked until revealed, and not in the DOM meanwhile.
    assert!(!w.text().contains("123"));
    w.click("Show the secret in the token").await;
    assert!(w.text().contains("123"));
}

#[wasm_bindgen_test]
async fn check_a_token_finds_the_echo_newline_mistake_and_fixes_it() {
    let w = Mounted::new(default_props()).await;
    w.click("Check a token").await;
    // `echo 'abc:123' | base64` encodes a line break after the secret.
    w.paste("Token to check", "YWJjOjEyMwo=").await;
    assert!(w.text().contains("line break"));
    w.click("Use the corrected token").await;
    assert_eq!(w.field("Token to check").value(), "YWJjOjEyMw==");
}

#[wasm_bindgen_test]
async fn typing_moves_the_auto_clear_deadline_without_remaking_its_timers_or_listener() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    // From the second character on, count what the page asks of the browser's document
    // listeners and of its long timers (the auto-clear's, with the default 10 minutes, wait
    // 9 minutes for the notice; the harness's own wait 0 ms for renders, WebKit's WebDriver
    // 30 s for a script): a keystroke only moves the deadline (issue 15: no work per input that
    // does not change the output).
    let counts = js_function(
        "",
        "const counts = { add: 0, remove: 0, set: 0, clear: 0 };
         const long = new Set();
         const { addEventListener, removeEventListener } = Document.prototype;
         const { setTimeout, clearTimeout } = window;
         Document.prototype.addEventListener = function (...a) { counts.add++; return addEventListener.apply(this, a); };
         Document.prototype.removeEventListener = function (...a) { counts.remove++; return removeEventListener.apply(this, a); };
         window.setTimeout = (f, ms, ...a) => {
           const id = setTimeout(f, ms, ...a);
           if (ms >= 60000) { counts.set++; long.add(id); }
           return id;
         };
         window.clearTimeout = (id) => { if (long.has(id)) counts.clear++; return clearTimeout(id); };
         counts.restore = () => {
           delete Document.prototype.addEventListener;
           delete Document.prototype.removeEventListener;
           Object.assign(window, { setTimeout, clearTimeout });
         };
         return counts;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let mut secret = String::new();
    for character in "0123456789".chars() {
        secret.push(character);
        w.paste("API secret", &secret).await;
    }
    let count = |name: &str| {
        js_sys::Reflect::get(&counts, &name.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let (add, remove, set, clear) = (count("add"), count("remove"), count("set"), count("clear"));
    js_function("counts", "counts.restore();")
        .call1(&JsValue::NULL, &counts)
        .unwrap();
    assert_eq!(w.field("Secret token").value(), "YWJjOjAxMjM0NTY3ODk=");
    assert_eq!(
        (add, remove, set, clear),
        (0.0, 0.0, 0.0, 0.0),
        "listeners added, removed; long timers set, cleared"
    );
}

#[wasm_bindgen_test]
async fn a_page_hidden_past_the_auto_clear_period_is_cleared_on_return() {
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "abc").await;
    w.paste("API secret", "123").await;
    // Timers in a hidden tab may fire late or not at all; coming back must clear at once.
    // Pretend eleven minutes passed, then report a visibility change.
    let shift = js_function(
        "",
        "const real = Date.now; Date.now = () => real() + 11 * 60 * 1000; return real;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    gloo_utils::document()
        .dispatch_event(&Event::new("visibilitychange").unwrap())
        .unwrap();
    w.settle().await;
    js_function("real", "Date.now = real;")
        .call1(&JsValue::NULL, &shift)
        .unwrap();
    assert_eq!(w.field("API secret").value(), "");
    assert!(w
        .text()
        .contains("Cleared because nothing was typed for a while"));
}

#[wasm_bindgen_test]
async fn unmounting_forgets_the_secret() {
    let secret = marker_secret("Um");
    let w = Mounted::new(default_props()).await;
    w.paste("API key", "unmount-key").await;
    w.paste_js("API secret", &secret).await;
    assert!(memory_holds(&secret), "held while mounted");
    drop(w);
    next_task().await;
    assert!(
        !memory_holds(&secret),
        "a copy of the secret survived unmounting"
    );
}

/// The disclosure button's state, `"true"` or `"false"`.
fn expanded(w: &Mounted, name: &str) -> String {
    w.button(name)
        .get_attribute("aria-expanded")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_setup_guide_is_shown_only_when_the_host_asks_for_it() {
    use scim_token_widget::guide::Guide;
    use scim_token_widget::i18n::Lang;

    let w = Mounted::new(default_props()).await;
    for guide in Guide::ALL {
        let heading = guide.heading().in_lang(Lang::En);
        assert!(
            w.find_button(heading).is_none(),
            "{heading} is not shown to a host by default"
        );
    }
    drop(w);

    let mut w = Mounted::new(yew::props!(WidgetProps { show_guide: true })).await;
    let key = w.field("API key");
    for guide in Guide::ALL {
        let heading = guide.heading().in_lang(Lang::En);
        assert_eq!(expanded(&w, heading), "false", "{heading} starts collapsed");
        assert!(!w.text().contains(guide.points()[0].in_lang(Lang::En)));
        // «Before you start» comes before the fields, «After you save» after the steps.
        let following = w.button(heading).compare_document_position(&key)
            & web_sys::Node::DOCUMENT_POSITION_FOLLOWING;
        assert_eq!(following != 0, guide == Guide::BeforeYouStart, "{heading}");

        w.click(heading).await;
        assert_eq!(expanded(&w, heading), "true");
        let list = w
            .host
            .query_selector(&format!(
                "#{}",
                w.button(heading).get_attribute("aria-controls").unwrap()
            ))
            .unwrap()
            .expect("the button controls the list of points");
        let items = list.query_selector_all("li").unwrap();
        assert_eq!(items.length() as usize, guide.points().len());
        for (index, point) in guide.points().iter().enumerate() {
            let item = items.item(index as u32).unwrap();
            assert_eq!(item.text_content().unwrap(), point.in_lang(Lang::En));
        }
    }

    // What was typed is forgotten by Clear; what was opened stays open.
    w.paste("API key", "abc").await;
    w.click("Clear").await;
    assert_eq!(
        expanded(&w, Guide::AfterYouSave.heading().in_lang(Lang::En)),
        "true"
    );

    // In Norwegian, every heading and point is the Norwegian text.
    let props = yew::props!(WidgetProps {
        show_guide: true,
        lang: Lang::Nb
    });
    w.app.as_mut().unwrap().update(props);
    w.until("the Norwegian headings", |w| {
        w.find_button(Guide::BeforeYouStart.heading().in_lang(Lang::Nb))
            .is_some()
    })
    .await;
    for guide in Guide::ALL {
        assert!(w.find_button(guide.heading().in_lang(Lang::Nb)).is_some());
        for point in guide.points() {
            assert!(w.text().contains(point.in_lang(Lang::Nb)), "{point:?}");
        }
    }

    // And a host can take it away again.
    let props = yew::props!(WidgetProps { show_guide: false });
    w.app.as_mut().unwrap().update(props);
    w.until("the guide gone", |w| {
        w.find_button(Guide::BeforeYouStart.heading().in_lang(Lang::En))
            .is_none()
    })
    .await;
    assert!(!w
        .text()
        .contains(Guide::AfterYouSave.points()[0].in_lang(Lang::En)));
}

/// The page's copy of the widget's style sheet, as the embed module gives the shadow root.
/// Removed by the test that added it.
fn widget_style() -> web_sys::Element {
    let document = gloo_utils::document();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../../../static/widget.css")));
    document.head().unwrap().append_child(&style).unwrap();
    style
}

/// A button's accessible name as accname 1.2 computes it for the widget's buttons (no
/// aria-label): its text and CSS-generated content (the alternative text after `/` where one
/// is given), leaving out whatever is `aria-hidden`; and the arrow it draws, from every
/// `::before` in it, hidden or not.
fn name_and_drawn_arrow(button: &web_sys::Element) -> (String, String) {
    let read = js_function(
        "button",
        r#"const strings = (text) => [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).join('');
           // `content: "▸ " / ""`: what is drawn, and the alternative text that is read.
           const parts = (element, pseudo) => {
             const content = getComputedStyle(element, pseudo).content;
             if (!content || content === 'none' || content === 'normal') return ['', null];
             let quoted = false;
             for (let i = 0; i < content.length; i += 1) {
               if (content[i] === '\\') i += 1;
               else if (content[i] === '"') quoted = !quoted;
               else if (content[i] === '/' && !quoted) return [strings(content.slice(0, i)), strings(content.slice(i + 1))];
             }
             return [strings(content), null];
           };
           const read = (element, pseudo) => { const [drawn, alt] = parts(element, pseudo); return alt ?? drawn; };
           const name = (node) => {
             if (node.nodeType === Node.TEXT_NODE) return node.data;
             if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') return '';
             return read(node, '::before') + [...node.childNodes].map(name).join('') + read(node, '::after');
           };
           const drawn = [button, ...button.querySelectorAll('*')].map((e) => parts(e, '::before')[0]).join('');
           return [name(button).replace(/\s+/g, ' ').trim(), drawn.trim()];"#,
    );
    let pair: js_sys::Array = read.call1(&JsValue::NULL, button).unwrap().into();
    (
        pair.get(0).as_string().unwrap(),
        pair.get(1).as_string().unwrap(),
    )
}

/// The disclosure buttons draw an arrow (▸ closed, ▾ open) that is not read as part of their
/// name: a screen reader says «Check a token, button, collapsed», not «▸ Check a token».
#[wasm_bindgen_test]
async fn a_disclosure_arrow_is_drawn_but_not_part_of_the_button_name() {
    let style = widget_style();
    let w = Mounted::new(yew::props!(WidgetProps { show_guide: true })).await;
    for name in ["Before you start", "After you save", "Check a token"] {
        assert_eq!(
            name_and_drawn_arrow(&w.button(name)),
            (name.to_owned(), "▸".to_owned()),
            "{name}, closed"
        );
        w.click(name).await;
        assert_eq!(
            name_and_drawn_arrow(&w.button(name)),
            (name.to_owned(), "▾".to_owned()),
            "{name}, open"
        );
    }
    style.remove();
}

/// The states a host hears, in order, from a widget whose host gave the API key: `incomplete`
/// until the secret comes (not `invalid`: the admin made no error), `valid`, and `invalid` only
/// once a finding is an error.
#[wasm_bindgen_test]
async fn the_state_event_says_incomplete_until_the_secret_comes_and_invalid_only_for_an_error() {
    use scim_token_widget::ui::WidgetEvent;
    use std::cell::RefCell;
    use std::rc::Rc;

    let heard = Rc::new(RefCell::new(Vec::<&'static str>::new()));
    let record = heard.clone();
    let on_event = yew::Callback::from(move |event: WidgetEvent| {
        if let WidgetEvent::StateChanged(state) = event {
            record.borrow_mut().push(state.name());
        }
    });
    let w = Mounted::new(yew::props!(WidgetProps {
        api_key: Some(yew::AttrValue::from("abc")),
        on_event: Some(on_event),
    }))
    .await;
    w.until("the first state event", |_| !heard.borrow().is_empty())
        .await;
    assert_eq!(*heard.borrow(), ["incomplete"]);
    w.type_text("API secret", "123").await;
    w.until("the token", |w| {
        w.field("Secret token").value() == PAIRS[0].2
    })
    .await;
    w.paste("API key", "a:bc").await;
    w.until("the colon's error", |w| {
        w.field("API key").get_attribute("aria-invalid").is_some()
    })
    .await;
    w.paste("API key", "").await;
    w.until("the key gone", |w| w.field("API key").value().is_empty())
        .await;
    assert_eq!(
        *heard.borrow(),
        ["incomplete", "valid", "invalid", "incomplete"]
    );
}
