// The reviewer's desk speaks the page's language from the one catalogue
// (`desk!` in src/messages/catalogue.rs; the rules' titles from the rule
// registry): its strings come from the batch module's wasm on the page's
// thread (checker.js), by name, rendered by the catalogue's own renderer.
// Call `ready()` (once) before the first `say`.

import { load } from './checker.js';

let core = null;
let titles = null;

/** Resolves when the strings are here (the batch module loaded). */
export const ready = () => load().then((c) => { core = c; });

/** The page's language: 'en' or 'zh'. */
export const lang = () => ((document.documentElement.lang || 'zh').startsWith('en') ? 'en' : 'zh');

/** The string called `name` in the page's language, with `args` (numbers, or text shown as it is). */
export const say = (name, ...args) => core.say(lang(), name, args);

/** A rule's title in the page's language ('' for an unknown code). */
export function title(code) {
  titles ??= new Map(JSON.parse(core.rules()).map((r) => [r.code, r]));
  const r = titles.get(code);
  return r ? (lang() === 'en' ? r.title_en : r.title) : '';
}
