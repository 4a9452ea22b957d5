//! CStr, ConvertToBase64, ConvertToUTF8Hex, BitAnd and Redact: a value written another way.

use base64::Engine as _;

use crate::budget::Budget;

use super::args::{single, text, value, whole, Input, Outcome};
use super::error::{unstated, Unstated};
use super::value::Value;

/// CStr(value): .NET's `Convert.ToString(value, CultureInfo.InvariantCulture)` for text,
/// numbers (`Int64.ToString`) and booleans (`True`, `False`); a date as the reference prints
/// dates, `M/d/yyyy h:mm:ss tt`.
pub(super) fn c_str(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    match single(value(inputs, 0)?, 1)? {
        Some(text) => Ok(Value::Text(text)),
        None => unstated(Unstated::NullArgument { index: 1 }),
    }
}

/// ConvertToBase64(source): `Convert.ToBase64String(Encoding.Unicode.GetBytes(source))`, the
/// reference's «Unicode base64 string»: the UTF-16 little-endian bytes, in base64.
pub(super) fn convert_to_base64(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    let units = source.encode_utf16().count();
    let bytes = units.saturating_mul(2);
    budget.fits(bytes.div_ceil(3).saturating_mul(4))?;
    let utf16le: Vec<u8> = source.encode_utf16().flat_map(u16::to_le_bytes).collect();
    Ok(Value::Text(
        base64::engine::general_purpose::STANDARD.encode(utf16le),
    ))
}

/// ConvertToUTF8Hex(source): the UTF-8 bytes in upper-case hexadecimal, two digits each, as
/// the reference's example gives («48656C6C6F20776F726C6421» for «Hello world!»):
/// `BitConverter.ToString(Encoding.UTF8.GetBytes(source)).Replace("-", "")`.
pub(super) fn convert_to_utf8_hex(inputs: &[Input], budget: &mut Budget) -> Outcome {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let source = text(inputs, 0)?;
    budget.fits(source.len().saturating_mul(2))?;
    let mut hex = String::with_capacity(source.len() * 2);
    for byte in source.bytes() {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0xF)]));
    }
    Ok(Value::Text(hex))
}

/// BitAnd(value1, value2): the bits set in both, of two whole numbers (`&H` hexadecimal
/// constants, decimal ones, or attribute values written in decimal digits), as .NET's
/// `Int64` `&` gives them.
pub(super) fn bit_and(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Number(whole(inputs, 0)? & whole(inputs, 1)?))
}

/// Redact(value): the value flows on unchanged; only the provisioning logs show «[Redact]».
pub(super) fn redact(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(value(inputs, 0)?.clone())
}
