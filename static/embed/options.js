// Made from crates/core/src/options.rs, the one list of the widget's options, by
// `UPDATE_GENERATED=1 cargo test -p scim-token-core --test options`; the test command
// checks that this file is what that list makes.

/** Attribute → mount() option. All are live: changing one updates the widget. */
export const ATTRIBUTES = {
  'tenant-url': 'tenantUrl',
  'api-key': 'apiKey',
  lang: 'lang',
  'show-steps': 'showSteps',
  'auto-clear-seconds': 'autoClearSeconds',
  'language-switch': 'languageSwitch',
  'show-mapping': 'showMapping',
  'setup-guide': 'setupGuide',
  'heading-level': 'headingLevel',
};
