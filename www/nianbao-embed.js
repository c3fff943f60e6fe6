// <nianbao-checker>: nianbao for government portals. One module script and the
// element; the checker (wasm) loads only when the first element appears, and
// lives in a shadow root so that the page's CSS and ours never meet. The report
// text is checked inside the page: nothing is sent anywhere.
//
//   <script type="module" src="/nianbao/nianbao-embed.js" integrity="sha384-…" crossorigin="anonymous"></script>
//   <nianbao-checker lang="zh" compact source="article" height="30rem"></nianbao-checker>
//
// Attributes: lang (zh|en), compact (findings only), source (a CSS selector of
// an element whose text is the report to check), height (any CSS length),
// frame (the checker runs in an iframe of its own origin, embed.html, which
// is told to talk to this page's origin only).
// Events: `nianbao-checked`, detail = the result for the latest text (see
// nianbao.d.ts); `nianbao-error`, detail = why results cannot be made.
//
// Every file this loader fetches is pinned: scripts/pin.mjs gives it
// `__nianbaoPins`, the content-hashed names and integrity hashes of the
// modules, the wasm, the stylesheet and the HTML converter, so that the one
// `integrity` on this script pins the whole widget.
const pins = __nianbaoPins;
const base = new URL('.', import.meta.url);
const at = (p) => new URL(p[0], base);

const altered = (p) => new Error('“' + p[0] + '”未能取得，或与发布的版本不一致（可能被篡改）。' + p[0] + ' could not be fetched or does not match the published build (altered?).');
// A module is imported only after a modulepreload with its integrity has
// succeeded: import() then takes the verified copy from the module map.
const verified = (p) => new Promise((ok, no) => {
  const link = document.createElement('link');
  // A browser without modulepreload (Safari before 17) cannot check a module
  // before importing it: it runs unchecked rather than not at all.
  if (!link.relList.supports('modulepreload')) return ok();
  link.rel = 'modulepreload';
  link.href = at(p);
  link.integrity = p[1];
  link.onload = ok;
  link.onerror = () => no(altered(p));
  document.head.append(link);
});
const importVerified = async (list) => { await Promise.all(list.map(verified)); return import(at(list[0])); };

let module;
function load() {
  module ??= importVerified(pins.modules).then(async (m) => {
    await m.default({ module_or_path: fetch(at(pins.wasm), { integrity: pins.wasm[1] }).catch(() => { throw altered(pins.wasm); }) });
    return m;
  });
  return module;
}

// The results are the API's document, made by the checker without the
// interface (batch/checker.js, loaded with the first result: the editor's wasm
// has no JSON writer). At most one is made at a time, for the latest text.
let checker = null;
// What decoding a file opened in the widget repaired (I001), kept by the app's
// platform module (scripts/pin.mjs lists it after the glue) while the text is as read.
const repairs = async (text) => (await import(at(pins.modules[1]))).repairsFor(text);
function results(element) {
  let latest = null;
  let busy = false;
  const fire = (type, detail) => element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  return async (text) => {
    latest = text;
    if (busy) return;
    busy = true;
    try {
      checker ??= importVerified([pins.checker]).then((m) => m.load());
      const c = await checker;
      while (latest !== null) {
        const t = latest;
        latest = null;
        fire('nianbao-checked', JSON.parse(c.check(t, null, await repairs(t))));
      }
    } catch (e) {
      checker = null;
      latest = null;
      fire('nianbao-error', String(e && e.message ? e.message : e));
    } finally {
      busy = false;
    }
  };
}

/** The text of the page's element `selector` (tables kept), through the HTML converter. */
async function sourceText(selector) {
  const el = document.querySelector(selector);
  return el ? (await importVerified([pins.convert])).htmlToText(el.innerHTML) : '';
}

const failed = (root, e) => {
  root.setAttribute('role', 'alert');
  root.textContent = '年报检查器未能加载 / The checker could not load: ' + (e && e.message ? e.message : e);
};

class NianbaoChecker extends HTMLElement {
  static get observedAttributes() { return ['height']; }

  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    this.applyHeight();
    if (this.hasAttribute('frame')) { this.frame(shadow); return; }
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = at(pins.css).href;
    css.integrity = pins.css[1];
    css.crossOrigin = 'anonymous';
    const root = document.createElement('div');
    root.className = 'nianbao-host';
    shadow.append(css, root);
    load().then(async (m) => {
      const selector = this.getAttribute('source');
      // The HTML converter is loaded only for a widget that reads the page.
      const text = selector ? await sourceText(selector) : null;
      this.widget = m.mount(root, this.getAttribute('lang') || 'zh', this.hasAttribute('compact'), text, results(this));
    }).catch((e) => failed(root, e));
  }

  /** Frame mode: embed.html in an iframe, named this page's origin as its only parent. */
  frame(shadow) {
    const url = new URL('embed.html', base);
    url.searchParams.set('parent', location.origin);
    url.searchParams.set('lang', this.getAttribute('lang') || 'zh');
    if (this.hasAttribute('compact')) url.searchParams.set('compact', '');
    const frame = document.createElement('iframe');
    frame.title = this.getAttribute('lang') === 'en' ? 'Annual report checker' : '年报检查';
    frame.src = url.href;
    frame.style.border = '0';
    frame.style.width = '100%';
    if (this.hasAttribute('height')) frame.style.height = '100%';
    shadow.append(frame);
    let ready = false;
    this.send = (text) => {
      if (ready) frame.contentWindow.postMessage({ type: 'nianbao-check', text }, url.origin);
      else this.pending = text;
    };
    window.addEventListener('message', async (e) => {
      if (e.source !== frame.contentWindow || e.origin !== url.origin || !e.data) return;
      if (e.data.type === 'nianbao-resize' && !this.hasAttribute('height')) frame.style.height = e.data.height + 'px';
      if (e.data.type === 'nianbao-checked') this.dispatchEvent(new CustomEvent('nianbao-checked', { detail: e.data.result, bubbles: true, composed: true }));
      if (e.data.type === 'nianbao-error') this.dispatchEvent(new CustomEvent('nianbao-error', { detail: e.data.message, bubbles: true, composed: true }));
      if (e.data.type === 'nianbao-ready' && !ready) {
        ready = true;
        const selector = this.getAttribute('source');
        try {
          const text = this.pending ?? (selector ? await sourceText(selector) : null);
          if (text != null) this.send(text);
        } catch (err) {
          failed(shadow.appendChild(document.createElement('p')), err);
        }
      }
    });
  }

  attributeChangedCallback() { this.applyHeight(); }

  applyHeight() {
    // Through the CSSOM, which a strict style-src allows (an inline style attribute it would not).
    const h = this.getAttribute('height');
    this.style.display = 'block';
    this.style.height = h || '';
    this.style.overflow = h ? 'auto' : '';
  }

  /** Checks this text instead (e.g. a draft from the portal's editor). */
  check(text) {
    if (this.send) this.send(String(text));
    else if (this.widget) this.widget.setText(String(text));
    else load().then(() => queueMicrotask(() => this.widget?.setText(String(text))));
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);
