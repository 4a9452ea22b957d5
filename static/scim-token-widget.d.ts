// Types for the widget's module: the npm package `scim-token-widget` (the same file as
// scim-token-widget.js beside this file, wherever it is served from).

/**
 * Options for `mount()` and `WidgetHandle.update()`; the element's attributes map onto them.
 * Yes/no options take a boolean or "true", "" (a bare attribute: yes) and "false"; another
 * string is reported in the widget and the console, and the option's default is used.
 */
export interface WidgetOptions {
  /** «Tenant URL» to show; must be https:// (attribute `tenant-url`). Default: Secure Practice's. */
  tenantUrl?: string;
  /** An API key to put in the field, e.g. one the portal just created (attribute `api-key`). */
  apiKey?: string;
  /** "en" or "nb" (also "no", "nn"); default: the browser's languages, else English (`lang`). */
  lang?: string;
  /** Show the numbered Entra steps (attribute `show-steps`, "false" to hide). Default true. */
  showSteps?: boolean | string;
  /** Seconds without input before everything is cleared (attribute `auto-clear-seconds`). Default 600. */
  autoClearSeconds?: number | string;
  /** Offer «Map organisation levels» and «Try an expression» (attribute `show-mapping`), answered by a Web Worker whose wasm (scim-token-worker_bg.wasm beside this module) is fetched when one is first opened; needs `worker-src blob:` in the page's policy. Default true. */
  showMapping?: boolean | string;
  /** The level of the widget's title, 1 to 6 (attribute `heading-level`); its sections' headings follow below it. Default 2, to fit under a host page's own h1. */
  headingLevel?: number | string;
  /** Show «Before you start» and «After you save», the rest of the setup guide, as two collapsed sections around the steps (attribute `setup-guide`). Default false; the standalone page and the single file show them. */
  setupGuide?: boolean | string;
  /** Show a language switch in the widget (attribute `language-switch`). Default false. */
  languageSwitch?: boolean | string;
  /**
   * Called for each event instead of dispatching it on the element; `detail` is narrowed by
   * `type` (`if (type === 'scim-token-state') detail.state`).
   */
  onEvent?: (...event: { [T in WidgetEventType]: [type: T, detail: WidgetEventDetails[T]] }[WidgetEventType]) => void;
}

/** Each event's `detail`, by the event's type. */
export interface WidgetEventDetails {
  'scim-token-copied': CopiedDetail;
  'scim-token-state': StateDetail;
}

export type WidgetEventType = keyof WidgetEventDetails;

/**
 * The element's events as `CustomEvent`s. They bubble and are composed, so they reach the
 * element, the document and the window: all three are typed with them.
 */
export type WidgetEventMap = { [T in WidgetEventType]: CustomEvent<WidgetEventDetails[T]> };

/** `scim-token-copied`: something went to the clipboard. Never carries the value. */
export interface CopiedDetail {
  target: 'secret-token' | 'tenant-url';
}

/** `scim-token-state`: whether a token can be made from what is typed. Never carries a value. */
export interface StateDetail {
  /**
   * - `empty`: both fields are empty.
   * - `incomplete`: something is typed (or given as `apiKey`) but a field is still empty, and
   *   nothing typed is an error: the admin is not finished yet.
   * - `valid`: a token is ready to copy.
   * - `invalid`: a finding about what is typed is an error; no token until it is fixed.
   */
  state: 'empty' | 'incomplete' | 'valid' | 'invalid';
}

export interface WidgetHandle {
  /** Applies new options; what the admin typed is kept. After `unmount()` it does nothing. */
  update(options: WidgetOptions): void;
  /** Removes the widget, its listeners and everything typed into it. A second call does nothing. */
  unmount(): void;
}

/** Renders a widget into a shadow root of `element`. */
export function mount(element: HTMLElement, options?: WidgetOptions): Promise<WidgetHandle>;

/** Where the module's files are served from. */
export interface AssetOptions {
  /**
   * The folder URL (absolute, or relative to the page) that serves `scim-token-widget_bg.wasm`,
   * `scim-token-worker_bg.wasm` and `scim-token-directory-worker_bg.wasm`. Default: beside this module, which bundlers that follow
   * `new URL('./…', import.meta.url)` (Vite, webpack) arrange by themselves. The files are
   * checked against their SHA-384 wherever they come from.
   */
  assetUrl?: string | URL;
}

/** Sets where the wasm files are served from. Call it right after importing this module, before the first widget loads; later it throws. */
export function configure(options: AssetOptions): void;

/** `<scim-token-widget>`: its attributes are the options (above), in kebab case. */
export interface ScimTokenWidgetElement extends HTMLElement {
  /**
   * The state the last `scim-token-state` said; undefined until the widget has started. For a
   * host that begins to listen after the widget started (a server-rendered page hydrating).
   */
  readonly tokenState: StateDetail['state'] | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'scim-token-widget': ScimTokenWidgetElement;
  }
  interface HTMLElementEventMap extends WidgetEventMap {}
  interface DocumentEventMap extends WidgetEventMap {}
  interface WindowEventMap extends WidgetEventMap {}
}
