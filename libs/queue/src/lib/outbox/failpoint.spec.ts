import { failpointHit } from './failpoint';

describe('the after-commit failpoint', () => {
  it('fires for its own label outside production only', () => {
    expect(failpointHit('matching.start', { PUENTE_FAILPOINT: 'after-commit:matching.start', NODE_ENV: 'test' })).toBe(true);
    expect(failpointHit('matching.start', { PUENTE_FAILPOINT: 'after-commit:matching.start', NODE_ENV: 'production' })).toBe(false);
    expect(failpointHit('contingents.reschedule', { PUENTE_FAILPOINT: 'after-commit:matching.start' })).toBe(false);
    expect(failpointHit('matching.start', {})).toBe(false);
  });
});
