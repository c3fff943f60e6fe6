// The PDF reader's Web Worker: loads the second wasm module (only now, when a
// PDF is opened) and returns the text read from the PDF's geometry. A fault in
// the reader stops this worker, never the page.
import init, { extractPdf } from './nianbao_pdf_wasm.js';

const ready = init({ module_or_path: new URL('nianbao_pdf_wasm_bg.wasm', import.meta.url) });

self.onmessage = async (e) => {
  const { id, bytes } = e.data;
  try {
    await ready;
    const t0 = performance.now();
    const json = extractPdf(new Uint8Array(bytes));
    self.postMessage({ id, ok: true, json, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String((err && err.message) || err) });
  }
};
