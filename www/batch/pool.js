// A pool of Web Workers (batch/worker.js) running the batch wasm module: one
// job a worker at a time, a worker that fails is replaced. Used by the batch
// view and by the last-year panel.

export class Pool {
  constructor(size) {
    this.size = size;
    this.workers = [];
    this.queue = [];
    this.next = 0;
  }
  spawn() {
    const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
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
      this.queue.push({ op, args, resolve, reject });
      this.pump();
    });
  }
  pump() {
    while (this.queue.length) {
      let slot = this.workers.find((s) => !s.job);
      if (!slot && this.workers.length < this.size) slot = this.spawn();
      if (!slot) return;
      slot.job = this.queue.shift();
      slot.worker.postMessage({ id: ++this.next, op: slot.job.op, args: slot.job.args });
    }
  }
  stop() {
    for (const s of this.workers) s.worker.terminate();
    for (const j of this.queue) j.reject(new Error('cancelled'));
    for (const s of this.workers) s.job?.reject(new Error('cancelled'));
    this.workers = [];
    this.queue = [];
  }
}
