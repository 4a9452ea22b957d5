// The benchmark's plain-JS reference: what the widget does, written the obvious way, so that
// bench/run.mjs can say how far the Rust/Yew widget is from it. Not shipped; not a fallback.
//
// Same shape as the real page: a custom element with a shadow root that links the widget's own
// CSS (the bench copies static/widget.css beside this file), the same fields, labels, ids, masking
// toggles, copy buttons, hint, Clear button and status line, and the same refusal of values over
// 4096 characters. The token is base64(UTF-8(key:secret)) with TextEncoder and btoa.

const MAX_VALUE_CHARS = 4096;
const TENANT_URL = 'https://api.securepractice.co/scim/v2/';

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

function secretToken(key, secret) {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack for long values.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function copy(text, status, message) {
  const done = () => { status.textContent = message; };
  navigator.clipboard?.writeText(text).then(done, () => {
    status.textContent = 'Could not copy automatically. The text is selected: press Ctrl+C (⌘C on a Mac).';
  });
}

class ScimTokenReference extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const link = el('link', { rel: 'stylesheet', href: new URL('widget.css', import.meta.url).href });
    const status = el('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });

    const field = (id, label, { masked = false, readonly = false } = {}) => {
      const input = el('input', {
        id, type: masked ? 'password' : 'text', autocomplete: 'off', spellcheck: 'false',
        autocapitalize: 'off', autocorrect: 'off',
      });
      input.readOnly = readonly;
      const row = el('div', { class: 'row' }, input);
      if (masked) {
        const toggle = el('button', {
          type: 'button', class: 'toggle', part: 'toggle', 'aria-pressed': 'false', 'aria-controls': id,
          'aria-label': `Show ${label.toLowerCase().replace('api', 'API')}`,
        }, 'Show');
        toggle.addEventListener('click', () => {
          const show = input.type === 'password';
          input.type = show ? 'text' : 'password';
          toggle.textContent = show ? 'Hide' : 'Show';
          toggle.setAttribute('aria-pressed', String(show));
          toggle.setAttribute('aria-label', `${show ? 'Hide' : 'Show'} ${label.toLowerCase().replace('api', 'API')}`);
        });
        row.append(toggle);
      }
      const box = el('div', { class: 'field', part: 'field' }, el('label', { for: id }, label), row);
      return { box, input, row };
    };
    const findings = (id) => el('ul', { id, class: 'findings', part: 'findings' });
    const step = (text) => el('p', { class: 'step-text' }, text);

    const key = field('ref-key', 'API key');
    const secret = field('ref-secret', 'API secret', { masked: true });
    const tenant = field('ref-tenant', 'Tenant URL', { readonly: true });
    const token = field('ref-token', 'Secret token', { masked: true, readonly: true });
    tenant.input.value = TENANT_URL;
    const keyFindings = findings('ref-key-findings');
    const secretFindings = findings('ref-secret-findings');
    const copyTenant = el('button', { type: 'button', class: 'copy', part: 'copy-button' }, 'Copy tenant URL');
    const copyToken = el('button', { type: 'button', class: 'copy', part: 'copy-button' }, 'Copy secret token');
    copyToken.disabled = true;
    tenant.row.append(copyTenant);
    token.row.append(copyToken);
    const hint = el('p', { id: 'ref-hint', class: 'hint', part: 'hint' });
    token.input.setAttribute('aria-describedby', 'ref-hint');
    const clear = el('button', { type: 'button', class: 'secondary', part: 'clear-button' }, 'Clear');

    // A value over the limit is refused, not encoded: same rule and same markup as the widget.
    const refuse = (input, list, what) => {
      const tooLong = input.value.length > MAX_VALUE_CHARS;
      list.replaceChildren();
      if (tooLong) {
        list.append(el('li', { class: 'finding error', part: 'finding finding-error' },
          el('strong', {}, 'Error: '),
          `The ${what} is ${input.value.length.toLocaleString('en')} characters long, but an ${what} is at most 4,096. Something else was probably pasted.`));
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
      return tooLong;
    };
    const update = () => {
      const bad = refuse(key.input, keyFindings, 'API key') | refuse(secret.input, secretFindings, 'API secret');
      const k = key.input.value;
      const s = secret.input.value;
      status.textContent = '';
      if (bad) {
        token.input.value = '';
        hint.textContent = 'No token yet: fix the errors marked above.';
      } else if (!k || !s) {
        token.input.value = '';
        hint.textContent = !k && !s ? 'Enter the API key and the API secret to make the token.'
          : !k ? 'Enter the API key too.' : 'Enter the API secret too.';
      } else {
        token.input.value = secretToken(k, s);
        hint.textContent = '';
      }
      hint.hidden = hint.textContent === '';
      copyToken.disabled = token.input.value === '';
    };
    key.input.addEventListener('input', update);
    secret.input.addEventListener('input', update);
    copyToken.addEventListener('click', () => copy(token.input.value, status, 'Secret token copied. Paste it into «Secret Token» in Entra.'));
    copyTenant.addEventListener('click', () => copy(TENANT_URL, status, 'Tenant URL copied. Paste it into «Tenant URL» in Entra.'));
    clear.addEventListener('click', () => {
      key.input.value = '';
      secret.input.value = '';
      update();
      status.textContent = 'Cleared. Nothing you typed is kept.';
    });
    update();

    const section = el('section', { class: 'scim-token-widget', part: 'widget', lang: 'en' },
      el('h2', { class: 'title', part: 'title' }, 'Secret token for Microsoft Entra ID'),
      el('p', { class: 'intro' }, 'Make the «Secret Token» that lets Microsoft Entra ID provision users to Secure Practice. Everything happens on this device: nothing you type leaves the browser.'),
      el('ol', { class: 'steps', part: 'steps' },
        el('li', {}, step('In the Secure Practice portal, open Settings → «SECURITY» → «API access» and choose «Create API key». Paste the key and the secret here.'),
          key.box, keyFindings, secret.box, secretFindings),
        el('li', {}, step('In the Microsoft Entra admin center, open the Secure Practice enterprise application, then «Provisioning» → «Get started», and set «Provisioning Mode» to «Automatic».')),
        el('li', {}, step('Under «Admin Credentials», paste this into «Tenant URL».'), tenant.box),
        el('li', {}, step('Paste this into «Secret Token».'), token.box, hint),
        el('li', {}, step('Select «Test Connection». When it succeeds, select «Save».')),
        el('li', {}, step('Set «Provisioning Status» to «On», choose the scope «Selected users and groups», and save.'))),
      el('div', { class: 'actions', part: 'actions' }, clear),
      status,
      el('p', { class: 'privacy', part: 'privacy' }, 'Made on this device. Nothing is sent anywhere.'));
    shadow.append(link, section);
  }
}

customElements.define('scim-token-reference', ScimTokenReference);
