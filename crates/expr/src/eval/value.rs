//! The values an expression works with ([`Value`]) and the sample user's attributes it reads
//! them from ([`Attributes`]).

use crate::datetime::DateTime;

/// A value an expression works with.
///
/// ```
/// use scim_token_expr::Value;
///
/// assert_eq!(Value::from("Sales").as_text(), Some("Sales"));
/// assert_eq!(Value::Number(5).to_string(), "5");
/// assert_eq!(Value::Null.as_text(), None);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Value {
    /// No value: an attribute the user does not have.
    Null,
    /// A single string.
    Text(String),
    /// A number, as InStr returns.
    Number(i64),
    /// A multi-valued attribute such as `proxyAddresses`, or what Split returns.
    List(Vec<String>),
    /// A boolean, as CBool, Not and the Is… functions return; .NET prints it `True` or `False`.
    Bool(bool),
    /// A date and time in UTC, as CDate, DateAdd, DateFromNum and Now return.
    Date(DateTime),
    /// IgnoreFlowIfNullOrEmpty's answer for a null or empty value: Entra leaves the target
    /// attribute out of the provisioning flow.
    LeftOutOfFlow,
}

impl Value {
    /// The string, if this is a single string.
    ///
    /// ```
    /// use scim_token_expr::Value;
    /// assert_eq!(Value::List(vec!["a".into()]).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl std::fmt::Display for Value {
    /// The text of a single value, the number in decimal, a list's values one per line, a
    /// boolean as `True` or `False`, a date as `M/d/yyyy h:mm:ss tt`, and nothing for no value
    /// or for an attribute left out of the flow. Telling those apart is the caller's job.
    ///
    /// ```
    /// use scim_token_expr::{DateTime, Value};
    /// assert_eq!(Value::Bool(false).to_string(), "False");
    /// let date = DateTime::from_parts(2021, 7, 2, 15, 33, 38).unwrap();
    /// assert_eq!(Value::Date(date).to_string(), "7/2/2021 3:33:38 PM");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null | Value::LeftOutOfFlow => Ok(()),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Date(date) => date.fmt(f),
            Value::Text(text) => f.write_str(text),
            Value::Number(n) => write!(f, "{n}"),
            Value::List(items) => f.write_str(&items.join("\n")),
        }
    }
}

/// The source object's attribute values. An attribute that is not set is [`Value::Null`].
/// Names are case-sensitive, as in expressions.
///
/// ```
/// use scim_token_expr::{Attributes, Value};
///
/// let attributes = Attributes::new()
///     .with("department", "Contoso > Sales")
///     .with("proxyAddresses", Value::List(vec!["SMTP:a@contoso.com".into()]));
/// assert_eq!(attributes.get("department").as_text(), Some("Contoso > Sales"));
/// assert_eq!(attributes.get("Department"), &Value::Null);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Attributes {
    /// Sorted by name. A sorted vector rather than a map: an expression reads a few attributes,
    /// and the map's code would be most of the collection code in the worker's wasm.
    values: Vec<(String, Value)>,
}

static NULL: Value = Value::Null;

impl Attributes {
    /// No attributes at all.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// assert_eq!(Attributes::new().get("mail"), &Value::Null);
    /// ```
    pub fn new() -> Attributes {
        Attributes::default()
    }

    /// These attributes and one more.
    ///
    /// ```
    /// use scim_token_expr::Attributes;
    /// let attributes = Attributes::new().with("givenName", "Zoë");
    /// assert_eq!(attributes.get("givenName").as_text(), Some("Zoë"));
    /// ```
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Attributes {
        self.set(name, value.into());
        self
    }

    /// Sets one attribute; [`Value::Null`] removes it.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// let mut attributes = Attributes::new();
    /// attributes.set("mail", Value::from("a@contoso.com"));
    /// attributes.set("mail", Value::Null);
    /// assert_eq!(attributes, Attributes::new());
    /// ```
    pub fn set(&mut self, name: &str, value: Value) {
        match (self.find(name), value) {
            (Ok(at), Value::Null) => {
                self.values.remove(at);
            }
            (Err(_), Value::Null) => {}
            (Ok(at), value) => self.values[at].1 = value,
            (Err(at), value) => self.values.insert(at, (name.to_owned(), value)),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.values
            .binary_search_by(|(other, _)| other.as_str().cmp(name))
    }

    /// The attribute's value, [`Value::Null`] if it is not set.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// assert_eq!(Attributes::new().with("c", "NO").get("c"), &Value::from("NO"));
    /// ```
    pub fn get(&self, name: &str) -> &Value {
        self.find(name).map_or(&NULL, |at| &self.values[at].1)
    }
}
