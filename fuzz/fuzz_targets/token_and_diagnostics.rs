//! Nothing the admin can type may panic: token decoding, the diagnostics, the token check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim_token_core::{diagnose, token};

fuzz_target!(|data: &[u8]| {
    // Split the input into a key, a secret and a pasted token at the first two 0xFF bytes
    // (which never occur in UTF-8), so one input drives all three.
    let mut parts = data.splitn(3, |b| *b == 0xFF);
    let key = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let secret = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let pasted = String::from_utf8_lossy(parts.next().unwrap_or_default());

    let _ = token::decode(&pasted);
    let diagnosis = diagnose::diagnose(&key, &secret);
    if let Some(made) = diagnosis.token() {
        // A token the widget offers always decodes back to what it was made from.
        let back = token::decode(made).expect("own tokens decode");
        assert_eq!(Some(back.api_key.as_str()), diagnosis.cleaned(diagnose::Field::ApiKey));
    }
    let _ = diagnose::check_token(&pasted, Some((&key, &secret)));
    let units: Vec<u16> = data
        .chunks(2)
        .map(|pair| u16::from_le_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
        .collect();
    let _ = diagnose::from_utf16(&units);
});
