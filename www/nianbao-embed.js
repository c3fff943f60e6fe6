// <nianbao-checker>: nianbao for government portals. One module script and the
// element; the checker (wasm) loads only when the first element appears, and
// lives in a shadow root so that the page's CSS and ours never meet. The report
// text is checked inside the page: nothing is sent anywhere.
//
//   <script type="module" src="/nianbao/nianbao-embed.js"></script>
//   <nianbao-checker lang="zh" compact source="article" height="30rem"></nianbao-checker>
//
// Attributes: lang (zh|en), compact (findings only), source (a CSS selector of
// an element whose text is the report to check), height (any CSS length).
// Event: `nianbao-checked`, detail = the result object (see nianbao.d.ts).
const base = new URL('.', import.meta.url);
let module;

function load() {
  module ??= import(new URL('www.js', base).href).then(async (m) => {
    await m.default({ module_or_path: new URL('www_bg.wasm', base) });
    return m;
  });
  return module;
}

class NianbaoChecker extends HTMLElement {
  static get observedAttributes() { return ['height']; }

  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('style.css', base).href;
    const root = document.createElement('div');
    root.className = 'nianbao-host';
    shadow.append(css, root);
    this.applyHeight();
    load().then(async (m) => {
      const selector = this.getAttribute('source');
      let text = null;
      if (selector) {
        const el = document.querySelector(selector);
        // The HTML converter is loaded only for a widget that reads the page.
        text = el ? (await import(new URL('convert.js', base).href)).htmlToText(el.innerHTML) : '';
      }
      const notify = (result) => this.dispatchEvent(new CustomEvent('nianbao-checked', { detail: result, bubbles: true, composed: true }));
      this.widget = m.mount(root, this.getAttribute('lang') || 'zh', this.hasAttribute('compact'), text, notify);
    }).catch((e) => {
      root.setAttribute('role', 'alert');
      root.textContent = '年报检查器未能加载 / The checker could not load: ' + (e && e.message ? e.message : e);
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
    if (this.widget) this.widget.setText(String(text));
    else load().then(() => queueMicrotask(() => this.widget?.setText(String(text))));
  }
}

if (!customElements.get('nianbao-checker')) customElements.define('nianbao-checker', NianbaoChecker);
