//! «Try an expression» answering the functions of Microsoft's reference that issue 26 added, one
//! test per family, in a real browser: the expression and values pasted as an admin does, and
//! what the section shows read back. The expected values are the reference's own examples
//! (crates/expr/tests/reference_examples.rs checks the same natively) or .NET's documented
//! results.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test functions`.
#![cfg(target_arch = "wasm32")]

#[allow(
    dead_code,
    reason = "the shared helpers include some (the clipboard, the page text) this file does not use"
)]
mod support;

use support::{default_props, Mounted};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The widget with «Try an expression» open.
async fn playground() -> Mounted {
    let w = Mounted::mount(default_props(), |m| {
        m.host.query_selector("button").unwrap().is_some()
    })
    .await;
    w.click("Try an expression").await;
    w.until("the expression box", |w| w.control("Expression").is_some())
        .await;
    w
}

impl Mounted {
    /// What the result shows, after pasting `expression` and then each value.
    async fn result_of(&self, expression: &str, values: &[(&str, &str)]) -> String {
        self.paste("Expression", expression).await;
        for (name, value) in values {
            self.paste(name, value).await;
        }
        self.result()
    }

    fn result(&self) -> String {
        self.host
            .query_selector(".playground output")
            .unwrap()
            .expect("a result")
            .text_content()
            .unwrap_or_default()
    }

    /// The note under the result, if there is one.
    fn result_note(&self) -> Option<String> {
        self.host
            .query_selector(".playground .result .hint")
            .unwrap()
            .and_then(|note| note.text_content())
    }
}

#[wasm_bindgen_test]
async fn letters_to_upper_and_p_case() {
    let w = playground().await;
    assert_eq!(
        w.result_of("ToUpper([givenName])", &[("givenName", "Zoë")])
            .await,
        "ZOË"
    );
    assert_eq!(
        w.result_of(
            "PCase([firstName])",
            &[("firstName", "PABLO GONSALVES (SECOND)")]
        )
        .await,
        "Pablo Gonsalves (Second)"
    );
    assert_eq!(
        w.result_of(
            r#"PCase([lastName]," '-")"#,
            &[("lastName", "PINTO-DE'SILVA")]
        )
        .await,
        "Pinto-De'Silva"
    );
}

#[wasm_bindgen_test]
async fn logic_is_present_not_cbool_and_a_left_out_attribute() {
    let w = playground().await;
    assert_eq!(w.result_of("IsPresent([mail])", &[]).await, "False");
    assert_eq!(
        w.result_of("Not(IsPresent([mail]))", &[("mail", "a@contoso.com")])
            .await,
        "False"
    );
    assert_eq!(
        w.result_of("CBool([a] = [b])", &[("a", "Sales"), ("b", "Sales")])
            .await,
        "True"
    );
    // IgnoreFlowIfNullOrEmpty: «drops the department attribute from the provisioning flow».
    w.paste("Expression", "IgnoreFlowIfNullOrEmpty([department])")
        .await;
    assert_eq!(
        w.result(),
        "(left out of the flow: Entra does not send this attribute to the app)"
    );
    w.paste("department", "Sales").await;
    assert_eq!(w.result(), "Sales");
}

#[wasm_bindgen_test]
async fn conversions_base64_hex_and_bit_and() {
    let w = playground().await;
    assert_eq!(
        w.result_of(r#"ConvertToBase64("Hello world!")"#, &[]).await,
        "SABlAGwAbABvACAAdwBvAHIAbABkACEA"
    );
    assert_eq!(
        w.result_of(r#"ConvertToUTF8Hex("Hello world!")"#, &[])
            .await,
        "48656C6C6F20776F726C6421"
    );
    assert_eq!(w.result_of("BitAnd(&HF, &HF7)", &[]).await, "7");
    assert_eq!(
        w.result_of("CStr([dn])", &[("dn", "cn=Joe,dc=contoso,dc=com")])
            .await,
        "cn=Joe,dc=contoso,dc=com"
    );
}

#[wasm_bindgen_test]
async fn lists_count_and_remove_duplicates() {
    let w = playground().await;
    // One value per line is a multi-valued attribute.
    let addresses = "SMTP:a@contoso.com\nsmtp:b@contoso.com\nSMTP:a@contoso.com";
    assert_eq!(
        w.result_of("Count([proxyAddresses])", &[("proxyAddresses", addresses)])
            .await,
        "3"
    );
    w.paste("Expression", "RemoveDuplicates([proxyAddresses])")
        .await;
    // The values one per line, each once, in the order they first appear.
    assert_eq!(w.result(), "SMTP:a@contoso.com\nsmtp:b@contoso.com");
}

#[wasm_bindgen_test]
async fn dates_as_the_reference_prints_them_and_the_time_zone_asked_for() {
    let w = playground().await;
    assert_eq!(
        w.result_of(
            "CDate([StatusHireDate])",
            &[("StatusHireDate", "2020-03-16-07:00")]
        )
        .await,
        "3/16/2020 7:00:00 AM"
    );
    w.paste("Expression", r#"DateAdd("m", 10, CDate([StatusHireDate]))"#)
        .await;
    // 2020-03-16 07:00 UTC and ten months.
    assert_eq!(w.result(), "1/16/2021 7:00:00 AM");
    assert_eq!(
        w.result_of(
            r#"FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")"#,
            &[("extensionAttribute1", "20150123105347.1Z")]
        )
        .await,
        "2015-01-23"
    );
    assert_eq!(
        w.result_of("DateFromNum(129699324000000000)", &[]).await,
        "1/1/2012 11:00:00 PM"
    );
    // A date without a time zone is not guessed at.
    w.paste("Expression", "CDate([StatusHireDate])").await;
    w.paste("StatusHireDate", "2021-08-24").await;
    let said = w.result();
    assert!(said.starts_with("Cannot tell"), "{said}");
    assert!(said.contains("has no time zone"), "{said}");
}

#[wasm_bindgen_test]
async fn changing_functions_are_examples_and_the_directory_ones_say_why_not() {
    let w = playground().await;
    let guid = w.result_of("Guid()", &[]).await;
    assert_eq!(guid.len(), 36, "{guid}");
    assert_eq!(
        w.result_note().as_deref(),
        Some(
            "An example: Now, Guid and RandomString give a new value every time Entra runs \
             the expression."
        )
    );
    // Now() is the page's clock: this year, whatever it is.
    let now = w.result_of("Now()", &[]).await;
    let year = js_sys::Date::new_0().get_utc_full_year().to_string();
    assert!(now.contains(&format!("/{year} ")), "{now}");
    assert_eq!(w.result_of(r#"Left("John Doe", 3)"#, &[]).await, "Joh");
    assert_eq!(w.result_note(), None);
    let said = w
        .result_of("SingleAppRoleAssignment([appRoleAssignments])", &[])
        .await;
    assert!(said.starts_with("Cannot tell"), "{said}");
    assert!(said.contains("depends on the directory"), "{said}");
}
