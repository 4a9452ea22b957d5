// Injected by bench/run.mjs into every page it measures, before the page's own scripts run
// (Playwright's addInitScript). The same code measures the widget and the plain-JS reference:
// it finds fields by their visible label, in the document or in any open shadow root.
//
// Times are performance.now(), milliseconds since the navigation started. run.mjs serves both
// pages cross-origin isolated, where Chromium's clock has 5 µs resolution instead of 100 µs.
//
// Debug hook, in the benchmark only: WebAssembly.instantiateStreaming and .instantiate are
// wrapped to keep the instance's exported memory in window.__bench.wasmMemory, so the benchmark
// can read the size of wasm linear memory. Nothing in the shipped files exposes it.
(() => {
  const mode = window.__benchMode; // 'interactive' | 'token' | undefined (set by run.mjs)
  const bench = (window.__bench = {
    mode,
    shadowRoots: [],
    wasmMemory: null,
    longTasks: [],
    events: {},
    probes: 0,
  });
  const now = () => performance.now();
  const mark = (name, time = now()) => {
    if (!(name in bench.events)) bench.events[name] = time;
  };

  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      if (instance && instance.exports.memory instanceof WebAssembly.Memory) {
        bench.wasmMemory = instance.exports.memory;
      }
      mark('wasmInstantiated');
      return result;
    };
  }

  try {
    const keep = (entries) => {
      for (const entry of entries) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    };
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
    /** Takes the entries reported but not yet delivered to the observer. */
    bench.flushLongTasks = () => keep(observer.takeRecords());
  } catch {
    bench.longTasks = null; // not supported: reported as such
    bench.flushLongTasks = () => {};
  }

  /** The input labelled `label` exactly, and the root (document or shadow root) it is in. */
  const field = (label) => {
    for (const root of [document, ...bench.shadowRoots]) {
      for (const labelElement of root.querySelectorAll('label')) {
        if (labelElement.textContent.trim() !== label) continue;
        const input = root.getElementById(labelElement.htmlFor);
        if (input) return { root, input };
      }
    }
    return null;
  };
  bench.field = (label) => field(label)?.input ?? null;
  bench.root = () => field('API key')?.root ?? null;

  /** What a user's typing does to the field: the value, then an `input` event. */
  const type = (input, value, inputType = 'insertText') => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType }));
  };
  bench.type = type;

  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  /**
   * Resolves with performance.now() once `done()` holds. Checks after each microtask first (a
   * Yew render runs in a microtask right after the event), then after each task (a render on a
   * timer or a later task), so the check itself never starves the page.
   */
  bench.until = async (done, timeoutMs = 10000) => {
    const start = now();
    for (let spins = 0; !done(); spins++) {
      if (now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
      if (spins < 200) await Promise.resolve();
      else await nextTask();
    }
    return now();
  };
  bench.nextTask = nextTask;
  bench.idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(now())));

  // The hint under the token asks for the API key until the page has taken the first character.
  // Both pages have one; until it is parsed (a slow link delivers the page in pieces), nothing
  // has reacted.
  const keyTaken = (root) => {
    const hint = root.querySelector('.hint');
    return hint !== null && (hint.hidden || !hint.textContent.includes('API key'));
  };

  let probing = false;
  const onMutation = (records = []) => {
    // A declarative shadow root (a pre-rendered widget) is attached by the parser, not by
    // attachShadow: found on the element the parser added, or added children to.
    for (const record of records) {
      for (const node of [record.target, ...record.addedNodes]) {
        if (node.shadowRoot && !bench.shadowRoots.includes(node.shadowRoot)) {
          bench.shadowRoots.push(node.shadowRoot);
          observe(node.shadowRoot);
        }
      }
    }
    const key = field('API key');
    if (!key || !key.input.isConnected) return;
    mark('keyFieldInDom');
    if (mode === 'interactive') {
      if (bench.events.keyFieldAcceptsInput !== undefined) return;
      if (!probing) {
        // (1) The field is on screen when it has a layout box; then type one character.
        if (key.input.getClientRects().length === 0) return;
        mark('keyFieldOnScreen');
        probing = true;
        bench.probes++;
        type(key.input, 'x');
        // (1b) The field accepts input when what was typed is still in it a task later (not
        // thrown away by a render that replaced the field), whether or not the page reacted.
        nextTask().then(() => {
          if (key.input.isConnected && key.input.value === 'x') mark('keyFieldHoldsInput');
        });
        // A page that did not react (no listener yet) is probed again.
        setTimeout(() => {
          if (bench.events.keyFieldAcceptsInput !== undefined) return;
          probing = false;
          onMutation();
        }, 50);
      }
      if (key.input.value === 'x' && keyTaken(key.root)) mark('keyFieldAcceptsInput');
    } else if (mode === 'token' && !probing) {
      const secret = field('API secret');
      if (!secret) return;
      // (2) Key and secret typed the moment the fields exist; done when the token is there.
      probing = true;
      const typedAt = now();
      type(key.input, 'abc');
      type(secret.input, '123');
      bench.until(() => field('Secret token')?.input.value === 'YWJjOjEyMw==', 30000).then(
        (at) => {
          bench.events.tokenTypedAt = typedAt;
          mark('tokenShown', at);
        },
        (error) => {
          bench.error = String(error);
        },
      );
    }
  };
  const observer = new MutationObserver((records) => onMutation(records));
  const observe = (root) =>
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  observe(document);
  // The startup measures (1, 2) are taken by then; the later ones must not pay for the observer.
  bench.stopObserving = () => observer.disconnect();

  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    bench.shadowRoots.push(root);
    observe(root);
    return root;
  };
})();
