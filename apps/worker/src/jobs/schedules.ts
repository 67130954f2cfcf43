import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, RepeatOptions } from 'bullmq';
import { JobProducer } from '@puente/queue';
import { JobName, QueueName } from '@puente/queue-contracts';

/**
 * Recurring jobs, declared with BullMQ job schedulers: upserting by a fixed id is idempotent, so every worker
 * process can declare them at boot and there is still one schedule.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger('schedules');

  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    const nightly = (pattern: string): RepeatOptions => ({ pattern, tz: 'America/El_Salvador' });
    await this.declare(QueueName.Maintenance, 'nightly-purge-expired-refresh-tokens', nightly('17 3 * * *'), JobName.PurgeExpiredRefreshTokens);
    // The job outbox delivers every notification now: the minutely sweep of unsent ones is gone from Redis too.
    await this.producer.queue(QueueName.Notifications).removeJobScheduler('minutely-queue-unsent-notifications');
    await this.declare(QueueName.Rehire, 'nightly-rehire-sweep', nightly('41 2 * * *'), JobName.RehireSweep);
    // After the rehire sweep: the rehire rate reads its decisions.
    await this.declare(QueueName.Standing, 'nightly-standing-sweep', nightly('23 3 * * *'), JobName.StandingSweep);
    // After the nightly sweeps (the figures read rehire decisions and standings' cases).
    await this.declare(QueueName.Statistics, 'nightly-statistics-refresh', nightly('47 3 * * *'), JobName.RefreshStatistics);
    // The exports' files 24 hours after each was built (until the purge, an expired file is refused anyway).
    await this.declare(QueueName.Exports, 'nightly-purge-expired-exports', nightly('11 4 * * *'), JobName.PurgeExpiredExports);
    // What a crash after commit left in the job outbox waits seconds, not minutes.
    await this.declare(QueueName.Outbox, 'outbox-drain-every-5s', { every: 5_000 }, JobName.DrainOutbox, { removeOnComplete: true, removeOnFail: 100 });
  }

  /**
   * Upserts one schedule. A worker whose clock runs behind another's can find the next run already taken by that
   * worker ("job ID already exists"): the schedule is there, so it boots anyway and says so, instead of failing.
   */
  private async declare(queue: QueueName, id: string, repeat: RepeatOptions, name: JobName, opts?: JobSchedulerTemplateOptions): Promise<void> {
    try {
      await this.producer.queue(queue).upsertJobScheduler(id, repeat, { name, data: {}, ...(opts ? { opts } : {}) });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('job ID already exists')) throw error;
      this.logger.warn(`Schedule ${id}: its next run was taken by another worker already; the schedule stands`);
    }
  }
}
