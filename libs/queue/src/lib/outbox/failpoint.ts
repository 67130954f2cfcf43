/**
 * For the crash tests: outside production, `PUENTE_FAILPOINT=after-commit:<label>` kills the process the moment the
 * unit of work `<label>` has committed, before its outbox is drained, as a crash there would.
 */
export function failpointAfterCommit(label: string, env: NodeJS.ProcessEnv = process.env): void {
  if (failpointHit(label, env)) process.kill(process.pid, 'SIGKILL');
}

export function failpointHit(label: string, env: NodeJS.ProcessEnv): boolean {
  return env['NODE_ENV'] !== 'production' && env['PUENTE_FAILPOINT'] === `after-commit:${label}`;
}
