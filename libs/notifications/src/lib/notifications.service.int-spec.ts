import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, jobId, JobName } from '@puente/queue-contracts';
import { bootTestModuleWith, queueOf } from '@puente/testing';
import { NOTIFICATION_CHANNEL, NotificationChannel } from './channels';
import { NotificationEntity } from './notification.entity';
import { NotificationsModule } from './notifications.module';
import { NotificationsService, queueDelivery, recordNotification } from './notifications.service';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';

/** A channel that only counts what it is given: the outside world delivery would reach. */
class CountingChannel implements NotificationChannel {
  readonly name = 'counting';
  sent: string[] = [];
  failNext = false;
  async send(n: NotificationEntity): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the relay is down');
    }
    this.sent.push(n.id);
  }
}

describe('the notification outbox', () => {
  let app: INestApplicationContext;
  let ds: DataSource;
  let queue: Queue;
  let channel: CountingChannel;
  let service: NotificationsService;
  const tag = randomUUID();

  beforeAll(async () => {
    channel = new CountingChannel();
    // The channel stands in for the outside world; the producer and the queue are the run's own.
    app = await bootTestModuleWith([NotificationsModule], (b) => b.overrideProvider(NOTIFICATION_CHANNEL).useValue(channel));
    ds = app.get(DataSource);
    queue = queueOf(app, JOB_QUEUE[JobName.DeliverNotification]);
    service = app.get(NotificationsService);
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM notification WHERE dedupe_key LIKE $1`, [`${tag}%`]);
    await app.close();
  });

  const record = (key: string) =>
    ds.transaction((em) => recordNotification(em, { dedupeKey: `${tag}:${key}`, audience: 'COORDINATORS', kind: 'TEST', subject: 'Subject', body: 'Body' }));

  it('records an event once, however often it is recorded', async () => {
    const first = await record('once');
    expect(first).toEqual(expect.any(String));
    expect(await record('once')).toBeNull();
    expect(await ds.query(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [`${tag}:once`])).toEqual([{ n: 1 }]);
  });

  it('sends a notification exactly once, even when its job runs again or three times at once', async () => {
    const id = (await record('send'))!;
    expect(await Promise.all([service.deliver(id), service.deliver(id), service.deliver(id)])).toEqual(expect.arrayContaining(['SENT', 'ALREADY_SENT']));
    expect(await service.deliver(id)).toBe('ALREADY_SENT');
    expect(channel.sent.filter((s) => s === id)).toEqual([id]);
    const [row] = await ds.query(`SELECT channel, attempts, sent_at IS NOT NULL AS sent FROM notification WHERE id = $1`, [id]);
    expect(row).toEqual({ channel: 'counting', attempts: 1, sent: true });
    expect(await service.deliver(randomUUID())).toBe('UNKNOWN');
  });

  it('leaves a notification unsent when the channel fails, so the retry sends it', async () => {
    const id = (await record('retry'))!;
    channel.failNext = true;
    await expect(service.deliver(id)).rejects.toThrow('the relay is down');
    expect((await ds.query(`SELECT sent_at FROM notification WHERE id = $1`, [id]))[0].sent_at).toBeNull();
    expect(await service.deliver(id)).toBe('SENT');
  });

  it('queues delivery through the unit of work that records it, with the notification as job id, once', async () => {
    const uow = app.get(UnitOfWork);
    const record = (tx: UnitOfWorkTx) => recordNotification(tx.em, { dedupeKey: `${tag}:queued`, audience: 'COORDINATORS', kind: 'TEST', subject: 'Subject', body: 'Body' });
    const id = (await uow.run('test.notify', async (tx) => {
      const recorded = await record(tx);
      queueDelivery(tx, [recorded]);
      return recorded;
    }))!;
    // Recorded again (a retried job): nothing new to deliver.
    await uow.run('test.notify', async (tx) => queueDelivery(tx, [await record(tx)]));
    expect((await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter((j) => j.data.notificationId === id).map((j) => j.id)).toEqual([
      jobId(JobName.DeliverNotification, id),
    ]);
  });
});
