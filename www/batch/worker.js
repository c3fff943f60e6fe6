// One worker of the batch pool: the checker and the batch summary as their
// own wasm module (batch-wasm/, same origin, loaded only for a batch).
// Messages: { id, op, args } → { id, result } or { id, error }.
import init, { summarize, pair, pairs, compareYears, problemRow, exportCsv, exportXlsx } from './nianbao_batch_wasm.js';

// scripts/pin.mjs gives this module `__nianbaoPins`: the wasm's integrity,
// checked as it is fetched.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : {};
const ready = init({ module_or_path: fetch(new URL('nianbao_batch_wasm_bg.wasm', import.meta.url), { integrity: pins.wasm?.[1] ?? '' }) });

const ops = {
  summarize: (text, file, lang) => JSON.parse(summarize(text, file, lang)),
  pair: (now, before, file, lang) => {
    const r = pair(now, before, file, lang);
    return r ? JSON.parse(r) : null;
  },
  pairs: (keys) => pairs(keys),
  compareYears: (now, before) => JSON.parse(compareYears(now, before)),
  problemRow: (file, why) => problemRow(file, why),
  csv: (lang, rows) => exportCsv(lang, rows),
  xlsx: (lang, rows, findings) => exportXlsx(lang, rows, findings),
};

self.onmessage = async (e) => {
  const { id, op, args } = e.data;
  try {
    await ready;
    const result = ops[op](...args);
    self.postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
