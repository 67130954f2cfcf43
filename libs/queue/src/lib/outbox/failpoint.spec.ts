import { failpointHit } from './failpoint';

describe('the crash failpoints', () => {
  it('fire for their own stage and label outside production only', () => {
    expect(failpointHit('after-commit', 'matching.start', { PUENTE_FAILPOINT: 'after-commit:matching.start', NODE_ENV: 'test' })).toBe(true);
    expect(failpointHit('before-commit', 'matching.start', { PUENTE_FAILPOINT: 'before-commit:matching.start', NODE_ENV: 'test' })).toBe(true);
    expect(failpointHit('before-commit', 'matching.start', { PUENTE_FAILPOINT: 'after-commit:matching.start', NODE_ENV: 'test' })).toBe(false);
    expect(failpointHit('after-commit', 'matching.start', { PUENTE_FAILPOINT: 'before-commit:matching.start', NODE_ENV: 'test' })).toBe(false);
    expect(failpointHit('after-commit', 'matching.start', { PUENTE_FAILPOINT: 'after-commit:matching.start', NODE_ENV: 'production' })).toBe(false);
    expect(failpointHit('before-commit', 'matching.start', { PUENTE_FAILPOINT: 'before-commit:matching.start', NODE_ENV: 'production' })).toBe(false);
    expect(failpointHit('after-commit', 'contingents.reschedule', { PUENTE_FAILPOINT: 'after-commit:matching.start' })).toBe(false);
    expect(failpointHit('after-commit', 'matching.start', {})).toBe(false);
  });

  it('fire mid-drain after the round of operations named, of the unit named, outside production only', () => {
    const env = { PUENTE_FAILPOINT: 'mid-drain:contingents.reschedule#2', NODE_ENV: 'test' };
    expect(failpointHit('mid-drain', 'contingents.reschedule#2', env)).toBe(true);
    expect(failpointHit('mid-drain', 'contingents.reschedule#1', env)).toBe(false);
    expect(failpointHit('mid-drain', 'contingents.reschedule#3', env)).toBe(false);
    expect(failpointHit('mid-drain', 'contingents.schedule#2', env)).toBe(false);
    expect(failpointHit('after-commit', 'contingents.reschedule', { ...env, PUENTE_FAILPOINT: 'mid-drain:contingents.reschedule' })).toBe(false);
    expect(failpointHit('mid-drain', 'contingents.reschedule#2', { ...env, NODE_ENV: 'production' })).toBe(false);
  });
});
