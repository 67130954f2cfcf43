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
});
