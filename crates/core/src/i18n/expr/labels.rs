//! The fixed labels of «Map organisation levels» and «Try an expression» ([`ExprText`]), and the
//! placeholders shown for values that cannot be seen ([`Placeholder`]).

use crate::i18n::Lang;

/// A fixed label of the mapping section or the playground.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[expect(
    missing_docs,
    reason = "the English text in `in_lang` is each variant's documentation"
)]
pub enum ExprText {
    MapIntro,
    SamplesLabel,
    SamplesHint,
    SourceAttributeLabel,
    SourceAttributeOther,
    SourceAttributeName,
    DelimiterLabel,
    DelimiterDetected,
    DelimiterNotFound,
    SplitHeading,
    SampleColumn,
    EmptyLevel,
    LevelsHeading,
    LevelLabel,
    LevelNotMapped,
    LevelLast,
    LevelLastHint,
    TargetAttributeLabel,
    CopyTargetAttribute,
    TargetAttributeCopied,
    ExpressionLabel,
    CopyExpression,
    ExpressionCopied,
    PreviewHeading,
    CannotTell,
    StepsHeading,
    StepOpenMappings,
    StepAddMapping,
    StepPasteExpression,
    StepTargetAttribute,
    StepSave,
    StepRestart,
    DepartmentAlreadyMapped,
    PlaygroundIntro,
    StoppedTooLong,
    StoppedFailed,
    StoppedRefused,
    PlaygroundExpressionLabel,
    PlaygroundValuesLabel,
    PlaygroundValuesHint,
    PlaygroundResultLabel,
    NotAnExpression,
    FewerLevelsEmpty,
    PlaygroundNoAttributes,
}

/// How the tables show a value that has no text of its own. Apart from [`ExprText`] because
/// the helpers' worker writes these into its answers and nothing else of the labels: a small
/// match of its own keeps the rest of the catalog out of the worker's wasm.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Placeholder {
    /// No value: an attribute the user does not have, an empty list.
    NoValue,
    /// The empty string.
    EmptyString,
    /// IgnoreFlowIfNullOrEmpty's answer: the attribute is left out of the provisioning flow.
    LeftOutOfFlow,
}

impl Placeholder {
    /// The placeholder in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{expr::Placeholder, Lang};
    /// assert_eq!(Placeholder::NoValue.in_lang(Lang::En), "(no value)");
    /// assert_eq!(Placeholder::EmptyString.in_lang(Lang::Nb), "(tomt)");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Placeholder::NoValue, Lang::En) => "(no value)",
            (Placeholder::EmptyString, Lang::En) => "(empty)",
            (Placeholder::NoValue, Lang::Nb) => "(ingen verdi)",
            (Placeholder::EmptyString, Lang::Nb) => "(tomt)",
            (Placeholder::LeftOutOfFlow, Lang::En) => {
                "(left out of the flow: Entra does not send this attribute to the app)"
            }
            (Placeholder::LeftOutOfFlow, Lang::Nb) => {
                "(holdt utenfor flyten: Entra sender ikke dette attributtet til appen)"
            }
        }
    }
}

impl ExprText {
    /// The label in `lang`.
    ///
    /// ```
    /// use scim_token_core::i18n::{expr::ExprText, Lang};
    /// assert_eq!(ExprText::DelimiterLabel.in_lang(Lang::En), "Delimiter");
    /// assert_eq!(ExprText::DelimiterLabel.in_lang(Lang::Nb), "Skilletegn");
    /// ```
    pub fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en(),
            Lang::Nb => self.nb(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            ExprText::MapIntro => "If your directory keeps the whole org chart in one attribute, such as «Contoso > Sales > EMEA», this helper writes the expressions that send each level to Secure Practice as organization, division and department.",
            ExprText::SamplesLabel => "Sample values, one per line",
            ExprText::SamplesHint => "Paste a few real values of the attribute, short ones and long ones. They stay on this device.",
            ExprText::SourceAttributeLabel => "Source attribute",
            ExprText::SourceAttributeOther => "Other attribute…",
            ExprText::SourceAttributeName => "Attribute name",
            ExprText::DelimiterLabel => "Delimiter",
            ExprText::DelimiterDetected => "Found in the samples",
            ExprText::DelimiterNotFound => "None of the usual delimiters (> | / \\ ; , -) is in the samples. Choose the one your directory uses.",
            ExprText::SplitHeading => "How each sample splits",
            ExprText::SampleColumn => "Sample",
            ExprText::EmptyLevel => "(empty)",
            ExprText::LevelsHeading => "Which level goes where",
            ExprText::LevelLabel => "Level",
            ExprText::LevelNotMapped => "Do not map",
            ExprText::LevelLast => "The last level",
            ExprText::LevelLastHint => "Choose this when users have different numbers of levels.",
            ExprText::TargetAttributeLabel => "Target attribute",
            ExprText::CopyTargetAttribute => "Copy attribute name",
            ExprText::TargetAttributeCopied => "Attribute name copied. Choose it under «Target attribute» in Entra.",
            ExprText::ExpressionLabel => "Expression",
            ExprText::CopyExpression => "Copy expression",
            ExprText::ExpressionCopied => "Expression copied. Paste it into «Expression» in Entra.",
            ExprText::PreviewHeading => "Result for each sample",
            ExprText::CannotTell => "Cannot tell",
            ExprText::StepsHeading => "Add the mappings in Entra",
            ExprText::StepOpenMappings => "In the Secure Practice enterprise application, open «Provisioning» and select «Edit attribute mappings», then «Provision Microsoft Entra ID Users».",
            ExprText::StepAddMapping => "Select «Add new mapping» and set «Mapping type» to «Expression».",
            ExprText::StepPasteExpression => "Paste the expression into «Expression».",
            ExprText::StepTargetAttribute => "Under «Target attribute», choose the attribute shown here, and select «Ok».",
            ExprText::StepSave => "Repeat for each level, then select «Save».",
            ExprText::StepRestart => "Then select «Restart provisioning» in the «Provisioning» toolbar, so that the changed mappings are applied to every user.",
            ExprText::DepartmentAlreadyMapped => "Department is usually mapped already: open the existing mapping for it and change that one instead of adding a second.",
            ExprText::StoppedTooLong => "Stopped: this took longer than 1 second, so it was not finished. Change what you typed and it is tried again; the rest of the page is not affected.",
            ExprText::StoppedFailed => "Stopped: this could not be worked out here (it needed more memory than the page allows). Change what you typed and it is tried again; the rest of the page is not affected.",
            ExprText::StoppedRefused => "Stopped: this could not be worked out here (the page and its helper could not read each other's message). Change what you typed and it is tried again; the rest of the page is not affected.",
            ExprText::PlaygroundIntro => "Paste any attribute-mapping expression and some attribute values to see what Entra would make of them. Where Microsoft's reference does not say what happens, this page tells you instead of guessing.",
            ExprText::PlaygroundExpressionLabel => "Expression",
            ExprText::PlaygroundValuesLabel => "Attribute values",
            ExprText::PlaygroundValuesHint => "Leave an attribute empty if the user does not have it. For a multi-valued attribute, put one value per line.",
            ExprText::PlaygroundResultLabel => "Result",
            ExprText::NotAnExpression => "Not a valid expression",
            ExprText::FewerLevelsEmpty => "Users with fewer levels than the one chosen get an empty value.",
            ExprText::PlaygroundNoAttributes => "This expression reads no attributes.",
        }
    }

    fn nb(self) -> &'static str {
        match self {
            ExprText::MapIntro => "Hvis katalogen har hele organisasjonskartet i ett attributt, for eksempel «Contoso > Salg > EMEA», lager denne hjelperen uttrykkene som sender hvert nivå til Secure Practice som organization, division og department.",
            ExprText::SamplesLabel => "Eksempelverdier, én per linje",
            ExprText::SamplesHint => "Lim inn noen ekte verdier fra attributtet, både korte og lange. De blir på denne enheten.",
            ExprText::SourceAttributeLabel => "Kildeattributt",
            ExprText::SourceAttributeOther => "Annet attributt …",
            ExprText::SourceAttributeName => "Attributtnavn",
            ExprText::DelimiterLabel => "Skilletegn",
            ExprText::DelimiterDetected => "Funnet i eksemplene",
            ExprText::DelimiterNotFound => "Ingen av de vanlige skilletegnene (> | / \\ ; , -) finnes i eksemplene. Velg det katalogen bruker.",
            ExprText::SplitHeading => "Slik deles hvert eksempel",
            ExprText::SampleColumn => "Eksempel",
            ExprText::EmptyLevel => "(tomt)",
            ExprText::LevelsHeading => "Hvilket nivå går hvor",
            ExprText::LevelLabel => "Nivå",
            ExprText::LevelNotMapped => "Ikke tilordne",
            ExprText::LevelLast => "Det siste nivået",
            ExprText::LevelLastHint => "Velg dette når brukerne har ulikt antall nivåer.",
            ExprText::TargetAttributeLabel => "Målattributt",
            ExprText::CopyTargetAttribute => "Kopier attributtnavnet",
            ExprText::TargetAttributeCopied => "Attributtnavnet er kopiert. Velg det under «Target attribute» i Entra.",
            ExprText::ExpressionLabel => "Uttrykk",
            ExprText::CopyExpression => "Kopier uttrykket",
            ExprText::ExpressionCopied => "Uttrykket er kopiert. Lim det inn i «Expression» i Entra.",
            ExprText::PreviewHeading => "Resultat for hvert eksempel",
            ExprText::CannotTell => "Kan ikke avgjøres",
            ExprText::StepsHeading => "Legg til tilordningene i Entra",
            ExprText::StepOpenMappings => "I bedriftsapplikasjonen for Secure Practice åpner du «Provisioning» og velger «Edit attribute mappings» og deretter «Provision Microsoft Entra ID Users».",
            ExprText::StepAddMapping => "Velg «Add new mapping», og sett «Mapping type» til «Expression».",
            ExprText::StepPasteExpression => "Lim inn uttrykket i «Expression».",
            ExprText::StepTargetAttribute => "Under «Target attribute» velger du attributtet som vises her, og deretter «Ok».",
            ExprText::StepSave => "Gjenta for hvert nivå, og velg til slutt «Save».",
            ExprText::StepRestart => "Velg deretter «Restart provisioning» i verktøylinjen under «Provisioning», slik at de endrede tilordningene brukes for alle brukerne.",
            ExprText::DepartmentAlreadyMapped => "Department er som regel tilordnet allerede: åpne den eksisterende tilordningen og endre den i stedet for å legge til en ny.",
            ExprText::StoppedTooLong => "Stoppet: dette tok mer enn 1 sekund, så det ble ikke fullført. Endre det du skrev, så prøves det igjen; resten av siden berøres ikke.",
            ExprText::StoppedFailed => "Stoppet: dette kunne ikke regnes ut her (det trengte mer minne enn siden tillater). Endre det du skrev, så prøves det igjen; resten av siden berøres ikke.",
            ExprText::StoppedRefused => "Stoppet: dette kunne ikke regnes ut her (siden og hjelperen kunne ikke lese hverandres melding). Endre det du skrev, så prøves det igjen; resten av siden berøres ikke.",
            ExprText::PlaygroundIntro => "Lim inn et hvilket som helst uttrykk for attributtilordning og noen attributtverdier for å se hva Entra vil gjøre med dem. Der Microsofts referanse ikke sier hva som skjer, sier denne siden fra i stedet for å gjette.",
            ExprText::PlaygroundExpressionLabel => "Uttrykk",
            ExprText::PlaygroundValuesLabel => "Attributtverdier",
            ExprText::PlaygroundValuesHint => "La et attributt stå tomt hvis brukeren ikke har det. For et flerverdiattributt skriver du én verdi per linje.",
            ExprText::PlaygroundResultLabel => "Resultat",
            ExprText::NotAnExpression => "Ikke et gyldig uttrykk",
            ExprText::FewerLevelsEmpty => "Brukere som har færre nivåer enn det valgte, får en tom verdi.",
            ExprText::PlaygroundNoAttributes => "Dette uttrykket leser ingen attributter.",
        }
    }
}
