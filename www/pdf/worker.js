// The PDF reader's Web Worker: loads the second wasm module (only now, when a
// PDF is opened) and returns the text read from the PDF's geometry. A fault in
// the reader stops this worker, never the page.
//
// A classic script: scripts/build-pdf-wasm.sh puts the reader's wasm-bindgen
// glue (`wasm_bindgen`, target no-modules) in front of it, so that the whole
// worker is one file. The client runs it from a blob of bytes it has checked
// against the build's integrity (a Worker takes no integrity of its own), and
// its first message says where the wasm is and what its integrity is.
let ready = null;

self.onmessage = async (e) => {
  if (e.data.wasm) {
    ready = wasm_bindgen({ module_or_path: fetch(e.data.wasm, { integrity: e.data.integrity || '' }) })
      .catch(() => { throw new Error('unavailable: the PDF reader could not be fetched or does not match the build'); });
    ready.catch(() => {});
    return;
  }
  const { id, bytes } = e.data;
  try {
    await ready;
    const t0 = performance.now();
    const json = wasm_bindgen.extractPdf(new Uint8Array(bytes));
    self.postMessage({ id, ok: true, json, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String((err && err.message) || err) });
  }
};
