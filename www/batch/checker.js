// The checker without the interface, on the page's thread: the batch module's
// wasm (batch-wasm/, which also checks each report of a batch in a worker)
// through its ES glue (core.js). The JSON document of the output contract
// comes from here for everything that needs it and not the editor: the
// JavaScript API (nianbao.js), the embed's results (embed-frame.js,
// nianbao-embed.js), the JSON export and the annotated Word file. The app's
// own wasm has no JSON writer: it stays out of the first load.
//
// scripts/pin.mjs gives this module `__nianbaoPins`: the hashed names and
// integrity hashes of core.js and of the wasm; both are checked as they are
// fetched (a build without that step loads the plain names).
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : null;
const root = new URL('../', import.meta.url);

// Unpinned: beside this module.
const at = (pin, plain) => (pin ? [new URL(pin[0], root).href, pin[1]] : [new URL(plain, import.meta.url).href, '']);

async function importVerified([url, integrity]) {
  const link = document.createElement('link');
  // A browser without modulepreload (Safari before 17) imports it unchecked.
  if (integrity && link.relList.supports('modulepreload')) {
    await new Promise((ok, no) => {
      link.rel = 'modulepreload';
      link.href = url;
      link.integrity = integrity;
      link.onload = ok;
      link.onerror = () => no(new Error(url + ' could not be fetched or does not match the build'));
      document.head.append(link);
    });
  }
  return import(url);
}

let loading = null;

/**
 * Loads the checker (once): resolves to `check(text, previous?, notes?)`,
 * the document as a string (UTF-16 offsets; `notes`: what decoding the text's
 * file repaired, convert.js `decodeBytes`), `rules()`, the catalogue as a
 * string, and `say(lang, name, args)`, a string of the reviewer's desk
 * (batch/words.js). `wasm` overrides where the wasm comes from (the API's init option).
 */
export function load(wasm) {
  loading ??= (async () => {
    const core = await importVerified(at(pins?.core, './core.js'));
    const [url, integrity] = at(pins?.wasm, './nianbao_batch_wasm_bg.wasm');
    const source = wasm ?? fetch(url, { integrity }).catch(() => {
      throw new Error(url + ' could not be fetched or does not match the build');
    });
    await core.default({ module_or_path: source });
    return {
      check: (text, previous, notes) => core.check(text, previous ?? undefined, notes ?? undefined),
      rules: () => core.rules(),
      say: (lang, name, args) => core.say(lang, name, args),
    };
  })().catch((e) => { loading = null; throw e; });
  return loading;
}
