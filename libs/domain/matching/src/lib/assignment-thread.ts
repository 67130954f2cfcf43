import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexedCandidates } from './assignment';

/**
 * A worker thread of its own for one run's assignments (`assignIndexed`), so the worker's event loop stays free
 * while a large graph is solved: BullMQ renews the job's lock from it (a blocked loop for longer than the lock
 * lets another worker take the job as stalled), and other jobs and health checks are answered meanwhile.
 *
 * The entry file is TypeScript wherever the apps run from source (`node -r @swc-node/register`, and Jest, whose
 * SWC transform does not reach a new thread): then the thread registers @swc-node/register itself before loading
 * it. A build to JavaScript loads the .js entry directly.
 */
export class AssignmentThread {
  private readonly worker: Worker;
  private pending: { resolve: (chosen: Int32Array) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor() {
    const entry = path.join(__dirname, `assignment-thread.entry${path.extname(__filename)}`);
    this.worker = entry.endsWith('.ts')
      ? new Worker(`if (!require.extensions['.ts']) require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(entry)});`, {
          eval: true,
        })
      : new Worker(entry);
    this.worker.on('message', (chosen: Int32Array) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(chosen);
    });
    this.worker.on('error', (error) => this.fail(new Error(`The assignment thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.fail(new Error(`The assignment thread stopped (exit code ${code})`)));
  }

  /** The chosen pairs (indices into the arrays sent), as `assignIndexed` returns them. One call at a time. */
  assign(candidates: IndexedCandidates): Promise<Int32Array> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('The assignment thread is busy'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      // Typed arrays are copied by the structured clone (a memory copy, milliseconds), the caller keeps its own.
      this.worker.postMessage(candidates);
    });
  }

  /** Stops the thread; a call still waiting fails. */
  async close(): Promise<void> {
    if (this.failure) return;
    this.failure = new Error('The assignment thread was closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const p = this.pending;
    this.pending = null;
    p?.reject(this.failure);
  }
}
