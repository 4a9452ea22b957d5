//! The rest of Secure Practice's setup guide, around the six steps: what to do before you
//! start, and what to do after you save. The words are in [`crate::i18n`]; this is their order.

use crate::i18n::Text;

/// One of the guide's two sections.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Guide {
    /// «Before you start»: the API key's owner, the users in scope, a separate application.
    BeforeYouStart,
    /// «After you save»: when the sync runs, hiding a separate application, restarting after
    /// mapping changes, leaving data out.
    AfterYouSave,
}

impl Guide {
    /// Both sections, in the order the widget shows them.
    pub const ALL: [Guide; 2] = [Guide::BeforeYouStart, Guide::AfterYouSave];

    /// The section's name: its class, its `part`, and its element ids.
    pub fn name(self) -> &'static str {
        match self {
            Guide::BeforeYouStart => "before-you-start",
            Guide::AfterYouSave => "after-you-save",
        }
    }

    /// The section's heading.
    pub fn heading(self) -> Text {
        match self {
            Guide::BeforeYouStart => Text::BeforeYouStart,
            Guide::AfterYouSave => Text::AfterYouSave,
        }
    }

    /// The section's numbered points.
    ///
    /// ```
    /// use scim_token_core::guide::{Guide, RESTART_AFTER_MAPPING_CHANGES};
    /// use scim_token_core::i18n::{Lang, Text};
    ///
    /// let (guide, index) = RESTART_AFTER_MAPPING_CHANGES;
    /// assert_eq!(guide.points()[index], Text::AfterRestartProvisioning);
    /// assert!(guide.points()[index].in_lang(Lang::En).contains("«Restart provisioning»"));
    /// ```
    pub fn points(self) -> &'static [Text] {
        match self {
            Guide::BeforeYouStart => &[
                Text::BeforeDesignatedUser,
                Text::BeforeUsersAndGroups,
                Text::BeforeSeparateApplication,
            ],
            Guide::AfterYouSave => &[
                Text::AfterNotImmediate,
                Text::AfterHideSeparateApplication,
                Text::AfterRestartProvisioning,
                Text::AfterLeaveDataOut,
            ],
        }
    }

    /// Where the state keeps whether this section is open.
    pub(crate) fn index(self) -> usize {
        match self {
            Guide::BeforeYouStart => 0,
            Guide::AfterYouSave => 1,
        }
    }
}

/// Point 3 of «After you save» (0-based index 2): restart provisioning after any change to the
/// attribute mappings. The mapping helper's steps point to it.
pub const RESTART_AFTER_MAPPING_CHANGES: (Guide, usize) = (Guide::AfterYouSave, 2);

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::{entra_names, Lang};

    #[test]
    fn every_point_is_written_in_both_languages_naming_entras_screens_alike() {
        for guide in Guide::ALL {
            let heading = guide.heading();
            assert_ne!(heading.in_lang(Lang::En), heading.in_lang(Lang::Nb));
            for point in guide.points() {
                let (en, nb) = (point.in_lang(Lang::En), point.in_lang(Lang::Nb));
                assert!(!en.is_empty() && !nb.is_empty(), "{point:?}");
                assert_ne!(en, nb, "{point:?} reads the same in both languages");
                // Entra is in English whatever the admin reads here: its names stay as Entra
                // writes them, in the same order.
                assert_eq!(entra_names(en), entra_names(nb), "{point:?}");
            }
        }
    }

    #[test]
    fn the_points_name_the_screens_where_admins_get_stuck() {
        let names = |guide: Guide| -> Vec<&str> {
            guide
                .points()
                .iter()
                .flat_map(|point| entra_names(point.in_lang(Lang::En)))
                .collect()
        };
        assert_eq!(
            names(Guide::BeforeYouStart),
            [
                "Users and groups",
                "Add user/group",
                "Assign",
                "Get started",
                "Provisioning"
            ]
        );
        assert_eq!(
            names(Guide::AfterYouSave),
            [
                "Provision on demand",
                "Properties",
                "Enabled for users to sign-in?",
                "Visible to users?",
                "No",
                "Save",
                "Restart provisioning",
                "Provisioning",
                "Provisioning",
                "Edit attribute mappings",
            ]
        );
    }

    #[test]
    fn the_restart_point_is_the_third_of_after_you_save() {
        let (guide, index) = RESTART_AFTER_MAPPING_CHANGES;
        assert_eq!(guide, Guide::AfterYouSave);
        assert_eq!(index + 1, 3);
        assert_eq!(guide.points()[index], Text::AfterRestartProvisioning);
    }

    #[test]
    fn names_and_indexes_are_distinct() {
        let [a, b] = Guide::ALL;
        assert_ne!(a.name(), b.name());
        assert_ne!(a.index(), b.index());
        assert!(Guide::ALL
            .iter()
            .all(|guide| guide.index() < Guide::ALL.len()));
    }
}
