//! Nothing pasted into the expression playground may panic the parser or the evaluator.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim_token_core::expr;

fuzz_target!(|text: &str| {
    let attributes = expr::Attributes::new()
        .with("department", "Contoso > Sales > EMEA")
        .with("mail", "john.doe@contoso.com");
    if let Ok(parsed) = expr::parse(text) {
        // Printing gives text that parses back to the same expression, when it is no longer than
        // the parser reads: printing adds a space after each comma.
        let printed = parsed.to_string();
        if printed.chars().count() <= expr::MAX_EXPRESSION_CHARS {
            assert_eq!(expr::parse(&printed).map(|e| e.to_string()), Ok(printed));
        }
        let _ = expr::evaluate(&parsed, &attributes);
    }
});
