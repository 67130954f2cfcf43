import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, jobId, JobName, QueueName } from '@puente/queue-contracts';
import { startApi, TestApi } from '../support/api';
import { newCoordinator } from '../support/people';
import { isAlive, killHard, spawnWorker, until } from '../support/processes';

/** Queues of this test alone: no other worker delivers its notification. */
const QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}-crash-mail`.slice(0, 40);

interface Mail {
  messageId: string;
  to: string[];
  subject: string;
}

/**
 * A worker killed (SIGKILL) while it delivers a notification by e-mail: after the relay accepted the message and
 * before its transaction recorded it as sent (the after-send failpoint), the worst moment. The worker started again
 * sends it again, and records it sent once; both copies carry the same Message-ID, made from the notification's id,
 * so the recipient's mail store keeps one. A later duplicate job sends nothing.
 */
describe('a worker killed while it delivers a notification', () => {
  jest.setTimeout(90_000);
  let api: TestApi;
  let db: DataSource;
  let queue: Queue;
  let relay: SMTPServer;
  let smtpUrl = '';
  const mails: Mail[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    relay = new SMTPServer({
      logger: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          // Headers unfolded: a long one continues on lines that start with a space.
          const headers = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
          const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
          mails.push({ messageId: header('Message-ID'), to: session.envelope.rcptTo.map((a) => a.address), subject: header('Subject') });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
    api = await startApi({ QUEUE_PREFIX });
    db = api.app.get(DataSource);
    queue = new Queue(QueueName.Notifications, { connection: { url: process.env.REDIS_URL! }, prefix: QUEUE_PREFIX });
  });

  afterAll(async () => {
    for (const w of workers) await killHard(w);
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await api?.close();
    await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  });

  const worker = async (env: Record<string, string> = {}) => {
    const child = await spawnWorker({ QUEUE_PREFIX, SMTP_URL: smtpUrl, WORKER_LOCK_DURATION_MS: '2000', ...env });
    workers.push(child);
    return child;
  };
  const row = async (id: string) =>
    (await db.query(`SELECT sent_at AS "sentAt", attempts, channel FROM notification WHERE id = $1`, [id]))[0] as { sentAt: Date | null; attempts: number; channel: string | null };

  it('sends again after the kill, records it sent once, with one Message-ID; a duplicate job sends nothing', async () => {
    const coordinator = await newCoordinator(api);
    const subject = `Crash test ${randomUUID()}`;
    const [{ id }] = await db.query(
      `INSERT INTO notification (dedupe_key, audience, user_id, kind, subject, body) VALUES ($1, 'USER', $2, 'TEST', $3, 'A message for the crash test.') RETURNING id`,
      [`crash-mail:${subject}`, coordinator.id, subject],
    );
    const ours = () => mails.filter((m) => m.subject === subject);
    await queue.add(JobName.DeliverNotification, { notificationId: id }, { ...DEFAULT_JOB_OPTIONS, jobId: jobId(JobName.DeliverNotification, id) });

    const crashing = await worker({ PUENTE_FAILPOINT: 'after-send:notifications.deliver' });
    await until('the worker to die after sending', async () => !isAlive(crashing), 60_000);
    expect(crashing.signalCode).toBe('SIGKILL');
    // The relay has the message; the database does not know it was sent (its transaction died with the worker).
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ to: [coordinator.email], messageId: `<notification.${id}@puente.local>` });
    expect(await row(id)).toEqual({ sentAt: null, attempts: 0, channel: null });

    await worker();
    await until('the retried delivery', async () => (await row(id)).sentAt !== null, 60_000);
    expect(await row(id)).toMatchObject({ attempts: 1, channel: 'smtp' });
    expect(ours()).toHaveLength(2);
    expect(new Set(ours().map((m) => m.messageId))).toEqual(new Set([`<notification.${id}@puente.local>`]));
    await until('the job to complete', async () => (await (await queue.getJob(jobId(JobName.DeliverNotification, id)))?.getState()) === 'completed');

    // The same notification delivered again (a duplicate job): already sent, nothing leaves.
    const duplicate = await queue.add(JobName.DeliverNotification, { notificationId: id }, { jobId: `${jobId(JobName.DeliverNotification, id)}-again` });
    await until('the duplicate to complete', async () => (await duplicate.getState()) === 'completed');
    expect(ours()).toHaveLength(2);
    expect(await row(id)).toMatchObject({ attempts: 1 });
  });
});
