import { PuenteConfig } from '@puente/config';
import { unavailableDependency } from '@puente/common';
import { StatusEvents } from './status-events';

/**
 * A status event that cannot reach Redis fails its publish, so the job outbox keeps the row and the sweep
 * publishes it once Redis is back (a publish-only unit, as an applicant's correction, would otherwise be lost).
 */
describe('StatusEvents.publish with Redis out of reach', () => {
  it('rejects with an error that names Redis as unavailable, instead of dropping the event', async () => {
    // Port 1: nothing listens there, every connection is refused.
    const events = new StatusEvents({ redis: { url: 'redis://127.0.0.1:1', queuePrefix: 'puente-test-unreachable' } } as PuenteConfig);
    try {
      const error = await events.publish(['00000000-0000-4000-8000-000000000000'], 'test').then(
        () => null,
        (e: unknown) => e,
      );
      expect(unavailableDependency(error)).toBe('redis');
    } finally {
      await events.onModuleDestroy();
    }
  });
});
