//! A value with line breaks in a single-line field: what the field shows of it, and how the
//! admin's edits to what is shown carry over to the whole value.
//!
//! A single-line `<input>` cannot hold a line break: the browser drops CR and LF from what it
//! is given (HTML's value sanitization), and joins a pasted wrapped value without a word. The
//! widget keeps such a paste whole instead, so that a key wrapped onto two lines is reported at
//! its line break and a secret copied with its line break is reported as such. The field then
//! shows the value less its line breaks, and the widget maps each later edit of the field onto
//! the whole value, so that nothing typed or pasted is lost and what the field shows is always
//! the whole value less its line breaks.
//!
//! Values are UTF-16 code units, as the browser hands them over (a lone surrogate is kept
//! exactly, to be reported, not replaced).
//!
//! ```
//! use scim_token_core::single_line::{edited, shown};
//!
//! let whole: Vec<u16> = "ab\ncd".encode_utf16().collect();
//! assert_eq!(shown(&whole), "abcd".encode_utf16().collect::<Vec<_>>());
//! // The admin types «e» at the end: the hidden line break stays where it was.
//! let now: Vec<u16> = "abcde".encode_utf16().collect();
//! assert_eq!(String::from_utf16_lossy(&edited(&whole, &now, Some((4, 4)))), "ab\ncde");
//! ```

/// Whether a UTF-16 code unit is one that a single-line input cannot hold (CR or LF).
pub fn is_line_break(unit: u16) -> bool {
    unit == u16::from(b'\n') || unit == u16::from(b'\r')
}

/// Whether `value` holds a line break, which a single-line input would drop.
pub fn has_line_break(value: &[u16]) -> bool {
    value.iter().copied().any(is_line_break)
}

/// What a single-line input shows of `value`: the value less its line breaks.
pub fn shown(value: &[u16]) -> Vec<u16> {
    value
        .iter()
        .copied()
        .filter(|&unit| !is_line_break(unit))
        .collect()
}

/// `whole` after the shown units `start..end` were replaced by `inserted` (a paste, a
/// keystroke, a deletion). `start` and `end` count shown units and are clamped to them.
///
/// Line breaks are hidden, so the edit decides their fate by where it happens:
/// - inside the shown text, the line breaks that stand between replaced characters go with
///   them, and the others stay where they are (text typed next to a hidden line break goes
///   on the side of the character it follows);
/// - at either end of the shown text, an edit that reaches the end takes the line breaks
///   beyond it too: typing after a secret pasted with its line break leaves the secret and
///   what was typed, as the field shows, and a value replaced in full is replaced in full.
///
/// `inserted` is taken as it is, line breaks included (a paste keeps them).
///
/// ```
/// use scim_token_core::single_line::replaced;
///
/// let units = |text: &str| text.encode_utf16().collect::<Vec<u16>>();
/// let text = |units: Vec<u16>| String::from_utf16(&units).unwrap();
/// // A paste with a line break after typed characters.
/// assert_eq!(text(replaced(&units("KEY"), 3, 3, &units("MORE\r\n"))), "KEYMORE\r\n");
/// // Typing after a value pasted with its line break.
/// assert_eq!(text(replaced(&units("abc\n"), 3, 3, &units("d"))), "abcd");
/// // Selecting everything and pasting a clean value.
/// assert_eq!(text(replaced(&units("\nab\ncd\n"), 0, 4, &units("xy"))), "xy");
/// ```
pub fn replaced(whole: &[u16], start: usize, end: usize, inserted: &[u16]) -> Vec<u16> {
    // Where each shown unit stands in `whole`.
    let at: Vec<usize> = (0..whole.len())
        .filter(|&index| !is_line_break(whole[index]))
        .collect();
    let count = at.len();
    let end = end.min(count);
    let start = start.min(end);
    let from = if start == 0 {
        0
    } else if start < end {
        at[start]
    } else {
        at[start - 1] + 1
    };
    let to = if end == count {
        whole.len()
    } else if start < end {
        at[end - 1] + 1
    } else if start == 0 {
        at[0]
    } else {
        from
    };
    let mut result = Vec::with_capacity(whole.len() - (to - from) + inserted.len());
    result.extend_from_slice(&whole[..from]);
    result.extend_from_slice(inserted);
    result.extend_from_slice(&whole[to..]);
    result
}

/// `whole` after the admin edited the field that showed it, which now shows `now`;
/// `selected` is the field's selection (or caret) just before the edit, where the browser
/// told it.
///
/// An edit that put text in place of the selection (typing, pasting or dropping over it, or at
/// the caret) is taken as that, exactly; any other (a deletion, a browser that did not tell)
/// as the one run of shown units that changed: the longest common start and end of what was
/// shown and what is shown now. Either way it is applied with [`replaced`]. A field emptied by
/// the admin empties the value, hidden line breaks and all. Without the selection, a run is
/// ambiguous where a character is typed beside the same character (it is taken at its latest
/// place), or where a selection is replaced by text that starts or ends as it did.
///
/// ```
/// use scim_token_core::single_line::edited;
///
/// let units = |text: &str| text.encode_utf16().collect::<Vec<u16>>();
/// // «abcd» (a wrapped key, «ab⏎cd») selected whole and pasted over with «abcd»: the hidden
/// // line break goes with what it stood in.
/// let after = edited(&units("ab\ncd"), &units("abcd"), Some((0, 4)));
/// assert_eq!(String::from_utf16(&after).unwrap(), "abcd");
/// ```
pub fn edited(whole: &[u16], now: &[u16], selected: Option<(usize, usize)>) -> Vec<u16> {
    if now.is_empty() {
        return Vec::new();
    }
    let before = shown(whole);
    if let Some((start, end)) = selected.filter(|&(start, end)| start <= end && end <= before.len())
    {
        // What stands after the selection keeps its distance from the end. A selection typed
        // or pasted over with the same text is an edit too: it takes the hidden line breaks
        // it held.
        let after = before.len() - end;
        if (start < end || before != now)
            && now.len() >= start + after
            && now[..start] == before[..start]
            && now[now.len() - after..] == before[end..]
        {
            return replaced(whole, start, end, &now[start..now.len() - after]);
        }
    }
    if before == now {
        return whole.to_vec();
    }
    let common_start = before
        .iter()
        .zip(now)
        .take_while(|(was, is)| was == is)
        .count();
    let room = before.len().min(now.len()) - common_start;
    let common_end = before
        .iter()
        .rev()
        .zip(now.iter().rev())
        .take(room)
        .take_while(|(was, is)| was == is)
        .count();
    replaced(
        whole,
        common_start,
        before.len() - common_end,
        &now[common_start..now.len() - common_end],
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn units(text: &str) -> Vec<u16> {
        text.encode_utf16().collect()
    }

    fn text(units: &[u16]) -> String {
        String::from_utf16(units).expect("test values are whole characters")
    }

    #[test]
    fn the_field_shows_the_value_less_its_line_breaks() {
        assert_eq!(text(&shown(&units("\r\nab\ncd\r\n"))), "abcd");
        assert!(has_line_break(&units("ab\r")));
        assert!(!has_line_break(&units("ab\u{2028}")));
    }

    #[test]
    fn typing_after_a_secret_pasted_with_its_line_break_keeps_the_secret() {
        // The admin's path from issue 23: paste «SECRETNL⏎», then type «Z».
        assert_eq!(
            text(&edited(&units("SECRETNL\n"), &units("SECRETNLZ"), None)),
            "SECRETNLZ"
        );
        assert_eq!(
            text(&edited(&units("KEY1MORE\r\n"), &units("KEY1MOREK"), None)),
            "KEY1MOREK"
        );
    }

    #[test]
    fn a_line_break_inside_stays_where_it_was_until_its_neighbours_go() {
        let whole = units("ab\ncd");
        assert_eq!(text(&edited(&whole, &units("abcdX"), None)), "ab\ncdX");
        assert_eq!(text(&edited(&whole, &units("Xabcd"), None)), "Xab\ncd");
        // At either end, the hidden line breaks beyond the typing go.
        assert_eq!(
            text(&edited(&units("\nab\n"), &units("Xab"), None)),
            "Xab\n"
        );
        assert_eq!(
            text(&edited(&units("\nab\n"), &units("abX"), None)),
            "\nabX"
        );
        // Typed right after «b»: on «b»'s side of the line break.
        assert_eq!(text(&edited(&whole, &units("abXcd"), None)), "abX\ncd");
        // Backspace over «b», Delete of «c»: the line break stays between what is left.
        assert_eq!(text(&edited(&whole, &units("acd"), None)), "a\ncd");
        assert_eq!(text(&edited(&whole, &units("abd"), None)), "ab\nd");
        // A selection over it, replaced: it goes with the characters around it.
        assert_eq!(text(&edited(&whole, &units("aXd"), None)), "aXd");
    }

    #[test]
    fn with_the_selection_an_edit_over_it_is_taken_exactly() {
        let whole = units("ab\ncde");
        // All selected and pasted over with text that starts as it did, or the same text.
        assert_eq!(text(&edited(&whole, &units("abcd"), Some((0, 5)))), "abcd");
        assert_eq!(
            text(&edited(&whole, &units("abcde"), Some((0, 5)))),
            "abcde"
        );
        assert_eq!(
            text(&edited(&whole, &units("abcde"), Some((2, 2)))),
            "ab\ncde"
        );
        assert_eq!(text(&edited(&whole, &units("abcd"), None)), "ab\ncd");
        // «b» selected over the line break's side and typed over with «b» and more.
        assert_eq!(
            text(&edited(&whole, &units("abbcde"), Some((1, 2)))),
            "abb\ncde"
        );
        // A character typed beside the same character, at a caret the browser told.
        let twin = units("ab\nbc");
        assert_eq!(
            text(&edited(&twin, &units("abbbc"), Some((1, 1)))),
            "abb\nbc"
        );
        assert_eq!(text(&edited(&twin, &units("abbbc"), None)), "ab\nbbc");
        // A selection that does not fit what happened (a deletion) falls back to the run.
        assert_eq!(
            text(&edited(&whole, &units("acde"), Some((2, 2)))),
            "a\ncde"
        );
        assert_eq!(
            text(&edited(&whole, &units("abcde!"), Some((9, 12)))),
            "ab\ncde!"
        );
    }

    #[test]
    fn a_field_emptied_or_replaced_in_full_holds_only_the_new_text() {
        assert_eq!(edited(&units("\nabc\n"), &[], None), Vec::<u16>::new());
        assert_eq!(
            text(&edited(&units("\nab\ncd\n"), &units("xyz"), None)),
            "xyz"
        );
        assert_eq!(text(&edited(&units("\n\r\n"), &units("x"), None)), "x");
    }

    #[test]
    fn a_paste_keeps_its_own_line_breaks() {
        assert_eq!(
            text(&replaced(&units("KEY1"), 4, 4, &units("MOREKEY\n"))),
            "KEY1MOREKEY\n"
        );
        assert_eq!(
            text(&replaced(&units("ab\ncd"), 1, 3, &units("X\r\nY"))),
            "aX\r\nYd"
        );
        // Offsets past the end are clamped.
        assert_eq!(text(&replaced(&units("ab"), 9, 9, &units("\n"))), "ab\n");
    }

    #[test]
    fn a_surrogate_pair_split_by_the_edit_is_put_back_whole() {
        let whole = units("😀\n");
        let now = units("😁");
        assert_eq!(text(&edited(&whole, &now, None)), "😁");
    }

    fn value() -> impl Strategy<Value = Vec<u16>> {
        proptest::collection::vec(
            prop_oneof![
                Just(0x0A_u16),
                Just(0x0D),
                Just(0x61),
                Just(0x62),
                any::<u16>()
            ],
            0..24,
        )
    }

    proptest! {
        #[test]
        fn the_field_always_shows_the_edited_value_less_its_line_breaks(
            whole in value(),
            now in proptest::collection::vec(any::<u16>(), 0..24)
                .prop_map(|units| shown(&units)),
        ) {
            prop_assert_eq!(shown(&edited(&whole, &now, None)), now);
        }

        #[test]
        fn with_any_selection_the_field_shows_the_edited_value_less_its_line_breaks(
            whole in value(),
            now in proptest::collection::vec(any::<u16>(), 0..24)
                .prop_map(|units| shown(&units)),
            start in 0usize..30,
            length in 0usize..30,
        ) {
            prop_assert_eq!(shown(&edited(&whole, &now, Some((start, start + length)))), now);
        }

        #[test]
        fn a_selection_replaced_is_replaced_exactly(
            whole in value(),
            start in 0usize..30,
            length in 0usize..30,
            inserted in value().prop_map(|units| shown(&units)),
        ) {
            let before = shown(&whole);
            let end = (start + length).min(before.len());
            let start = start.min(end);
            let mut now = before[..start].to_vec();
            now.extend_from_slice(&inserted);
            now.extend_from_slice(&before[end..]);
            prop_assume!(!now.is_empty() && now != before);
            prop_assert_eq!(
                edited(&whole, &now, Some((start, end))),
                replaced(&whole, start, end, &inserted)
            );
        }

        #[test]
        fn an_unchanged_field_leaves_the_value_as_it_was(whole in value()) {
            let now = shown(&whole);
            prop_assume!(!now.is_empty());
            prop_assert_eq!(edited(&whole, &now, None), whole);
        }

        #[test]
        fn a_replacement_changes_only_the_replaced_units(
            whole in value(),
            start in 0usize..30,
            length in 0usize..30,
            inserted in value(),
        ) {
            let before = shown(&whole);
            let end = (start + length).min(before.len());
            let start = start.min(end);
            let result = replaced(&whole, start, end, &inserted);
            let mut expected = before[..start].to_vec();
            expected.extend(shown(&inserted));
            expected.extend_from_slice(&before[end..]);
            prop_assert_eq!(shown(&result), expected);
        }
    }
}
