// The page's side of the PDF reader: runs it in a Web Worker (www/pdf/worker.js),
// maps byte spans of the extracted text to pages and boxes, and words the
// one sentence a PDF without readable text gets. Used by the app and by
// checkPdf() of the JavaScript API; imported only when a PDF is opened.

let worker = null;
let next = 0;
const pending = new Map();

// scripts/pin.mjs gives this module `__nianbaoPins`: the hashed names and
// integrity hashes of the worker (one classic script: the reader's glue and
// its loop) and of the reader's wasm, relative to the site's root.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : null;
const root = new URL('../', import.meta.url);

/**
 * The worker's script: fetched with its integrity and run from a blob of
 * exactly those bytes (a Worker takes no integrity of its own). This needs
 * `worker-src blob:` in the page's Content-Security-Policy. Unpinned builds
 * run worker.js by its URL.
 */
async function workerUrl() {
  if (!pins) return new URL('worker.js', import.meta.url);
  let code;
  try {
    code = await (await fetch(new URL(pins.worker[0], root), { integrity: pins.worker[1] })).text();
  } catch (_) {
    throw pdfError('unavailable: ' + pins.worker[0]);
  }
  return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}

let script = null;
let starting = null;
function start() {
  script ??= workerUrl().catch((e) => { script = null; throw e; });
  starting ??= script.then((url) => {
    try {
      worker = new Worker(url);
    } catch (e) {
      // The page's Content-Security-Policy forbids the worker (worker-src).
      throw pdfError('unavailable: ' + e.message);
    }
    const wasm = pins ? pins.wasm : ['pdf/nianbao_pdf_wasm_bg.wasm', ''];
    worker.postMessage({ wasm: new URL(wasm[0], root).href, integrity: wasm[1] });
    listen(worker);
  }).catch((e) => { starting = null; throw e; });
  return starting;
}

function listen(w) {
  w.onmessage = (e) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve({ ...JSON.parse(e.data.json), ms: e.data.ms });
    else {
      // A fault may leave the module in a bad state: a fresh worker reads the PDFs still waiting.
      restart();
      p.reject(pdfError(e.data.error));
    }
  };
  w.onerror = (e) => {
    e.preventDefault();
    // The worker reads one PDF at a time, in the order sent: the oldest one stopped it.
    const [first] = pending.keys();
    const p = pending.get(first);
    pending.delete(first);
    restart();
    p?.reject(pdfError('damaged: ' + (e.message || 'the reader stopped')));
  };
}

function stop() {
  if (worker) worker.terminate();
  worker = null;
  starting = null;
}

/**
 * A new worker for the PDFs sent to the one stopped: a batch reads several
 * at once, and one damaged PDF must not leave the others waiting for good.
 */
function restart() {
  stop();
  for (const id of pending.keys()) send(id);
}

/** Sends a waiting PDF to the worker (started if need be), once per worker. */
function send(id) {
  start().then(
    () => {
      const p = pending.get(id);
      if (!p || p.to === worker) return;
      p.to = worker;
      const copy = p.bytes.slice().buffer;
      worker.postMessage({ id, bytes: copy }, [copy]);
    },
    (err) => {
      const p = pending.get(id);
      if (pending.delete(id)) p.reject(err);
    },
  );
}

const SENTENCES = {
  password: ['此 PDF 设有打开密码，无法读取；请提供未加密的文件。', 'This PDF needs a password to open: provide an unprotected copy.'],
  scan: ['这是扫描件，没有文字层；请使用有文字的 PDF 或先做文字识别。', 'This is a scan with no text layer: use a PDF with text, or run text recognition first.'],
  unmappable: ['此 PDF 的字体没有说明所绘文字，无法提取文本；请从原文档重新导出 PDF。', "This PDF's fonts do not say which characters they draw: export the PDF again from the original document."],
  'too-large': ['此 PDF 超出年度报告的合理规模，未读取。', 'This PDF is too large to be a report; it was not read.'],
  damaged: ['此 PDF 已损坏，无法读取。', 'This PDF is damaged and cannot be read.'],
  unavailable: ['读取 PDF 的模块未能取得，或与发布的版本不一致（可能被篡改），未读取。', 'The PDF reader could not be fetched or does not match the published build (altered?): the PDF was not read.'],
};

/**
 * An Error with `code` (password, scan, unmappable, too-large, damaged,
 * unavailable), `zh` and `en`. A damaged or too large PDF's sentence ends
 * with what the reader found, as the command line's does ("此 PDF 已损坏，
 * 无法读取（读取器报告：failed parsing cross reference table）。"): whoever is asked
 * for help can tell one fault from another.
 */
export function pdfError(raw) {
  const code = Object.keys(SENTENCES).find((k) => raw === k || raw.startsWith(k + ':')) ?? 'damaged';
  let [zh, en] = SENTENCES[code];
  const why = raw.startsWith(code + ':') ? raw.slice(code.length + 1).trim() : '';
  if (why && (code === 'damaged' || code === 'too-large')) {
    // The reader's words are English: marked as its report in the Chinese sentence.
    zh = `${zh.slice(0, -1)}（${code === 'damaged' ? '读取器报告：' : ''}${why}）。`;
    en = `${en.slice(0, -1)} (${why}).`;
  }
  const err = new Error(`${zh} ${en}`);
  err.code = code;
  err.zh = zh;
  err.en = en;
  err.detail = raw;
  return err;
}

/** Reads a PDF in the worker: `{ text, pages: [[w, h]], map: [[start, end, page, x, y, w, h]], dropped, ms }`. */
export function extractPdf(bytes) {
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject, bytes, to: null });
    send(id);
  });
}

/** The page and box of a byte range of the extracted text (the first page it touches). */
export function locate(map, start, end) {
  end = Math.max(end, start + 1);
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid][1] <= start) lo = mid + 1;
    else hi = mid;
  }
  let found = null;
  for (let i = lo; i < map.length && map[i][0] < end; i++) {
    const [, , page, x, y, w, h] = map[i];
    if (!found) found = { page, x0: x, y0: y, x1: x + w, y1: y + h };
    else if (found.page === page) {
      found.x0 = Math.min(found.x0, x);
      found.y0 = Math.min(found.y0, y);
      found.x1 = Math.max(found.x1, x + w);
      found.y1 = Math.max(found.y1, y + h);
    }
  }
  if (!found && lo > 0 && map[lo - 1][1] === start) {
    const [, , page, x, y, w, h] = map[lo - 1];
    found = { page, x0: x, y0: y, x1: x + w, y1: y + h };
  }
  if (!found) return null;
  const r = (v) => Math.round(v * 10) / 10;
  return { page: found.page, box: { x: r(found.x0), y: r(found.y0), w: r(found.x1 - found.x0), h: r(found.y1 - found.y0) } };
}

/** Adds page, box and the PDF source to a checked document (the JSON of check()). */
export function placeFindings(result, pdf) {
  result.report.source = { kind: 'pdf', pages: pdf.pages.length, page_boxes: pdf.pages.map(([width, height]) => ({ width, height })) };
  for (const d of result.diagnostics) {
    const at = locate(pdf.map, d.span.start, d.span.end);
    if (at) {
      d.page = at.page;
      d.box = at.box;
    }
  }
  return result;
}
