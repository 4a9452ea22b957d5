//! Every user-visible string, in every language the widget speaks.
//!
//! Components never hold string literals: they name a [`Text`] and ask for it in the current
//! [`Lang`]. Adding a message means adding it for every language, which the exhaustive `match`
//! enforces at compile time. Messages that carry data (what [`crate::diagnose`] found) are
//! built in [`findings`] from that data, never at the call site. The expression helper's
//! labels and error messages are in [`expr`].

mod config;
#[cfg(feature = "directory-messages")]
pub mod directory;
pub mod expr;
pub mod findings;

pub use crate::lang::Lang;

/// A fixed message. Each variant reads as the situation it is shown in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[expect(
    missing_docs,
    reason = "the English text in `in_lang` is each variant's documentation"
)]
pub enum Text {
    Title,
    Intro,
    ApiKey,
    ApiSecret,
    SecretToken,
    TenantUrl,
    Show,
    Hide,
    ShowApiSecret,
    HideApiSecret,
    ShowSecretToken,
    HideSecretToken,
    CopySecretToken,
    CopyTenantUrl,
    SecretTokenCopied,
    TenantUrlCopied,
    CopyFailed,
    MissingKeyAndSecret,
    MissingKey,
    MissingSecret,
    FixToMakeToken,
    SecretHasNonAscii,
    CheckToken,
    CheckTokenIntro,
    TokenToCheck,
    ShowTokenToCheck,
    HideTokenToCheck,
    CheckedKey,
    CheckedSecret,
    ShowCheckedSecret,
    HideCheckedSecret,
    StepsHeading,
    StepCreateKey,
    StepOpenProvisioning,
    StepTenantUrl,
    StepSecretToken,
    StepTestAndSave,
    StepTurnOn,
    PrivacyNote,
    Clear,
    Cleared,
    ClearedAfterIdle,
    ClearedClipboardEmptied,
    ClearedAfterIdleClipboardEmptied,
    ClearedClipboardKept,
    ClearPending,
    KeepInput,
    Crashed,
    Language,
    LanguageSwitched,
    MapHeading,
    PlaygroundHeading,
    HelperLoadFailed,
    BeforeYouStart,
    BeforeDesignatedUser,
    BeforeUsersAndGroups,
    BeforeSeparateApplication,
    AfterYouSave,
    AfterNotImmediate,
    AfterHideSeparateApplication,
    AfterRestartProvisioning,
    AfterLeaveDataOut,
    SeeRestartInAfterYouSave,
}

impl Text {
    /// The message in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{Lang, Text};
    /// assert_eq!(Text::ApiKey.in_lang(Lang::En), "API key");
    /// assert_eq!(Text::ApiKey.in_lang(Lang::Nb), "API-nøkkel");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Nb => self.nb(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Secret token for Microsoft Entra ID",
            Text::Intro => "Make the «Secret Token» that lets Microsoft Entra ID provision users to Secure Practice. Everything happens on this device: nothing you type leaves the browser.",
            Text::ApiKey => "API key",
            Text::ApiSecret => "API secret",
            Text::SecretToken => "Secret token",
            Text::TenantUrl => "Tenant URL",
            Text::Show => "Show",
            Text::Hide => "Hide",
            Text::ShowApiSecret => "Show API secret",
            Text::HideApiSecret => "Hide API secret",
            Text::ShowSecretToken => "Show secret token",
            Text::HideSecretToken => "Hide secret token",
            Text::CopySecretToken => "Copy secret token",
            Text::CopyTenantUrl => "Copy tenant URL",
            Text::SecretTokenCopied => "Secret token copied. Paste it into «Secret Token» in Entra.",
            Text::TenantUrlCopied => "Tenant URL copied. Paste it into «Tenant URL» in Entra.",
            Text::CopyFailed => "Could not copy automatically. The text is selected: press Ctrl+C (⌘C on a Mac).",
            Text::MissingKeyAndSecret => "Enter the API key and the API secret to make the token.",
            Text::MissingKey => "Enter the API key too.",
            Text::MissingSecret => "Enter the API secret too.",
            Text::FixToMakeToken => "No token yet: fix the errors marked above.",
            Text::SecretHasNonAscii => "The API secret contains characters outside ASCII. They are encoded as UTF-8; show the secret to see which.",
            Text::CheckToken => "Check a token",
            Text::CheckTokenIntro => "Paste a secret token you already have (with or without «Bearer»), to see what it holds and whether it matches the fields above.",
            Text::TokenToCheck => "Token to check",
            Text::ShowTokenToCheck => "Show token to check",
            Text::HideTokenToCheck => "Hide token to check",
            Text::CheckedKey => "API key in the token",
            Text::CheckedSecret => "API secret in the token",
            Text::ShowCheckedSecret => "Show the secret in the token",
            Text::HideCheckedSecret => "Hide the secret in the token",
            Text::StepsHeading => "Connect Entra ID in six steps",
            Text::StepCreateKey => "In the Secure Practice portal, open Settings → «SECURITY» → «API access» and choose «Create API key». Paste the key and the secret here.",
            Text::StepOpenProvisioning => "In the Microsoft Entra admin center, open the Secure Practice enterprise application, then «Provisioning» → «Get started», and set «Provisioning Mode» to «Automatic».",
            Text::StepTenantUrl => "Under «Admin Credentials», paste this into «Tenant URL».",
            Text::StepSecretToken => "Paste this into «Secret Token».",
            Text::StepTestAndSave => "Select «Test Connection». When it succeeds, select «Save».",
            Text::StepTurnOn => "Set «Provisioning Status» to «On», choose the scope «Selected users and groups», and save.",
            Text::PrivacyNote => "Made on this device. Nothing is sent anywhere.",
            Text::Clear => "Clear",
            Text::Cleared => "Cleared. Nothing you typed is kept.",
            Text::ClearedAfterIdle => "Cleared because nothing was typed for a while. Nothing you typed is kept.",
            Text::ClearedClipboardEmptied => "Cleared, and the clipboard emptied (the widget had copied the secret token to it). Nothing you typed is kept.",
            Text::ClearedAfterIdleClipboardEmptied => "Cleared because nothing was typed for a while, and the clipboard emptied (the widget had copied the secret token to it). Nothing you typed is kept.",
            Text::ClearedClipboardKept => "Cleared. Nothing you typed is kept, but this browser did not let the widget empty the clipboard: it may still hold the secret token the widget copied. Copy something else to replace it.",
            Text::ClearPending => "Nothing has been typed for a while, so the fields will be cleared soon.",
            Text::KeepInput => "Keep my input",
            Text::Language => "Language",
            Text::LanguageSwitched => "Language: English.",
            Text::MapHeading => "Map organisation levels",
            Text::PlaygroundHeading => "Try an expression",
            Text::HelperLoadFailed => "This part could not be loaded, so it is not shown. Nothing was sent anywhere. Reload the page to try again.",
            Text::BeforeYouStart => "Before you start",
            Text::BeforeDesignatedUser => "Create the API key while signed in to the Secure Practice portal as a designated admin user, not a personal account: the connection then keeps working when people leave.",
            Text::BeforeUsersAndGroups => "In Entra, open the Secure Practice enterprise application → «Users and groups» → «Add user/group», choose the users and groups to synchronize, and select «Assign». You can change this later.",
            Text::BeforeSeparateApplication => "If «Get started» under «Provisioning» cannot be selected, Entra may not allow provisioning in your existing single sign-on application. Create another enterprise application just for provisioning, and hide it from users afterwards.",
            Text::AfterYouSave => "After you save",
            Text::AfterNotImmediate => "Synchronization is not immediate: Entra runs it at intervals, several times a day. To check the data now, select «Provision on demand», choose one user, and review what is sent.",
            Text::AfterHideSeparateApplication => "If you created a separate application for provisioning, open its «Properties», set «Enabled for users to sign-in?» and «Visible to users?» to «No», and select «Save».",
            Text::AfterRestartProvisioning => "After any change to the attribute mappings, select «Restart provisioning» in the «Provisioning» toolbar.",
            Text::AfterLeaveDataOut => "To keep data out of the sync (mobile numbers, for example), open «Provisioning» → «Edit attribute mappings» and remove or edit that attribute's mapping.",
            Text::SeeRestartInAfterYouSave => "See point 3 of «After you save».",
            Text::Crashed => "Something went wrong and the widget stopped. Nothing was sent anywhere. Reload the page to start again.",
        }
    }

    fn nb(self) -> &'static str {
        match self {
            Text::Title => "Hemmelig token for Microsoft Entra ID",
            Text::Intro => "Lag «Secret Token» som lar Microsoft Entra ID klargjøre brukere i Secure Practice. Alt skjer på denne enheten: ingenting du skriver, forlater nettleseren.",
            Text::ApiKey => "API-nøkkel",
            Text::ApiSecret => "API-hemmelighet",
            Text::SecretToken => "Hemmelig token",
            Text::TenantUrl => "Tenant-URL",
            Text::Show => "Vis",
            Text::Hide => "Skjul",
            Text::ShowApiSecret => "Vis API-hemmeligheten",
            Text::HideApiSecret => "Skjul API-hemmeligheten",
            Text::ShowSecretToken => "Vis det hemmelige tokenet",
            Text::HideSecretToken => "Skjul det hemmelige tokenet",
            Text::CopySecretToken => "Kopier hemmelig token",
            Text::CopyTenantUrl => "Kopier tenant-URL",
            Text::SecretTokenCopied => "Hemmelig token er kopiert. Lim det inn i «Secret Token» i Entra.",
            Text::TenantUrlCopied => "Tenant-URL er kopiert. Lim den inn i «Tenant URL» i Entra.",
            Text::CopyFailed => "Kunne ikke kopiere automatisk. Teksten er merket: trykk Ctrl+C (⌘C på Mac).",
            Text::MissingKeyAndSecret => "Skriv inn API-nøkkelen og API-hemmeligheten for å lage tokenet.",
            Text::MissingKey => "Skriv inn API-nøkkelen også.",
            Text::MissingSecret => "Skriv inn API-hemmeligheten også.",
            Text::FixToMakeToken => "Ingen token ennå: rett feilene som er merket over.",
            Text::SecretHasNonAscii => "API-hemmeligheten inneholder tegn utenfor ASCII. De kodes som UTF-8; vis hemmeligheten for å se hvilke.",
            Text::CheckToken => "Sjekk et token",
            Text::CheckTokenIntro => "Lim inn et hemmelig token du allerede har (med eller uten «Bearer») for å se hva det inneholder, og om det stemmer med feltene over.",
            Text::TokenToCheck => "Token som skal sjekkes",
            Text::ShowTokenToCheck => "Vis tokenet som skal sjekkes",
            Text::HideTokenToCheck => "Skjul tokenet som skal sjekkes",
            Text::CheckedKey => "API-nøkkel i tokenet",
            Text::CheckedSecret => "API-hemmelighet i tokenet",
            Text::ShowCheckedSecret => "Vis hemmeligheten i tokenet",
            Text::HideCheckedSecret => "Skjul hemmeligheten i tokenet",
            Text::StepsHeading => "Koble til Entra ID i seks steg",
            Text::StepCreateKey => "I Secure Practice-portalen åpner du Innstillinger → «SIKKERHET» → «API-tilgang» og velger «Opprett API-nøkkel». Lim inn nøkkelen og hemmeligheten her.",
            Text::StepOpenProvisioning => "I Microsoft Entra administrasjonssenter åpner du bedriftsapplikasjonen for Secure Practice, deretter «Provisioning» → «Get started», og setter «Provisioning Mode» til «Automatic».",
            Text::StepTenantUrl => "Under «Admin Credentials» limer du inn dette i «Tenant URL».",
            Text::StepSecretToken => "Lim inn dette i «Secret Token».",
            Text::StepTestAndSave => "Velg «Test Connection». Når testen lykkes, velger du «Save».",
            Text::StepTurnOn => "Sett «Provisioning Status» til «On», velg omfanget «Selected users and groups», og lagre.",
            Text::PrivacyNote => "Laget på denne enheten. Ingenting sendes noe sted.",
            Text::Clear => "Tøm",
            Text::Cleared => "Tømt. Ingenting du skrev, er tatt vare på.",
            Text::ClearedAfterIdle => "Tømt fordi ingenting ble skrevet på en stund. Ingenting du skrev, er tatt vare på.",
            Text::ClearedClipboardEmptied => "Tømt, og utklippstavlen er tømt (widgeten hadde kopiert det hemmelige tokenet dit). Ingenting du skrev, er tatt vare på.",
            Text::ClearedAfterIdleClipboardEmptied => "Tømt fordi ingenting ble skrevet på en stund, og utklippstavlen er tømt (widgeten hadde kopiert det hemmelige tokenet dit). Ingenting du skrev, er tatt vare på.",
            Text::ClearedClipboardKept => "Tømt. Ingenting du skrev, er tatt vare på, men denne nettleseren lot ikke widgeten tømme utklippstavlen: den kan fortsatt inneholde det hemmelige tokenet widgeten kopierte. Kopier noe annet for å erstatte det.",
            Text::ClearPending => "Ingenting er skrevet på en stund, så feltene tømmes snart.",
            Text::KeepInput => "Behold det jeg har skrevet",
            Text::Language => "Språk",
            Text::LanguageSwitched => "Språk: norsk.",
            Text::MapHeading => "Tilordne organisasjonsnivåer",
            Text::PlaygroundHeading => "Prøv et uttrykk",
            Text::HelperLoadFailed => "Denne delen kunne ikke lastes inn, så den vises ikke. Ingenting ble sendt noe sted. Last inn siden på nytt for å prøve igjen.",
            Text::BeforeYouStart => "Før du begynner",
            Text::BeforeDesignatedUser => "Opprett API-nøkkelen mens du er logget inn i Secure Practice-portalen som en egen administratorbruker, ikke en personlig konto: da fortsetter koblingen å virke når folk slutter.",
            Text::BeforeUsersAndGroups => "I Entra åpner du bedriftsapplikasjonen for Secure Practice → «Users and groups» → «Add user/group», velger brukerne og gruppene som skal synkroniseres, og velger «Assign». Dette kan endres senere.",
            Text::BeforeSeparateApplication => "Hvis «Get started» under «Provisioning» ikke kan velges, tillater Entra kanskje ikke klargjøring i den eksisterende applikasjonen for enkel pålogging. Opprett da en ny bedriftsapplikasjon bare for klargjøring, og skjul den for brukerne etterpå.",
            Text::AfterYouSave => "Etter at du har lagret",
            Text::AfterNotImmediate => "Synkroniseringen skjer ikke med en gang: Entra kjører den med jevne mellomrom, flere ganger om dagen. For å sjekke dataene nå velger du «Provision on demand», velger én bruker og ser over hva som sendes.",
            Text::AfterHideSeparateApplication => "Hvis du opprettet en egen applikasjon for klargjøring, åpner du «Properties» for den, setter «Enabled for users to sign-in?» og «Visible to users?» til «No» og velger «Save».",
            Text::AfterRestartProvisioning => "Etter hver endring i attributtilordningene velger du «Restart provisioning» i verktøylinjen under «Provisioning».",
            Text::AfterLeaveDataOut => "For å holde data utenfor synkroniseringen (for eksempel mobilnumre) åpner du «Provisioning» → «Edit attribute mappings» og fjerner eller endrer tilordningen for det attributtet.",
            Text::SeeRestartInAfterYouSave => "Se punkt 3 under «Etter at du har lagret».",
            Text::Crashed => "Noe gikk galt, og widgeten stoppet. Ingenting ble sendt noe sted. Last inn siden på nytt for å begynne igjen.",
        }
    }
}

/// A count with thousands grouped the way each language writes them.
pub(crate) fn number(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Nb => '\u{A0}',
    };
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// The names in «» that start with a capital letter: Entra's screens and buttons, which stay as
/// Entra writes them whatever language the widget speaks (the catalogs' tests compare them).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn entra_names(text: &str) -> Vec<&str> {
    text.split('«')
        .skip(1)
        .filter_map(|rest| rest.split_once('»').map(|(name, _)| name))
        .filter(|name| name.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every [`Text`], listed once. [`position`] matches on all of them, so a new variant does
    /// not compile until it is listed here too.
    const EVERY_TEXT: [Text; 63] = [
        Text::Title,
        Text::Intro,
        Text::ApiKey,
        Text::ApiSecret,
        Text::SecretToken,
        Text::TenantUrl,
        Text::Show,
        Text::Hide,
        Text::ShowApiSecret,
        Text::HideApiSecret,
        Text::ShowSecretToken,
        Text::HideSecretToken,
        Text::CopySecretToken,
        Text::CopyTenantUrl,
        Text::SecretTokenCopied,
        Text::TenantUrlCopied,
        Text::CopyFailed,
        Text::MissingKeyAndSecret,
        Text::MissingKey,
        Text::MissingSecret,
        Text::FixToMakeToken,
        Text::SecretHasNonAscii,
        Text::CheckToken,
        Text::CheckTokenIntro,
        Text::TokenToCheck,
        Text::ShowTokenToCheck,
        Text::HideTokenToCheck,
        Text::CheckedKey,
        Text::CheckedSecret,
        Text::ShowCheckedSecret,
        Text::HideCheckedSecret,
        Text::StepsHeading,
        Text::StepCreateKey,
        Text::StepOpenProvisioning,
        Text::StepTenantUrl,
        Text::StepSecretToken,
        Text::StepTestAndSave,
        Text::StepTurnOn,
        Text::PrivacyNote,
        Text::Clear,
        Text::Cleared,
        Text::ClearedAfterIdle,
        Text::ClearedClipboardEmptied,
        Text::ClearedAfterIdleClipboardEmptied,
        Text::ClearedClipboardKept,
        Text::ClearPending,
        Text::KeepInput,
        Text::Crashed,
        Text::Language,
        Text::LanguageSwitched,
        Text::MapHeading,
        Text::PlaygroundHeading,
        Text::HelperLoadFailed,
        Text::BeforeYouStart,
        Text::BeforeDesignatedUser,
        Text::BeforeUsersAndGroups,
        Text::BeforeSeparateApplication,
        Text::AfterYouSave,
        Text::AfterNotImmediate,
        Text::AfterHideSeparateApplication,
        Text::AfterRestartProvisioning,
        Text::AfterLeaveDataOut,
        Text::SeeRestartInAfterYouSave,
    ];

    fn position(text: Text) -> usize {
        match text {
            Text::Title => 0,
            Text::Intro => 1,
            Text::ApiKey => 2,
            Text::ApiSecret => 3,
            Text::SecretToken => 4,
            Text::TenantUrl => 5,
            Text::Show => 6,
            Text::Hide => 7,
            Text::ShowApiSecret => 8,
            Text::HideApiSecret => 9,
            Text::ShowSecretToken => 10,
            Text::HideSecretToken => 11,
            Text::CopySecretToken => 12,
            Text::CopyTenantUrl => 13,
            Text::SecretTokenCopied => 14,
            Text::TenantUrlCopied => 15,
            Text::CopyFailed => 16,
            Text::MissingKeyAndSecret => 17,
            Text::MissingKey => 18,
            Text::MissingSecret => 19,
            Text::FixToMakeToken => 20,
            Text::SecretHasNonAscii => 21,
            Text::CheckToken => 22,
            Text::CheckTokenIntro => 23,
            Text::TokenToCheck => 24,
            Text::ShowTokenToCheck => 25,
            Text::HideTokenToCheck => 26,
            Text::CheckedKey => 27,
            Text::CheckedSecret => 28,
            Text::ShowCheckedSecret => 29,
            Text::HideCheckedSecret => 30,
            Text::StepsHeading => 31,
            Text::StepCreateKey => 32,
            Text::StepOpenProvisioning => 33,
            Text::StepTenantUrl => 34,
            Text::StepSecretToken => 35,
            Text::StepTestAndSave => 36,
            Text::StepTurnOn => 37,
            Text::PrivacyNote => 38,
            Text::Clear => 39,
            Text::Cleared => 40,
            Text::ClearedAfterIdle => 41,
            Text::ClearedClipboardEmptied => 42,
            Text::ClearedAfterIdleClipboardEmptied => 43,
            Text::ClearedClipboardKept => 44,
            Text::ClearPending => 45,
            Text::KeepInput => 46,
            Text::Crashed => 47,
            Text::Language => 48,
            Text::LanguageSwitched => 49,
            Text::MapHeading => 50,
            Text::PlaygroundHeading => 51,
            Text::HelperLoadFailed => 52,
            Text::BeforeYouStart => 53,
            Text::BeforeDesignatedUser => 54,
            Text::BeforeUsersAndGroups => 55,
            Text::BeforeSeparateApplication => 56,
            Text::AfterYouSave => 57,
            Text::AfterNotImmediate => 58,
            Text::AfterHideSeparateApplication => 59,
            Text::AfterRestartProvisioning => 60,
            Text::AfterLeaveDataOut => 61,
            Text::SeeRestartInAfterYouSave => 62,
        }
    }

    #[test]
    fn every_text_is_written_in_both_languages() {
        for (index, text) in EVERY_TEXT.into_iter().enumerate() {
            assert_eq!(position(text), index, "{text:?} is listed out of place");
            let (en, nb) = (text.in_lang(Lang::En), text.in_lang(Lang::Nb));
            assert!(!en.trim().is_empty() && !nb.trim().is_empty(), "{text:?}");
            assert_ne!(en, nb, "{text:?} reads the same in both languages");
            assert_eq!(en.matches('«').count(), en.matches('»').count(), "{en}");
            assert_eq!(nb.matches('«').count(), nb.matches('»').count(), "{nb}");
        }
    }

    #[test]
    fn an_emptied_clipboard_is_said_without_claiming_what_it_held_at_the_time() {
        // The admin may have copied something else since the widget copied the token: the
        // widget knows only that it emptied the clipboard, and what it had put there.
        for text in [
            Text::ClearedClipboardEmptied,
            Text::ClearedAfterIdleClipboardEmptied,
        ] {
            let (en, nb) = (text.in_lang(Lang::En), text.in_lang(Lang::Nb));
            assert!(!en.contains("gone from the clipboard"), "{en}");
            assert!(en.contains("the clipboard emptied"), "{en}");
            assert!(
                en.contains("the widget had copied the secret token to it"),
                "{en}"
            );
            assert!(!nb.contains("fjernet fra utklippstavlen"), "{nb}");
            assert!(nb.contains("utklippstavlen er tømt"), "{nb}");
            assert!(
                nb.contains("widgeten hadde kopiert det hemmelige tokenet dit"),
                "{nb}"
            );
        }
    }

    #[test]
    fn browser_languages_pick_norwegian_for_every_norwegian_tag() {
        for tag in ["nb", "no", "nn", "nb-NO", "nn_NO", "NO"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::Nb), "{tag}");
        }
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::negotiate(["sv", "en-US", "nb"]), Lang::En);
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(number(4096, Lang::En), "4,096");
        assert_eq!(number(1_048_576, Lang::Nb), "1\u{A0}048\u{A0}576");
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(number(0, Lang::Nb), "0");
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
