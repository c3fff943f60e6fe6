// The JavaScript API: check reports from your own code, in the page.
//
//   import init, { check, rules } from '/nianbao/nianbao.js';
//   await init();
//   const result = check(text, { previous: lastYearsText });
//
// Types: nianbao.d.ts. Errors are thrown as exceptions with a message.
import load, { check as checkWasm, rules as rulesWasm } from './www.js';

let ready = null;

/** Loads the checker (once). Resolves when check() and rules() can be called. */
export default function init(options) {
  ready ??= load(options ?? { module_or_path: new URL('www_bg.wasm', import.meta.url) }).then(() => true);
  return ready;
}

function loaded(what) {
  if (!ready) throw new Error(`nianbao.${what}(): call and await init() first`);
}

/** Checks one report; `options.previous` is last year's report of the same body. */
export function check(text, options = {}) {
  loaded('check');
  if (typeof text !== 'string') throw new TypeError('nianbao.check(text): text must be a string');
  const previous = options?.previous;
  if (previous != null && typeof previous !== 'string') throw new TypeError('nianbao.check(text, { previous }): previous must be a string');
  try {
    return checkWasm(text, previous == null ? undefined : { previous });
  } catch (e) {
    throw new Error('nianbao.check failed: ' + (e && e.message ? e.message : e));
  }
}

/** The rule catalog: code, name, severity, titles and documentation. */
export function rules() {
  loaded('rules');
  return rulesWasm();
}
