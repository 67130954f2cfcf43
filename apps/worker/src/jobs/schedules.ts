import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobProducer } from '@puente/queue';
import { JobName, QueueName } from '@puente/queue-contracts';

/**
 * Recurring jobs, declared with BullMQ job schedulers: upserting by a fixed id is idempotent, so every worker
 * process can declare them at boot and there is still one schedule.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer
      .queue(QueueName.Maintenance)
      .upsertJobScheduler('nightly-purge-expired-refresh-tokens', { pattern: '17 3 * * *', tz: 'America/El_Salvador' }, {
        name: JobName.PurgeExpiredRefreshTokens,
        data: {},
      });
    // The job outbox delivers every notification now: the minutely sweep of unsent ones is gone from Redis too.
    await this.producer.queue(QueueName.Notifications).removeJobScheduler('minutely-queue-unsent-notifications');
    await this.producer
      .queue(QueueName.Rehire)
      .upsertJobScheduler('nightly-rehire-sweep', { pattern: '41 2 * * *', tz: 'America/El_Salvador' }, { name: JobName.RehireSweep, data: {} });
    // After the rehire sweep: the rehire rate reads its decisions.
    await this.producer
      .queue(QueueName.Standing)
      .upsertJobScheduler('nightly-standing-sweep', { pattern: '23 3 * * *', tz: 'America/El_Salvador' }, { name: JobName.StandingSweep, data: {} });
    // What a crash after commit left in the job outbox waits seconds, not minutes.
    await this.producer
      .queue(QueueName.Outbox)
      .upsertJobScheduler('outbox-drain-every-5s', { every: 5_000 }, { name: JobName.DrainOutbox, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } });
  }
}
