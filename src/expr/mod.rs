//! Microsoft Entra ID attribute-mapping expressions: parse them and print them.
//!
//! Everything here follows the facts in Microsoft's "Reference for writing expressions for
//! attribute mappings in Microsoft Entra ID" and nothing more.
//!
//! - [`parse`] and `Display` for [`Expr`]: text ↔ syntax tree, with positions for errors.
//!
//! ```
//! use scim_token_widget::expr::parse;
//!
//! let text = r#"Replace([mail], "@contoso.com", , , "", , )"#;
//! assert_eq!(parse(text).unwrap().to_string(), text);
//! ```

mod parser;

pub use parser::{
    is_attribute_char, is_name, parse, Arg, Call, CompareOp, Comparison, Expr, ParseError,
    ParseErrorKind, MAX_NESTING,
};
