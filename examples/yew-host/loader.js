// Starts the app: the wasm-bindgen glue Trunk wrote, which runs main() once its wasm is in.
import init from './scim-token-widget-yew-host.js';

init();
