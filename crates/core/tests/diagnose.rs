//! Native tests of the diagnosis: one table per kind of mistake, then properties over arbitrary
//! input. Each finding is checked with its words in both languages (`i18n::findings`), so these
//! run from outside the crate, through its public API: the words depend on the diagnosis, and
//! the diagnosis, its tests included, on nothing of the words.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use proptest::prelude::*;
use scim_token_core::diagnose::*;
use scim_token_core::i18n::Lang;
use scim_token_core::token::{secret_token, Credentials};
use std::collections::BTreeSet;
use std::time::Instant;
use CharacterKind::*;

/// Every message is there in both languages, and the two are not the same text.
fn assert_worded(finding: &Finding) {
    let en = finding.message(Lang::En);
    let nb = finding.message(Lang::Nb);
    assert!(!en.is_empty() && !nb.is_empty(), "{finding:?}");
    assert_ne!(en, nb, "{finding:?} reads the same in both languages");
    for message in [&en, &nb] {
        assert!(
            !message.contains('{') && !message.contains('}'),
            "unfilled placeholder in {message:?}"
        );
    }
    if let Some(fix) = finding.fix() {
        assert_ne!(fix.label(Lang::En), fix.label(Lang::Nb));
    }
}

fn assert_all_worded(findings: &[Finding]) {
    findings.iter().for_each(assert_worded);
}

fn kinds(findings: &[Finding]) -> Vec<&FindingKind> {
    findings.iter().map(|finding| &finding.kind).collect()
}

fn removed(list: &[(CharacterKind, usize)]) -> Vec<Removed> {
    list.iter()
        .map(|&(kind, count)| Removed { kind, count })
        .collect()
}

/// (API key, API secret, field, edge, what was removed, English message)
type TrimCase = (
    &'static str,
    &'static str,
    Field,
    Edge,
    &'static [(CharacterKind, usize)],
    &'static str,
);

#[test]
fn whitespace_at_the_ends_is_left_out_and_said_exactly() {
    let table: &[TrimCase] = &[
        ("  abc", "123", Field::ApiKey, Edge::Start, &[(Space, 2)],
            "Removed 2 spaces at the start of the API key. They are left out of the token."),
        ("abc", "123\n", Field::ApiSecret, Edge::End, &[(LineBreak, 1)],
            "Removed a line break at the end of the API secret. It is left out of the token."),
        ("abc", "123\r\n", Field::ApiSecret, Edge::End, &[(LineBreak, 1)],
            "Removed a line break at the end of the API secret. It is left out of the token."),
        ("abc", "123\r", Field::ApiSecret, Edge::End, &[(LineBreak, 1)],
            "Removed a line break at the end of the API secret. It is left out of the token."),
        ("\tabc", "123", Field::ApiKey, Edge::Start, &[(Tab, 1)],
            "Removed a tab at the start of the API key. It is left out of the token."),
        ("\u{A0}abc", "123", Field::ApiKey, Edge::Start, &[(NoBreakSpace, 1)],
            "Removed a no-break space at the start of the API key. It is left out of the token."),
        ("abc\u{200B}", "123", Field::ApiKey, Edge::End, &[(ZeroWidthSpace, 1)],
            "Removed a zero-width space at the end of the API key. It is left out of the token."),
        ("\u{200D}abc", "123", Field::ApiKey, Edge::Start, &[(ZeroWidthJoiner, 1)],
            "Removed a zero-width joiner at the start of the API key. It is left out of the token."),
        ("abc", "\u{200C}123", Field::ApiSecret, Edge::Start, &[(ZeroWidthNonJoiner, 1)],
            "Removed a zero-width non-joiner at the start of the API secret. It is left out of the token."),
        ("abc\u{2060}", "123", Field::ApiKey, Edge::End, &[(WordJoiner, 1)],
            "Removed a word joiner at the end of the API key. It is left out of the token."),
        ("\u{FEFF}abc", "123", Field::ApiKey, Edge::Start, &[(ByteOrderMark, 1)],
            "Removed a byte order mark at the start of the API key. It is left out of the token."),
        ("abc", "123 \r\n\r\n", Field::ApiSecret, Edge::End, &[(Space, 1), (LineBreak, 2)],
            "Removed a space and 2 line breaks at the end of the API secret. They are left out of the token."),
        ("abc", "123\u{200E}\u{3000}\t", Field::ApiSecret, Edge::End,
            &[(DirectionMark, 1), (OtherSpace, 1), (Tab, 1)],
            "Removed an invisible text-direction mark, an unusual space and a tab at the end of the API secret. They are left out of the token."),
    ];
    for &(key, secret, field, edge, expected, english) in table {
        let diagnosis = diagnose(key, secret);
        assert_eq!(
            diagnosis.findings(),
            &[Finding {
                field: Some(field),
                kind: FindingKind::Trimmed {
                    edge,
                    removed: removed(expected)
                }
            }],
            "{key:?} / {secret:?}"
        );
        let finding = &diagnosis.findings()[0];
        assert_eq!(finding.severity(), Severity::Notice);
        assert_eq!(finding.message(Lang::En), english);
        assert_worded(finding);
        // The fields keep their text; the token is made from the cleaned values.
        assert_eq!(diagnosis.cleaned(Field::ApiKey), Some("abc"));
        assert_eq!(diagnosis.cleaned(Field::ApiSecret), Some("123"));
        assert_eq!(diagnosis.token(), Some(secret_token("abc", "123").as_str()));
    }
}

#[test]
fn whitespace_at_both_ends_gives_one_notice_per_end() {
    let diagnosis = diagnose(" abc\n", "123");
    assert_eq!(
        kinds(diagnosis.findings()),
        [
            &FindingKind::Trimmed {
                edge: Edge::Start,
                removed: removed(&[(Space, 1)])
            },
            &FindingKind::Trimmed {
                edge: Edge::End,
                removed: removed(&[(LineBreak, 1)])
            },
        ]
    );
    assert_eq!(
        diagnosis.findings()[0].message(Lang::Nb),
        "Fjernet et mellomrom i starten av API-nøkkelen. Tegnet er ikke med i tokenet."
    );
    assert_eq!(diagnosis.token(), Some("YWJjOjEyMw=="));
}

#[test]
fn a_field_of_only_whitespace_blocks_the_token() {
    let diagnosis = diagnose(" \n\u{200B}", "123");
    assert_eq!(kinds(diagnosis.findings()), [&FindingKind::Blank]);
    assert!(diagnosis.has_error());
    assert_eq!(diagnosis.token(), None);
    assert_all_worded(diagnosis.findings());
}

#[test]
fn characters_inside_a_value_are_errors_with_their_position() {
    // (API key, API secret, field, character, position, others)
    let table: &[(&str, &str, Field, char, usize, usize)] = &[
        ("ab c", "123", Field::ApiKey, ' ', 3, 0),
        ("abc", "12\n34", Field::ApiSecret, '\n', 3, 0),
        ("abc", "12\r\n34", Field::ApiSecret, '\r', 3, 0),
        ("abc", "12\n34\n56", Field::ApiSecret, '\n', 3, 1),
        ("a\tb", "123", Field::ApiKey, '\t', 2, 0),
        ("a\u{A0}b", "123", Field::ApiKey, '\u{A0}', 2, 0),
        ("a\u{200B}b", "123", Field::ApiKey, '\u{200B}', 2, 0),
        ("a\u{200D}b", "123", Field::ApiKey, '\u{200D}', 2, 0),
        ("a\u{FEFF}b", "123", Field::ApiKey, '\u{FEFF}', 2, 0),
        ("a\0b", "123", Field::ApiKey, '\0', 2, 0),
        ("abc", "123\u{7F}", Field::ApiSecret, '\u{7F}', 4, 0),
        // Positions count what the field shows, trimmed characters and labels included.
        ("  a b", "123", Field::ApiKey, ' ', 4, 0),
        ("Key: a b", "123", Field::ApiKey, ' ', 7, 0),
        ("ø b", "123", Field::ApiKey, ' ', 2, 0),
    ];
    for &(key, secret, field, character, position, others) in table {
        let diagnosis = diagnose(key, secret);
        let finding = diagnosis
            .for_field(field)
            .find(|f| matches!(f.kind, FindingKind::InnerCharacter { .. }))
            .unwrap_or_else(|| panic!("no inner character in {key:?} / {secret:?}"));
        assert_eq!(
            finding.kind,
            FindingKind::InnerCharacter {
                character,
                position,
                others
            },
            "{key:?} / {secret:?}"
        );
        assert_eq!(finding.severity(), Severity::Error);
        assert!(diagnosis.has_error());
        assert_eq!(diagnosis.token(), None);
        assert_eq!(diagnosis.cleaned(field), None);
        let code = format!("U+{:04X}", u32::from(character));
        assert!(finding.message(Lang::En).contains(&code));
        assert!(finding.message(Lang::Nb).contains(&code));
        assert_all_worded(diagnosis.findings());
    }
    assert_eq!(
        diagnose("abc", "12\n34").findings()[0].message(Lang::En),
        "The API secret has a line break (U+000A) at character 3. It was most likely wrapped onto \
         more lines when copied: copy it again in one piece."
    );
    assert_eq!(
        diagnose("a\u{200B}b", "123").findings()[0].message(Lang::Nb),
        "API-nøkkelen har et usynlig mellomrom (zero-width space, U+200B) som tegn nr. 2. Slike \
         tegn følger ofte med når man kopierer fra en nettside eller et dokument: kopier den på \
         nytt, eller skriv den inn."
    );
    assert_eq!(
        diagnose("abc", "12\n34").findings()[0].message(Lang::Nb),
        "API-hemmeligheten har et linjeskift (U+000A) som tegn nr. 3. Den ble trolig delt over \
         flere linjer da den ble kopiert: kopier den på nytt i ett stykke."
    );
}

#[test]
fn a_colon_in_the_key_blocks_the_token() {
    let diagnosis = diagnose("ab:c", "123");
    assert_eq!(
        diagnosis.findings(),
        &[Finding {
            field: Some(Field::ApiKey),
            kind: FindingKind::ColonInKey { position: 3 }
        }]
    );
    assert_eq!(diagnosis.findings()[0].severity(), Severity::Error);
    assert_eq!(diagnosis.findings()[0].fix(), None);
    assert_eq!(diagnosis.token(), None);
    assert_all_worded(diagnosis.findings());

    // A colon in the secret is fine: the server splits at the first colon.
    let diagnosis = diagnose("abc", "1:2:3");
    assert!(diagnosis.findings().is_empty());
    assert_eq!(
        diagnosis.token(),
        Some(secret_token("abc", "1:2:3").as_str())
    );
}

#[test]
fn key_and_secret_in_the_key_field_can_be_split_with_one_click() {
    // (API key field, API secret field, split key, split secret)
    let table = [
        ("abc:123", "", "abc", "123"),
        ("abc:1:2", "", "abc", "1:2"),
        ("  abc:123\n", "", "abc", "123"),
        ("abc:123", " \n", "abc", "123"),
        ("API key: abc\nAPI secret: 123", "", "abc", "123"),
        ("abc\nSecret: 123", "", "abc", "123"),
        ("API-nøkkel: abc\nHemmelighet: 123", "", "abc", "123"),
        ("API key:\nabc\nAPI secret:\n123\n", "", "abc", "123"),
        ("Key: abc:123", "", "abc", "123"),
    ];
    for (key, secret, split_key, split_secret) in table {
        let diagnosis = diagnose(key, secret);
        let finding = diagnosis
            .for_field(Field::ApiKey)
            .find(|f| matches!(f.kind, FindingKind::KeyAndSecretTogether { .. }))
            .unwrap_or_else(|| panic!("not split: {key:?}"));
        assert_eq!(finding.severity(), Severity::Error);
        assert_worded(finding);
        assert_eq!(diagnosis.token(), None);
        let Some(Fix::SplitKeyAndSecret {
            api_key,
            api_secret,
        }) = finding.fix()
        else {
            panic!("no split fix for {key:?}");
        };
        assert_eq!(
            (api_key.as_str(), api_secret.as_str()),
            (split_key, split_secret)
        );
        // Applied, the fix leaves nothing to complain about.
        let fixed = diagnose(&api_key, &api_secret);
        assert!(fixed.findings().is_empty(), "{:?}", fixed.findings());
        assert_eq!(
            fixed.token(),
            Some(secret_token(split_key, split_secret).as_str())
        );
    }

    // Not offered when the secret field is filled, for a URL, with nothing after the colon, or
    // for two lines without labels (as likely one value wrapped when copied).
    for (key, secret) in [
        ("abc:123", "123"),
        ("abc\n123", ""),
        ("abc\r\n\r\n123\n", ""),
        ("https://api.securepractice.co/scim/v2/", ""),
        ("abc:", ""),
        ("a b:123", ""),
        ("abc\n123\n456", ""),
    ] {
        let diagnosis = diagnose(key, secret);
        assert!(
            diagnosis.findings().iter().all(|f| f.fix().is_none()),
            "{key:?}: {:?}",
            diagnosis.findings()
        );
        assert!(diagnosis.has_error(), "{key:?}");
    }
}

#[test]
fn a_finished_token_in_a_field_is_sent_to_the_token_checker() {
    let token = secret_token("abc", "123");
    let table = [
        (
            token.clone(),
            "123".to_owned(),
            Field::ApiKey,
            token.clone(),
        ),
        (
            "abc".to_owned(),
            token.clone(),
            Field::ApiSecret,
            token.clone(),
        ),
        (token.clone(), String::new(), Field::ApiKey, token.clone()),
        (
            format!("{token}\n"),
            "123".to_owned(),
            Field::ApiKey,
            token.clone(),
        ),
        (
            format!("Bearer {token}"),
            "x".to_owned(),
            Field::ApiKey,
            format!("Bearer {token}"),
        ),
    ];
    for (key, secret, field, text) in table {
        let diagnosis = diagnose(&key, &secret);
        let finding = diagnosis
            .for_field(field)
            .find(|f| matches!(f.kind, FindingKind::TokenInField { .. }))
            .unwrap_or_else(|| panic!("not seen as a token: {key:?} / {secret:?}"));
        assert_eq!(
            finding.kind,
            FindingKind::TokenInField {
                api_key: "abc".into(),
                text: text.clone()
            }
        );
        assert_eq!(finding.severity(), Severity::Error);
        assert_eq!(diagnosis.token(), None);
        assert_worded(finding);
        assert!(finding.message(Lang::En).contains("encoded twice"));
        let Some(Fix::CheckAsToken { text: to_check }) = finding.fix() else {
            panic!("no fix");
        };
        assert_eq!(to_check, text);
        let check = check_token(&to_check, None);
        assert!(check.is_valid(), "{:?}", check.findings());
        assert_eq!(
            check.credentials(),
            Some(&Credentials {
                api_key: "abc".into(),
                api_secret: "123".into()
            })
        );
    }
}

#[test]
fn real_looking_keys_and_secrets_are_not_mistaken_for_tokens_or_labels() {
    let values = [
        "deadbeefcafebabe0123456789abcdef",
        "3f2b6a1e-9c4d-4e8f-a1b2-c3d4e5f60718",
        "q3Jt9xZ2LmN8pR4sT6vW1yA5bC7dE0fG",
        "sp_live_4eC39HqLyjWDarjtT1zdp7dc",
        "Key==",
        "keyABC",
        "secretsauce123",
        "key-abc123",
        "Secret",
        "ZXhhbXBsZS1rZXk=",
    ];
    for value in values {
        let diagnosis = diagnose(value, "a-different-secret-1");
        assert!(
            diagnosis.findings().is_empty(),
            "{value:?}: {:?}",
            diagnosis.findings()
        );
        assert_eq!(diagnosis.cleaned(Field::ApiKey), Some(value));
        let diagnosis = diagnose("a-different-key", value);
        assert!(
            diagnosis.findings().is_empty(),
            "{value:?}: {:?}",
            diagnosis.findings()
        );
    }
}

#[test]
fn identical_key_and_secret_is_a_warning() {
    for (key, secret) in [("abc", "abc"), (" abc", "abc\n")] {
        let diagnosis = diagnose(key, secret);
        let finding = diagnosis
            .findings()
            .iter()
            .find(|f| f.kind == FindingKind::KeySameAsSecret)
            .unwrap_or_else(|| panic!("{key:?} / {secret:?}"));
        assert_eq!(finding.field, None);
        assert_eq!(finding.severity(), Severity::Warning);
        assert_worded(finding);
        assert_eq!(diagnosis.token(), Some(secret_token("abc", "abc").as_str()));
    }
}

#[test]
fn a_value_longer_than_the_limit_is_refused_without_other_checks() {
    let limit = "k".repeat(MAX_VALUE_CHARS);
    assert!(diagnose(&limit, "123").findings().is_empty());

    let over = format!("{limit}:\n ");
    let diagnosis = diagnose(&over, "123");
    assert_eq!(
        diagnosis.findings(),
        &[Finding {
            field: Some(Field::ApiKey),
            kind: FindingKind::TooLong {
                length: MAX_VALUE_CHARS + 3,
                limit: MAX_VALUE_CHARS
            }
        }]
    );
    assert_eq!(diagnosis.findings()[0].severity(), Severity::Error);
    assert_eq!(diagnosis.token(), None);
    assert_eq!(
        diagnosis.findings()[0].message(Lang::En),
        "The API key is 4,099 characters long, but an API key is at most 4,096. Something else \
         was probably pasted."
    );
    assert_eq!(
        diagnosis.findings()[0].message(Lang::Nb),
        "API-nøkkelen er 4\u{A0}099 tegn lang, men en API-nøkkel er på høyst 4\u{A0}096 tegn. \
         Trolig ble noe annet limt inn."
    );

    // Multi-byte characters count once each: 4096 of them fit.
    assert!(!diagnose(&"ø".repeat(MAX_VALUE_CHARS), "123").has_error());
}

#[test]
fn a_one_megabyte_paste_is_refused_as_too_long_and_nothing_else() {
    const MEGABYTE: usize = 1 << 20;
    let pastes = [
        ("ASCII", "a".repeat(MEGABYTE)),
        ("two-byte", "ø".repeat(MEGABYTE / 2)),
        ("line breaks", "ab\n".repeat(MEGABYTE / 3)),
        ("spaces", " ".repeat(MEGABYTE)),
    ];
    for (what, paste) in &pastes {
        let started = Instant::now();
        let diagnosis = diagnose(paste, paste);
        let check = check_token(paste, Some((paste, paste)));
        let elapsed = started.elapsed();
        // Timing depends on the machine: printed for `cargo test --release -- --nocapture`, never
        // asserted.
        println!("1 MB {what} paste in both fields and the token box: {elapsed:?}");
        assert_eq!(diagnosis.findings().len(), 2, "{what}");
        assert!(diagnosis.findings().iter().all(|f| matches!(
            f.kind,
            FindingKind::TooLong {
                limit: MAX_VALUE_CHARS,
                ..
            }
        )));
        assert_eq!(diagnosis.token(), None);
        assert_eq!(
            kinds(check.findings()),
            [&FindingKind::TooLong {
                length: paste.chars().count(),
                limit: MAX_TOKEN_CHARS
            }]
        );
        assert_all_worded(check.findings());
    }
}

#[test]
fn the_longest_allowed_values_are_checked_in_full_and_the_longest_token_is_valid() {
    // Just under the limits every check runs: many distinct characters, whitespace inside, and a
    // token as long as a token can be.
    let varied: String = ('\u{100}'..).take(MAX_VALUE_CHARS).collect();
    let spaced = "a ".repeat(MAX_VALUE_CHARS / 2);
    let longest = secret_token(&"🔑".repeat(MAX_VALUE_CHARS), &"🔑".repeat(MAX_VALUE_CHARS));
    assert_eq!(longest.len(), MAX_TOKEN_CHARS);

    let started = Instant::now();
    let diagnosis = diagnose(&varied, &spaced);
    let check = check_token(&longest, Some((&varied, &varied)));
    let elapsed = started.elapsed();
    println!("longest allowed values in both fields and the token box: {elapsed:?}");
    assert!(diagnosis.has_error());
    assert!(check.is_valid(), "{:?}", check.findings());
}

#[test]
fn from_utf16_refuses_lone_surrogates_with_their_position() {
    let table: &[(&[u16], Result<&str, LoneSurrogate>)] = &[
        (&[], Ok("")),
        (&[0x61, 0x62], Ok("ab")),
        (&[0xD83D, 0xDD11], Ok("🔑")),
        (&[0xF8], Ok("ø")),
        (
            &[0xD83D],
            Err(LoneSurrogate {
                position: 1,
                unit: 0xD83D,
            }),
        ),
        (
            &[0x61, 0xDD11],
            Err(LoneSurrogate {
                position: 2,
                unit: 0xDD11,
            }),
        ),
        // A pair counts as one character before the broken one.
        (
            &[0xD83D, 0xDD11, 0x61, 0xD83D, 0x62],
            Err(LoneSurrogate {
                position: 3,
                unit: 0xD83D,
            }),
        ),
        (
            &[0xDD11, 0xD83D],
            Err(LoneSurrogate {
                position: 1,
                unit: 0xDD11,
            }),
        ),
    ];
    for &(units, expected) in table {
        assert_eq!(from_utf16(units), expected.map(str::to_owned), "{units:X?}");
    }

    let finding = LoneSurrogate {
        position: 2,
        unit: 0xDD11,
    }
    .finding(Field::ApiSecret);
    assert_eq!(finding.field, Some(Field::ApiSecret));
    assert_eq!(finding.severity(), Severity::Error);
    assert_worded(&finding);
    assert!(finding.message(Lang::En).contains("U+DD11"));
    assert!(finding.message(Lang::Nb).contains("tegn nr. 2"));
}

#[test]
fn characters_outside_ascii_are_shown_as_code_points() {
    let diagnosis = diagnose("nøkkel", "123");
    assert_eq!(
        kinds(diagnosis.findings()),
        [&FindingKind::NonAscii {
            characters: vec!['ø'],
            more: 0
        }]
    );
    let finding = &diagnosis.findings()[0];
    assert_eq!(finding.severity(), Severity::Notice);
    assert_eq!(
        finding.message(Lang::En),
        "The API key contains a character outside ASCII: ø (U+00F8). It is encoded as UTF-8."
    );
    assert_eq!(
        finding.message(Lang::Nb),
        "API-nøkkelen inneholder et tegn utenfor ASCII: ø (U+00F8). Det kodes som UTF-8."
    );
    assert_eq!(
        diagnosis.token(),
        Some(secret_token("nøkkel", "123").as_str())
    );

    let diagnosis = diagnose("abc", "æøåæ🔑");
    assert_eq!(
        diagnosis.findings()[0].message(Lang::En),
        "The API secret contains characters outside ASCII: æ (U+00E6), ø (U+00F8), å (U+00E5), \
         🔑 (U+1F511). They are encoded as UTF-8."
    );

    let many: String = ('α'..='ω').collect();
    let diagnosis = diagnose(&many, "123");
    let FindingKind::NonAscii { characters, more } = &diagnosis.findings()[0].kind else {
        panic!("{:?}", diagnosis.findings());
    };
    assert_eq!(characters.len(), 8);
    assert_eq!(*more, many.chars().count() - 8);
    assert!(diagnosis.findings()[0]
        .message(Lang::En)
        .contains(&format!("and {more} more")));
    assert!(diagnosis.findings()[0]
        .message(Lang::Nb)
        .contains(&format!("og {more} til")));
}

#[test]
fn a_pasted_label_is_left_out_with_a_warning_and_a_fix() {
    // (API key field, API secret field, field, label, value)
    let table = [
        ("API key: abc", "123", Field::ApiKey, "API key:", "abc"),
        ("abc", "Secret=xyz", Field::ApiSecret, "Secret=", "xyz"),
        (
            "abc",
            "api_secret: xyz",
            Field::ApiSecret,
            "api_secret:",
            "xyz",
        ),
        ("Key - abc", "123", Field::ApiKey, "Key -", "abc"),
        ("Key – abc", "123", Field::ApiKey, "Key –", "abc"),
        (
            "API-nøkkel: abc",
            "123",
            Field::ApiKey,
            "API-nøkkel:",
            "abc",
        ),
        (
            "API-NØKKEL: abc",
            "123",
            Field::ApiKey,
            "API-NØKKEL:",
            "abc",
        ),
        (
            "abc",
            "Hemmelighet: xyz",
            Field::ApiSecret,
            "Hemmelighet:",
            "xyz",
        ),
        ("abc", "SECRET = xyz", Field::ApiSecret, "SECRET =", "xyz"),
        ("  apikey:abc\n", "123", Field::ApiKey, "apikey:", "abc"),
        (
            "abc",
            "Client secret:\nxyz",
            Field::ApiSecret,
            "Client secret:",
            "xyz",
        ),
    ];
    for (key, secret, field, label, value) in table {
        let diagnosis = diagnose(key, secret);
        let finding = diagnosis
            .for_field(field)
            .find(|f| matches!(f.kind, FindingKind::Label { .. }))
            .unwrap_or_else(|| panic!("no label in {key:?} / {secret:?}"));
        assert_eq!(
            finding.kind,
            FindingKind::Label {
                label: label.into(),
                value: value.into()
            }
        );
        assert_eq!(finding.severity(), Severity::Warning);
        assert_worded(finding);
        assert!(finding.message(Lang::En).contains(label));
        assert!(finding.message(Lang::Nb).contains(label));
        assert_eq!(diagnosis.cleaned(field), Some(value));
        assert!(!diagnosis.has_error(), "{:?}", diagnosis.findings());
        let Some(Fix::RemoveLabel {
            field: fixed_field,
            value: fixed_value,
        }) = finding.fix()
        else {
            panic!("no fix");
        };
        assert_eq!((fixed_field, fixed_value.as_str()), (field, value));
        // Applying the fix gives the same token, with nothing left to say.
        let (new_key, new_secret) = match field {
            Field::ApiKey => (fixed_value.as_str(), secret),
            _ => (key, fixed_value.as_str()),
        };
        let fixed = diagnose(new_key, new_secret);
        assert!(fixed.findings().is_empty(), "{:?}", fixed.findings());
        assert_eq!(fixed.token(), diagnosis.token());
    }
}

/// A token whose standard base64 has `+` or `/`, so its URL-safe form differs.
fn token_with_plus_or_slash() -> String {
    let token = secret_token("k", "???>>>");
    assert!(token.contains(['+', '/']), "{token}");
    token
}

#[test]
fn check_token_reads_prefixes_and_whitespace_with_notices() {
    let valid = FindingKind::Valid {
        api_key: "abc".into(),
        secret_length: 3,
    };
    let table: Vec<(&str, Vec<FindingKind>)> = vec![
        ("YWJjOjEyMw==", vec![valid.clone()]),
        (
            "Bearer YWJjOjEyMw==",
            vec![
                FindingKind::PrefixRemoved {
                    prefix: "Bearer".into(),
                },
                valid.clone(),
            ],
        ),
        (
            "basic \tYWJjOjEyMw==",
            vec![
                FindingKind::PrefixRemoved {
                    prefix: "basic".into(),
                },
                valid.clone(),
            ],
        ),
        (
            "Authorization: Basic YWJjOjEyMw==",
            vec![
                FindingKind::PrefixRemoved {
                    prefix: "Authorization: Basic".into(),
                },
                valid.clone(),
            ],
        ),
        (
            " \nYWJjOjEyMw==\r\n",
            vec![
                FindingKind::Trimmed {
                    edge: Edge::Start,
                    removed: removed(&[(Space, 1), (LineBreak, 1)]),
                },
                FindingKind::Trimmed {
                    edge: Edge::End,
                    removed: removed(&[(LineBreak, 1)]),
                },
                valid.clone(),
            ],
        ),
    ];
    for (pasted, expected) in table {
        let check = check_token(pasted, None);
        assert_eq!(
            kinds(check.findings()),
            expected.iter().collect::<Vec<_>>(),
            "{pasted:?}"
        );
        assert!(check
            .findings()
            .iter()
            .all(|f| f.field == Some(Field::Token)));
        assert!(check.is_valid());
        assert!(check
            .findings()
            .iter()
            .all(|f| f.severity() == Severity::Notice));
        assert_all_worded(check.findings());
        assert_eq!(
            check.credentials(),
            Some(&Credentials {
                api_key: "abc".into(),
                api_secret: "123".into()
            })
        );
    }
    assert_eq!(
        check_token("YWJjOjEyMw==", None).findings()[0].message(Lang::En),
        "This is a valid secret token for the API key “abc”, with an API secret of 3 characters."
    );
    assert!(check_token("", None).findings().is_empty());
    assert_eq!(
        kinds(check_token(" \n", None).findings()),
        [&FindingKind::Blank]
    );
}

#[test]
fn check_token_names_what_is_not_base64() {
    let std_token = token_with_plus_or_slash();
    let url_safe = std_token.replace('+', "-").replace('/', "_");
    let url_safe_unpadded = url_safe.trim_end_matches('=').to_owned();
    let wrapped = {
        let long = secret_token(&"k".repeat(40), &"s".repeat(40));
        format!("{}\n{}", &long[..76], &long[76..])
    };
    let long = wrapped.replace('\n', "");

    // (pasted, findings in order, the fixed token if a fix is offered)
    let table: Vec<(String, Vec<FindingKind>, Option<String>)> = vec![
        (
            "YWJj!OjEyMw==".into(),
            vec![FindingKind::NotBase64 {
                character: '!',
                position: 5,
            }],
            None,
        ),
        (
            "  YWJjOjEyMw==ø".into(),
            vec![
                FindingKind::Trimmed {
                    edge: Edge::Start,
                    removed: removed(&[(Space, 2)]),
                },
                FindingKind::NotBase64 {
                    character: 'ø',
                    position: 15,
                },
            ],
            None,
        ),
        (
            "YW=JjOjEyMw==".into(),
            vec![FindingKind::NotBase64 {
                character: '=',
                position: 3,
            }],
            None,
        ),
        (
            "YWJjOjEyMw".into(),
            vec![FindingKind::Padding {
                found: 0,
                expected: 2,
                corrected: "YWJjOjEyMw==".into(),
            }],
            Some("YWJjOjEyMw==".into()),
        ),
        (
            "YWJjOjEyMw=".into(),
            vec![FindingKind::Padding {
                found: 1,
                expected: 2,
                corrected: "YWJjOjEyMw==".into(),
            }],
            Some("YWJjOjEyMw==".into()),
        ),
        (
            "YWJjOjEy=".into(),
            vec![FindingKind::Padding {
                found: 1,
                expected: 0,
                corrected: "YWJjOjEy".into(),
            }],
            Some("YWJjOjEy".into()),
        ),
        (
            url_safe.clone(),
            vec![FindingKind::UrlSafeAlphabet {
                corrected: std_token.clone(),
            }],
            Some(std_token.clone()),
        ),
        (
            url_safe_unpadded.clone(),
            vec![
                FindingKind::UrlSafeAlphabet {
                    corrected: std_token.clone(),
                },
                FindingKind::Padding {
                    found: 0,
                    expected: std_token.len() - url_safe_unpadded.len(),
                    corrected: std_token.clone(),
                },
            ],
            Some(std_token.clone()),
        ),
        (
            "YWJjO".into(),
            vec![FindingKind::BadLength { symbols: 5 }],
            None,
        ),
        (
            "====".into(),
            vec![FindingKind::BadLength { symbols: 0 }],
            None,
        ),
        ("YWJjOjEyMx==".into(), vec![FindingKind::BrokenEnd], None),
        (
            wrapped.clone(),
            vec![FindingKind::TokenWrapped {
                position: 77,
                line_breaks: 1,
                unwrapped: long.clone(),
            }],
            Some(long.clone()),
        ),
        (
            "YWJj OjEyMw==".into(),
            vec![FindingKind::InnerCharacter {
                character: ' ',
                position: 5,
                others: 0,
            }],
            None,
        ),
    ];
    for (pasted, expected, fixed) in table {
        let check = check_token(&pasted, None);
        let found: Vec<_> = check
            .findings()
            .iter()
            .filter(|f| !matches!(f.kind, FindingKind::Valid { .. }))
            .map(|f| &f.kind)
            .collect();
        assert_eq!(found, expected.iter().collect::<Vec<_>>(), "{pasted:?}");
        assert!(check.has_error(), "{pasted:?}");
        assert!(!check.is_valid());
        assert!(!check
            .findings()
            .iter()
            .any(|f| matches!(f.kind, FindingKind::Valid { .. })));
        assert_all_worded(check.findings());
        let offered = check.findings().iter().find_map(Finding::fix);
        match (&fixed, offered) {
            (Some(token), Some(Fix::ReplaceToken { token: offered })) => {
                assert_eq!(&offered, token, "{pasted:?}");
                assert!(check_token(&offered, None).is_valid(), "{offered:?}");
            }
            (None, Some(Fix::ReplaceToken { token })) => {
                assert!(
                    !check_token(&token, None).is_valid(),
                    "{pasted:?} has a working fix"
                );
            }
            (None, None) => {}
            (fixed, offered) => panic!("{pasted:?}: expected {fixed:?}, offered {offered:?}"),
        }
    }
}

#[test]
fn check_token_names_what_is_wrong_inside() {
    let token = secret_token("abc", "123");
    let echoed = STANDARD.encode("abc:123\n");
    let echoed_crlf = STANDARD.encode("abc:123\r\n");
    let twice = STANDARD.encode(&token);
    let twice_echoed = STANDARD.encode(format!("{token}\n"));

    // (pasted, findings, the fixed token if a fix is offered)
    let table: Vec<(String, Vec<FindingKind>, Option<String>)> = vec![
        ("/w==".into(), vec![FindingKind::NotUtf8], None),
        ("YWJj".into(), vec![FindingKind::NoColon], None),
        (secret_token("", "123"), vec![FindingKind::EmptyKey], None),
        (
            secret_token("abc", ""),
            vec![FindingKind::EmptySecret],
            None,
        ),
        (
            secret_token("", ""),
            vec![FindingKind::EmptyKey, FindingKind::EmptySecret],
            None,
        ),
        (
            echoed,
            vec![FindingKind::TrailingLineBreak {
                corrected: token.clone(),
            }],
            Some(token.clone()),
        ),
        (
            echoed_crlf,
            vec![FindingKind::TrailingLineBreak {
                corrected: token.clone(),
            }],
            Some(token.clone()),
        ),
        (
            twice,
            vec![FindingKind::EncodedTwice {
                inner: token.clone(),
            }],
            Some(token.clone()),
        ),
        (
            twice_echoed,
            vec![FindingKind::EncodedTwice {
                inner: token.clone(),
            }],
            Some(token.clone()),
        ),
        (
            secret_token("a b", "123"),
            vec![FindingKind::DecodedCharacter {
                part: Field::ApiKey,
                character: ' ',
                position: 2,
            }],
            None,
        ),
        (
            secret_token("abc", "12\u{200B}3"),
            vec![FindingKind::DecodedCharacter {
                part: Field::ApiSecret,
                character: '\u{200B}',
                position: 3,
            }],
            None,
        ),
    ];
    for (pasted, expected, fixed) in table {
        let check = check_token(&pasted, None);
        assert_eq!(
            kinds(check.findings()),
            expected.iter().collect::<Vec<_>>(),
            "{pasted:?}"
        );
        assert!(check.has_error());
        assert!(!check.is_valid());
        assert!(check
            .findings()
            .iter()
            .all(|f| f.severity() == Severity::Error));
        assert_all_worded(check.findings());
        let offered = check.findings().iter().find_map(|f| match f.fix() {
            Some(Fix::ReplaceToken { token }) => Some(token),
            _ => None,
        });
        assert_eq!(offered, fixed, "{pasted:?}");
        if let Some(fixed) = fixed {
            assert!(check_token(&fixed, None).is_valid());
        }
    }
    // The secret can still be revealed when there is a line break after it.
    let check = check_token(&STANDARD.encode("abc:123\n"), None);
    assert_eq!(
        check.credentials().map(|c| c.api_secret.as_str()),
        Some("123\n")
    );
}

#[test]
fn check_token_compares_with_the_fields() {
    let token = secret_token("abc", "123");
    let table = [
        (("abc", "123"), Some(FindingKind::MatchesFields)),
        ((" abc\n", "123\u{200B}"), Some(FindingKind::MatchesFields)),
        (("API key: abc", "123"), Some(FindingKind::MatchesFields)),
        (
            ("abc", "124"),
            Some(FindingKind::DiffersFromFields {
                key_differs: false,
                secret_differs: true,
            }),
        ),
        (
            ("abd", "123"),
            Some(FindingKind::DiffersFromFields {
                key_differs: true,
                secret_differs: false,
            }),
        ),
        (
            ("x", "y"),
            Some(FindingKind::DiffersFromFields {
                key_differs: true,
                secret_differs: true,
            }),
        ),
        (("", ""), None),
        (("abc", ""), None),
        (("a b", "123"), None),
    ];
    for ((key, secret), expected) in table {
        let check = check_token(&token, Some((key, secret)));
        let comparison = check.findings().iter().find(|f| {
            matches!(
                f.kind,
                FindingKind::MatchesFields | FindingKind::DiffersFromFields { .. }
            )
        });
        assert_eq!(
            comparison.map(|f| &f.kind),
            expected.as_ref(),
            "{key:?} / {secret:?}"
        );
        if let Some(finding) = comparison {
            let severity = match finding.kind {
                FindingKind::MatchesFields => Severity::Notice,
                _ => Severity::Warning,
            };
            assert_eq!(finding.severity(), severity);
            assert_worded(finding);
        }
        assert!(check.is_valid());
    }
}

#[test]
fn every_finding_kind_is_worded_in_both_languages() {
    let every_kind = [
        FindingKind::TooLong {
            length: 5000,
            limit: 4096,
        },
        FindingKind::LoneSurrogate {
            position: 1,
            unit: 0xD800,
        },
        FindingKind::Blank,
        FindingKind::Trimmed {
            edge: Edge::End,
            removed: removed(&[(Control, 2)]),
        },
        FindingKind::InnerCharacter {
            character: '\u{2066}',
            position: 2,
            others: 1,
        },
        FindingKind::Label {
            label: "Key:".into(),
            value: "abc".into(),
        },
        FindingKind::KeyAndSecretTogether {
            api_key: "a".into(),
            api_secret: "b".into(),
        },
        FindingKind::TokenInField {
            api_key: "a".into(),
            text: "YTpi".into(),
        },
        FindingKind::ColonInKey { position: 1 },
        FindingKind::NonAscii {
            characters: vec!['é', 'ü'],
            more: 3,
        },
        FindingKind::KeySameAsSecret,
        FindingKind::PrefixRemoved {
            prefix: "Bearer".into(),
        },
        FindingKind::TokenWrapped {
            position: 77,
            line_breaks: 2,
            unwrapped: "YTpi".into(),
        },
        FindingKind::NotBase64 {
            character: '\u{1F511}',
            position: 3,
        },
        FindingKind::BadLength { symbols: 9 },
        FindingKind::UrlSafeAlphabet {
            corrected: "YTpi".into(),
        },
        FindingKind::Padding {
            found: 2,
            expected: 1,
            corrected: "YWI=".into(),
        },
        FindingKind::Padding {
            found: 1,
            expected: 0,
            corrected: "YTpi".into(),
        },
        FindingKind::BrokenEnd,
        FindingKind::NotUtf8,
        FindingKind::EncodedTwice {
            inner: "YTpi".into(),
        },
        FindingKind::NoColon,
        FindingKind::EmptyKey,
        FindingKind::EmptySecret,
        FindingKind::TrailingLineBreak {
            corrected: "YTpi".into(),
        },
        FindingKind::DecodedCharacter {
            part: Field::ApiSecret,
            character: '\t',
            position: 1,
        },
        FindingKind::Valid {
            api_key: "a".into(),
            secret_length: 1,
        },
        FindingKind::MatchesFields,
        FindingKind::DiffersFromFields {
            key_differs: true,
            secret_differs: true,
        },
    ];
    let count = every_kind.len();
    let mut english = BTreeSet::new();
    let mut norwegian = BTreeSet::new();
    for kind in every_kind {
        for field in [Some(Field::ApiKey), Some(Field::ApiSecret), None] {
            assert_worded(&Finding {
                field,
                kind: kind.clone(),
            });
        }
        let finding = Finding {
            field: Some(Field::Token),
            kind,
        };
        assert_worded(&finding);
        english.insert(finding.message(Lang::En));
        norwegian.insert(finding.message(Lang::Nb));
    }
    // Kinds are told apart by their words, not only by their data.
    assert_eq!(english.len(), count);
    assert_eq!(norwegian.len(), count);
    for severity in [Severity::Error, Severity::Warning, Severity::Notice] {
        assert_ne!(severity.label(Lang::En), severity.label(Lang::Nb));
    }
}

/// Strings that reach every branch: all of Unicode, plus a pool of the characters and pieces
/// the checks care about.
fn pasted_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u{A0}",
            "\u{200B}",
            "\u{200D}",
            "\u{FEFF}",
            "\u{2028}",
            "\0",
            "\u{7F}",
            ":",
            "=",
            "==",
            "-",
            "_",
            "+",
            "/",
            "API key: ",
            "Secret=",
            "Key - ",
            "Bearer ",
            "Basic ",
            "Authorization: ",
            "YWJjOjEyMw==",
            "YWJj",
            "ø",
            "\u{10FFFF}",
            "\u{E0041}",
        ])
        .prop_map(str::to_owned),
        "[A-Za-z0-9+/]{1,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn diagnose_never_panics_and_keeps_its_promises(key in pasted_text(), secret in pasted_text()) {
        let diagnosis = diagnose(&key, &secret);
        for finding in diagnosis.findings() {
            prop_assert!(!finding.message(Lang::En).is_empty());
            prop_assert!(!finding.message(Lang::Nb).is_empty());
        }
        // The token is there exactly when nothing blocks it, and it is made from the cleaned
        // values, which are always a piece of what was typed.
        let cleaned = (diagnosis.cleaned(Field::ApiKey), diagnosis.cleaned(Field::ApiSecret));
        if let Some(k) = cleaned.0 { prop_assert!(key.contains(k)); }
        if let Some(s) = cleaned.1 { prop_assert!(secret.contains(s)); }
        match (diagnosis.token(), cleaned) {
            (Some(token), (Some(k), Some(s))) => {
                prop_assert!(!diagnosis.has_error());
                prop_assert_eq!(token, secret_token(k, s));
                let back = scim_token_core::token::decode(token).expect("own token decodes");
                prop_assert_eq!(back.api_key, k);
                prop_assert_eq!(back.api_secret, s);
            }
            (None, (Some(_), Some(_))) => prop_assert!(diagnosis.has_error()),
            (None, _) => {}
            (Some(_), _) => prop_assert!(false, "a token without both values"),
        }
        // Applying any fix never panics either.
        for fix in diagnosis.findings().iter().filter_map(Finding::fix) {
            match fix {
                Fix::SplitKeyAndSecret { api_key, api_secret } => { diagnose(&api_key, &api_secret); }
                Fix::RemoveLabel { value, .. } => { diagnose(&value, &secret); }
                Fix::CheckAsToken { text } => { check_token(&text, Some((&key, &secret))); }
                Fix::ReplaceToken { token } => { check_token(&token, None); }
            }
        }
    }

    #[test]
    fn diagnose_never_panics_on_any_unicode(
        key in prop::collection::vec(any::<char>(), 0..64),
        secret in any::<String>(),
    ) {
        let key: String = key.into_iter().collect();
        diagnose(&key, &secret);
        diagnose(&secret, &key);
    }

    #[test]
    fn check_token_never_panics(
        pasted in pasted_text(),
        key in pasted_text(),
        secret in pasted_text(),
    ) {
        let check = check_token(&pasted, Some((&key, &secret)));
        for finding in check.findings() {
            prop_assert!(!finding.message(Lang::En).is_empty());
            prop_assert!(!finding.message(Lang::Nb).is_empty());
        }
        if check.is_valid() {
            let credentials = check.credentials().expect("valid means credentials");
            prop_assert!(!credentials.api_key.is_empty() && !credentials.api_secret.is_empty());
        }
        check_token(&pasted, None);
    }

    #[test]
    fn check_token_never_panics_on_base64_like_text(pasted in "[A-Za-z0-9+/=_\\- \n\r]{0,48}") {
        check_token(&pasted, None);
    }

    #[test]
    fn check_token_reads_back_every_plain_token(key in "[a-zA-Z0-9._~-]{1,24}", secret in "[!-~]{1,40}") {
        let check = check_token(&secret_token(&key, &secret), Some((&key, &secret)));
        prop_assert!(check.is_valid(), "{:?}", check.findings());
        let credentials = check.credentials().expect("valid");
        prop_assert_eq!(&credentials.api_key, &key);
        prop_assert_eq!(&credentials.api_secret, &secret);
    }

    #[test]
    fn from_utf16_never_panics_and_agrees_with_std(units in prop::collection::vec(any::<u16>(), 0..64)) {
        match (from_utf16(&units), String::from_utf16(&units)) {
            (Ok(ours), Ok(std)) => prop_assert_eq!(ours, std),
            (Err(lone), Err(_)) => {
                prop_assert!(lone.position >= 1 && lone.position <= units.len());
                prop_assert!((0xD800..=0xDFFF).contains(&lone.unit));
                lone.finding(Field::ApiKey).message(Lang::Nb);
            }
            (ours, std) => prop_assert!(false, "{:?} vs {:?}", ours, std.is_ok()),
        }
    }
}
