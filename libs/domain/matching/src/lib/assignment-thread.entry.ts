import { parentPort } from 'node:worker_threads';
import { assignIndexed, type IndexedCandidates } from './assignment';

/**
 * The assignment thread's code: it solves what it is sent and answers with the chosen pairs. An exception ends
 * the thread, and the run's attempt with it (AssignmentThread rejects); the job is retried.
 */
parentPort!.on('message', (candidates: IndexedCandidates) => {
  const chosen = assignIndexed(candidates);
  parentPort!.postMessage(chosen, [chosen.buffer as ArrayBuffer]);
});
