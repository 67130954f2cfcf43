/**
 * For the crash tests: outside production, `PUENTE_FAILPOINT=after-commit:<label>` kills the process the moment the
 * unit of work `<label>` has committed, before its outbox is drained, as a crash there would;
 * `PUENTE_FAILPOINT=before-commit:<label>` kills it inside the transaction, its work and outbox rows written and not
 * yet committed; `PUENTE_FAILPOINT=after-send:<label>` kills it once a message has left for the outside world and
 * before its transaction records so (notification delivery); `PUENTE_FAILPOINT=mid-drain:<label>#<n>` kills it while
 * it carries out the outbox of the unit `<label>` (the drain after commit, or the worker's sweep), after its n-th
 * round of operations (a bulk add, a removal, a publish: `stepsOf`) and before the next, the unit's rows not yet
 * deleted.
 */
export type FailpointStage = 'before-commit' | 'after-commit' | 'after-send' | 'mid-drain';

export function failpoint(stage: FailpointStage, label: string, env: NodeJS.ProcessEnv = process.env): void {
  if (failpointHit(stage, label, env)) process.kill(process.pid, 'SIGKILL');
}

export function failpointHit(stage: FailpointStage, label: string, env: NodeJS.ProcessEnv): boolean {
  return env['NODE_ENV'] !== 'production' && env['PUENTE_FAILPOINT'] === `${stage}:${label}`;
}
