//! The options a host gives the widget, listed once: each one's element attribute, `mount()`
//! option and the type hosts may give it.
//!
//! The web layer reads `mount()` options by these names; the embed module's attribute table
//! (`static/embed/options.js`) is generated from [`WidgetOption::ALL`], and the module's types
//! (`static/scim-token-widget.d.ts`) and the reference (`docs/embedding.md`) are checked
//! against it (`crates/core/tests/options.rs`), so an option added here is added everywhere or
//! the test command says where it is missing.

/// An option of the element and of `mount()`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WidgetOption {
    /// The «Tenant URL» shown.
    TenantUrl,
    /// An API key to put in the field.
    ApiKey,
    /// The language.
    Lang,
    /// The numbered Entra steps.
    ShowSteps,
    /// Seconds without input before everything is cleared.
    AutoClearSeconds,
    /// The English/Norsk buttons.
    LanguageSwitch,
    /// «Map organisation levels» and «Try an expression».
    ShowMapping,
    /// «Before you start» and «After you save».
    SetupGuide,
    /// The title's heading level.
    HeadingLevel,
}

/// What a host may give an option in `mount()` (an attribute is always a string).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OptionType {
    /// A string.
    Text,
    /// Yes or no: a boolean, or `"true"`, `""` or `"false"` ([`crate::config::yes_no`]).
    YesNo,
    /// A whole number, or a string of one.
    Number,
}

impl OptionType {
    /// The type in TypeScript, as the module's types declare it.
    pub const fn typescript(self) -> &'static str {
        match self {
            OptionType::Text => "string",
            OptionType::YesNo => "boolean | string",
            OptionType::Number => "number | string",
        }
    }
}

impl WidgetOption {
    /// Every option, in the order the reference lists them.
    pub const ALL: [WidgetOption; 9] = [
        WidgetOption::TenantUrl,
        WidgetOption::ApiKey,
        WidgetOption::Lang,
        WidgetOption::ShowSteps,
        WidgetOption::AutoClearSeconds,
        WidgetOption::LanguageSwitch,
        WidgetOption::ShowMapping,
        WidgetOption::SetupGuide,
        WidgetOption::HeadingLevel,
    ];

    /// The element's attribute, as hosts write it in markup.
    pub const fn attribute(self) -> &'static str {
        match self {
            WidgetOption::TenantUrl => "tenant-url",
            WidgetOption::ApiKey => "api-key",
            WidgetOption::Lang => "lang",
            WidgetOption::ShowSteps => "show-steps",
            WidgetOption::AutoClearSeconds => "auto-clear-seconds",
            WidgetOption::LanguageSwitch => "language-switch",
            WidgetOption::ShowMapping => "show-mapping",
            WidgetOption::SetupGuide => "setup-guide",
            WidgetOption::HeadingLevel => "heading-level",
        }
    }

    /// The `mount()` option, as hosts write it in JavaScript.
    pub const fn option(self) -> &'static str {
        match self {
            WidgetOption::TenantUrl => "tenantUrl",
            WidgetOption::ApiKey => "apiKey",
            WidgetOption::Lang => "lang",
            WidgetOption::ShowSteps => "showSteps",
            WidgetOption::AutoClearSeconds => "autoClearSeconds",
            WidgetOption::LanguageSwitch => "languageSwitch",
            WidgetOption::ShowMapping => "showMapping",
            WidgetOption::SetupGuide => "setupGuide",
            WidgetOption::HeadingLevel => "headingLevel",
        }
    }

    /// What a host may give it in `mount()`.
    pub const fn option_type(self) -> OptionType {
        match self {
            WidgetOption::TenantUrl | WidgetOption::ApiKey | WidgetOption::Lang => OptionType::Text,
            WidgetOption::ShowSteps
            | WidgetOption::LanguageSwitch
            | WidgetOption::ShowMapping
            | WidgetOption::SetupGuide => OptionType::YesNo,
            WidgetOption::AutoClearSeconds | WidgetOption::HeadingLevel => OptionType::Number,
        }
    }
}

/// `static/embed/options.js`, the embed module's table of attributes, as made from
/// [`WidgetOption::ALL`].
pub fn embed_module_table() -> String {
    let mut table = String::from(
        "// Made from crates/core/src/options.rs, the one list of the widget's options, by\n\
         // `UPDATE_GENERATED=1 cargo test -p scim-token-core --test options`; the test command\n\
         // checks that this file is what that list makes.\n\
         \n\
         /** Attribute → mount() option. All are live: changing one updates the widget. */\n\
         export const ATTRIBUTES = {\n",
    );
    for option in WidgetOption::ALL {
        let attribute = option.attribute();
        let key = if attribute.contains('-') {
            format!("'{attribute}'")
        } else {
            attribute.to_owned()
        };
        table.push_str(&format!("  {key}: '{}',\n", option.option()));
    }
    table.push_str("};\n");
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_is_the_option_in_kebab_case() {
        for option in WidgetOption::ALL {
            let kebab: String = option
                .option()
                .chars()
                .flat_map(|c| {
                    let lower = c.to_ascii_lowercase();
                    (c.is_ascii_uppercase().then_some('-'))
                        .into_iter()
                        .chain([lower])
                })
                .collect();
            assert_eq!(option.attribute(), kebab, "{option:?}");
        }
    }
}
