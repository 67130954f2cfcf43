/**
 * For the crash tests: outside production, `PUENTE_FAILPOINT=after-commit:<label>` kills the process the moment the
 * unit of work `<label>` has committed, before its outbox is drained, as a crash there would;
 * `PUENTE_FAILPOINT=before-commit:<label>` kills it inside the transaction, its work and outbox rows written and not
 * yet committed; `PUENTE_FAILPOINT=after-send:<label>` kills it once a message has left for the outside world and
 * before its transaction records so (notification delivery).
 */
export type FailpointStage = 'before-commit' | 'after-commit' | 'after-send';

export function failpoint(stage: FailpointStage, label: string, env: NodeJS.ProcessEnv = process.env): void {
  if (failpointHit(stage, label, env)) process.kill(process.pid, 'SIGKILL');
}

export function failpointHit(stage: FailpointStage, label: string, env: NodeJS.ProcessEnv): boolean {
  return env['NODE_ENV'] !== 'production' && env['PUENTE_FAILPOINT'] === `${stage}:${label}`;
}
