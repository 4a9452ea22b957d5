//! The languages the widget speaks, and how one is chosen. Everything that depends on the
//! language (the messages in [`crate::i18n`], the host's `lang` in [`crate::config`]) names a [`Lang`].

/// A language the widget is written in.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Norwegian Bokmål.
    Nb,
}

impl Lang {
    /// Every language, in the order a language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nb];

    /// The language's name in itself, for a language switch.
    ///
    /// ```
    /// use scim_token_core::i18n::Lang;
    /// assert_eq!(Lang::Nb.own_name(), "Norsk");
    /// ```
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nb => "Norsk",
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    ///
    /// ```
    /// use scim_token_core::i18n::Lang;
    /// assert_eq!(Lang::Nb.tag(), "nb");
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        }
    }

    /// Picks a language from a BCP 47 tag: `nb`, `no` and `nn` (any region) mean Norwegian,
    /// `en` English; anything else is not one of ours.
    ///
    /// ```
    /// use scim_token_core::i18n::Lang;
    /// assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
    /// assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if ["nb", "no", "nn"]
            .iter()
            .any(|n| primary.eq_ignore_ascii_case(n))
        {
            Some(Lang::Nb)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first of the user's preferred languages that we speak, else English.
    ///
    /// ```
    /// use scim_token_core::i18n::Lang;
    /// assert_eq!(Lang::negotiate(["de-DE", "nn", "en"]), Lang::Nb);
    /// assert_eq!(Lang::negotiate(["fr"]), Lang::En);
    /// ```
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }
}
