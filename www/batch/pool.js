// A pool of Web Workers (batch/worker.js) running the batch wasm module: one
// job a worker at a time, a worker that fails is replaced. Used by the batch
// view and by the last-year panel.

// scripts/pin.mjs gives this module `__nianbaoPins`: the hashed names and
// integrity hashes of the worker (one classic script: the glue and its loop)
// and of the batch wasm, relative to the site's root.
const pins = typeof __nianbaoPins === 'object' ? __nianbaoPins : null;
const root = new URL('../', import.meta.url);

let script = null;
/**
 * The worker's script: fetched with its integrity and run from a blob of
 * exactly those bytes (a Worker takes no integrity of its own); the page's
 * Content-Security-Policy needs `worker-src blob:`. Unpinned builds run
 * worker.js by its URL.
 */
function workerScript() {
  if (!pins) return Promise.resolve(new URL('worker.js', import.meta.url));
  script ??= fetch(new URL(pins.worker[0], root), { integrity: pins.worker[1] })
    .then((r) => r.text())
    .then((code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' })))
    .catch(() => { script = null; throw new Error('the batch check could not be fetched or does not match the build'); });
  return script;
}

export class Pool {
  constructor(size) {
    this.size = size;
    this.workers = [];
    this.queue = [];
    this.next = 0;
    this.url = null;
  }
  spawn() {
    const worker = new Worker(this.url);
    const wasm = pins ? new URL(pins.wasm[0], root) : new URL('nianbao_batch_wasm_bg.wasm', import.meta.url);
    worker.postMessage({ wasm: wasm.href, integrity: pins ? pins.wasm[1] : '' });
    const slot = { worker, job: null };
    worker.onmessage = (e) => {
      const job = slot.job;
      slot.job = null;
      if (!job) return;
      if ('error' in e.data) {
        // A fault may leave the module in a bad state: this worker is replaced.
        this.replace(slot);
        job.reject(new Error(e.data.error));
      } else job.resolve(e.data.result);
      this.pump();
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const job = slot.job;
      slot.job = null;
      this.replace(slot);
      job?.reject(new Error(e.message || 'worker stopped'));
      this.pump();
    };
    this.workers.push(slot);
    return slot;
  }
  replace(slot) {
    slot.worker.terminate();
    this.workers = this.workers.filter((s) => s !== slot);
  }
  run(op, ...args) {
    return new Promise((resolve, reject) => {
      // A stopped pool starts no workers again: what was under way when it stopped ends here.
      if (this.stopped) { reject(new Error('cancelled')); return; }
      this.queue.push({ op, args, resolve, reject });
      if (this.url) { this.pump(); return; }
      // The worker's script first (once): until it is here, jobs wait in the queue.
      workerScript().then((url) => { this.url = url; this.pump(); }, (e) => {
        for (const j of this.queue.splice(0)) j.reject(e);
      });
    });
  }
  pump() {
    if (!this.url) return;
    while (this.queue.length) {
      let slot = this.workers.find((s) => !s.job);
      if (!slot && this.workers.length < this.size) slot = this.spawn();
      if (!slot) return;
      slot.job = this.queue.shift();
      slot.worker.postMessage({ id: ++this.next, op: slot.job.op, args: slot.job.args });
    }
  }
  stop() {
    this.stopped = true;
    for (const s of this.workers) s.worker.terminate();
    for (const j of this.queue) j.reject(new Error('cancelled'));
    for (const s of this.workers) s.job?.reject(new Error('cancelled'));
    this.workers = [];
    this.queue = [];
  }
}
