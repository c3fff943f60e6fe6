// One worker of the batch pool: the checker and the batch summary as their
// own wasm module (batch-wasm/, same origin, loaded only for a batch).
// Messages: { id, op, args } → { id, result } or { id, error }.
//
// A classic script: scripts/build-batch-wasm.sh puts the module's
// wasm-bindgen glue (`wasm_bindgen`, target no-modules) in front of it, so
// that the whole worker is one file. The pool runs it from a blob of bytes it
// has checked against the build's integrity (a Worker takes no integrity of
// its own), and its first message says where the wasm is and what its
// integrity is.
let ready = null;

const ops = {
  summarize: (text, notes, file, pages) => JSON.parse(wasm_bindgen.summarize(text, notes, file, pages)),
  pair: (now, before, file, beforeFile, places) => {
    const r = wasm_bindgen.pair(now, before, file, beforeFile, new Uint32Array(places ?? []));
    return r ? JSON.parse(r) : null;
  },
  pairs: (keys) => wasm_bindgen.pairs(keys),
  sameYear: (keys) => wasm_bindgen.sameYear(keys),
  compareYears: (now, before) => JSON.parse(wasm_bindgen.compareYears(now, before)),
  problemRow: (file, why) => wasm_bindgen.problemRow(file, why),
  csv: (lang, rows, remarks) => wasm_bindgen.exportCsv(lang, rows, remarks),
  xlsx: (lang, rows, remarks, findings) => wasm_bindgen.exportXlsx(lang, rows, remarks, findings),
};

self.onmessage = async (e) => {
  if (e.data.wasm) {
    ready = wasm_bindgen({ module_or_path: fetch(e.data.wasm, { integrity: e.data.integrity || '' }) })
      .catch(() => { throw new Error('the batch check could not be fetched or does not match the build'); });
    ready.catch(() => {});
    return;
  }
  const { id, op, args } = e.data;
  try {
    await ready;
    const result = ops[op](...args);
    self.postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
