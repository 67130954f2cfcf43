import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { DataSource } from 'typeorm';
import { Role } from '@puente/common';
import { loadConfig, PuenteConfig } from '@puente/config';
import { bootTestModule, bootTestModuleWith, TestFactories } from '@puente/testing';
import { LogChannel, NOTIFICATION_CHANNEL } from './channels';
import { NotificationEntity } from './notification.entity';
import { NotificationsModule } from './notifications.module';
import { APPLICANT_RECIPIENT_DIRECTORY, type ApplicantRecipientDirectory, USER_RECIPIENT_DIRECTORY, type UserRecipientDirectory } from './recipient-directory.port';
import { SmtpChannel } from './smtp-channel';

interface Received {
  from: string;
  to: string[];
  headers: string;
  body: string;
}

/** A real SMTP server in this process on a free port; `received` is every message it accepted. */
async function startRelay(options: Partial<SMTPServerOptions> = {}): Promise<{ url: string; received: Received[]; stop: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, done) =>
      auth.username === 'relay' && auth.password === 'relay-pass' ? done(null, { user: auth.username }) : done(new Error('Invalid credentials')),
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const [headers, ...body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ from, to: session.envelope.rcptTo.map((a) => a.address), headers, body: body.join('\r\n\r\n').trimEnd() });
        done();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://relay:relay-pass@127.0.0.1:${port}`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Refuses every recipient at this domain, as a relay does an unknown mailbox. */
const refusing = (domain: string): Partial<SMTPServerOptions> => ({
  onRcptTo: (address, _session, done) =>
    address.address.endsWith(`@${domain}`) ? done(Object.assign(new Error(`<${address.address}>: unknown user`), { responseCode: 550 })) : done(),
});

describe('the SMTP notification channel', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  /** The channel as the notifications module builds it, with the directories auth and applicants provide. */
  let smtp: (options: { url: string; from: string }) => SmtpChannel;
  const tag = randomUUID().slice(0, 8);
  const applicantIds: string[] = [];
  /** What the channel logs: every test's addresses carry the tag, and no line may. */
  const logged: string[] = [];

  beforeAll(async () => {
    app = await bootTestModule();
    make = new TestFactories(app);
    ds = app.get(DataSource);
    const [users, applicants] = [app.get<UserRecipientDirectory>(USER_RECIPIENT_DIRECTORY), app.get<ApplicantRecipientDirectory>(APPLICANT_RECIPIENT_DIRECTORY)];
    smtp = (options) => new SmtpChannel(options, users, applicants);
    const record = (...args: unknown[]) => void logged.push(JSON.stringify(args));
    Logger.overrideLogger({ log: record, warn: record, error: record, debug: record, verbose: record });
  });

  afterEach(() => {
    expect(logged.join('\n')).not.toContain(tag);
    expect(logged.join('\n')).not.toContain('pasaporte');
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM app_user WHERE identifier LIKE $1`, [`%${tag}%`]);
    await ds.query(`DELETE FROM app_user WHERE applicant_id = ANY($1)`, [applicantIds]);
    await ds.query(`DELETE FROM applicant WHERE id = ANY($1)`, [applicantIds]);
    await app.close();
  });

  /** An applicant of this test's own, with or without an e-mail address, registered at the desk. */
  async function applicant(email: string | null): Promise<string> {
    const { id } = await make.applicant({ email }, { verified: false });
    applicantIds.push(id);
    return id;
  }

  async function staff(email: string, role: Role.COORDINATOR | Role.ADMIN, active = true): Promise<void> {
    await make.staffUser(role, { email, active });
  }

  const notification = (fields: Partial<NotificationEntity>): NotificationEntity =>
    Object.assign(new NotificationEntity(), {
      id: randomUUID(),
      kind: 'TRAVEL_STEP_REMINDER',
      subject: 'Recordatorio: cita consular',
      body: 'Su cita consular es el 12 de marzo.\nLleve su pasaporte.',
      applicantId: null,
      ...fields,
    });

  it("mails an applicant's notification to the applicant, as plain text from the configured sender", async () => {
    const relay = await startRelay();
    const channel = smtp({ url: relay.url, from: 'Puente <no-reply@puente.test>' });
    try {
      const address = `ana.${tag}@example.com`;
      await channel.send(notification({ audience: 'APPLICANT', applicantId: await applicant(address) }));
      expect(relay.received).toHaveLength(1);
      const [mail] = relay.received;
      expect(mail.from).toBe('no-reply@puente.test');
      expect(mail.to).toEqual([address]);
      expect(mail.headers).toMatch(/^From: Puente <no-reply@puente\.test>$/m);
      expect(mail.headers).toMatch(new RegExp(`^To: ${address.replace(/\./g, '\\.')}$`, 'm'));
      expect(mail.headers).toMatch(/^Subject: Recordatorio: cita consular$/m);
      expect(mail.headers).toMatch(/^Content-Type: text\/plain/m);
      expect(mail.body).toBe('Su cita consular es el 12 de marzo.\r\nLleve su pasaporte.');
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('gives a notification sent again (a delivery retried after a crash) the same Message-ID, so mail stores keep one', async () => {
    const relay = await startRelay();
    const channel = smtp({ url: relay.url, from: 'Puente <no-reply@puente.test>' });
    try {
      const applicantId = await applicant(`rosa.${tag}@example.com`);
      const once = notification({ audience: 'APPLICANT', applicantId });
      await channel.send(once);
      await channel.send(once);
      await channel.send(notification({ audience: 'APPLICANT', applicantId }));
      const ids = relay.received.map((m) => /^Message-ID: (.+)$/im.exec(m.headers)?.[1]);
      expect(ids[0]).toBe(`<notification.${once.id}@puente.test>`);
      expect(ids[1]).toBe(ids[0]);
      expect(ids[2]).not.toBe(ids[0]);
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('mails coordinators every active coordinator in blind copy, and no one else', async () => {
    const relay = await startRelay();
    const channel = smtp({ url: relay.url, from: 'no-reply@puente.test' });
    try {
      const [one, two, disabled, admin] = ['one', 'two', 'disabled', 'admin'].map((who) => `${who}.${tag}@trabajo.example`);
      await staff(one, Role.COORDINATOR);
      await staff(two, Role.COORDINATOR);
      await staff(disabled, Role.COORDINATOR, false);
      await staff(admin, Role.ADMIN);
      await channel.send(notification({ audience: 'COORDINATORS', kind: 'TRAVEL_STEP_OVERDUE', subject: 'Paso vencido' }));
      expect(relay.received).toHaveLength(1);
      const [mail] = relay.received;
      // Other tests may have coordinators of their own in this database: check ours.
      expect(mail.to).toEqual(expect.arrayContaining([one, two]));
      expect(mail.to).not.toContain(disabled);
      expect(mail.to).not.toContain(admin);
      expect(mail.headers).not.toContain(tag);
      expect(mail.headers).toMatch(/^Subject: Paso vencido$/m);
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('counts a notification mailed when the relay refuses only some coordinators', async () => {
    const relay = await startRelay(refusing('refused.example'));
    const channel = smtp({ url: relay.url, from: 'no-reply@puente.test' });
    try {
      const [kept, refused] = [`kept.${tag}@trabajo.example`, `gone.${tag}@refused.example`];
      await staff(kept, Role.COORDINATOR);
      await staff(refused, Role.COORDINATOR);
      await expect(channel.send(notification({ audience: 'COORDINATORS' }))).resolves.toBeUndefined();
      expect(relay.received).toHaveLength(1);
      expect(relay.received[0].to).toContain(kept);
      expect(relay.received[0].to).not.toContain(refused);
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('sends nothing and does not fail when the applicant has no e-mail address', async () => {
    const relay = await startRelay();
    const channel = smtp({ url: relay.url, from: 'no-reply@puente.test' });
    try {
      await expect(channel.send(notification({ audience: 'APPLICANT', applicantId: await applicant(null) }))).resolves.toBeUndefined();
      expect(relay.received).toEqual([]);
      expect(logged.at(-1)).toContain('Notification not mailed: no recipient has an e-mail address');
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('fails, so the job retries, when the relay refuses the recipient, without naming the address', async () => {
    const relay = await startRelay(refusing('refused.example'));
    const channel = smtp({ url: relay.url, from: 'no-reply@puente.test' });
    try {
      const sending = channel.send(notification({ audience: 'APPLICANT', applicantId: await applicant(`nadie.${tag}@refused.example`) }));
      await expect(sending).rejects.toThrow('SMTP delivery failed: EENVELOPE RCPT TO 550');
      await expect(sending).rejects.not.toThrow(tag);
      expect(relay.received).toEqual([]);
    } finally {
      channel.onModuleDestroy();
      await relay.stop();
    }
  });

  it('fails when the relay refuses the credentials or cannot be reached', async () => {
    const relay = await startRelay();
    const id = await applicant(`ana.${tag}@example.com`);
    const wrongPassword = smtp({ url: relay.url.replace('relay-pass', 'wrong'), from: 'no-reply@puente.test' });
    await expect(wrongPassword.send(notification({ audience: 'APPLICANT', applicantId: id }))).rejects.toThrow(/^SMTP delivery failed: EAUTH/);
    wrongPassword.onModuleDestroy();
    await relay.stop();
    const unreachable = smtp({ url: relay.url, from: 'no-reply@puente.test' });
    await expect(unreachable.send(notification({ audience: 'APPLICANT', applicantId: id }))).rejects.toThrow(/^SMTP delivery failed: (ECONNECTION|ESOCKET)/);
    unreachable.onModuleDestroy();
    expect(relay.received).toEqual([]);
  });

  it('is the channel of the notifications module when SMTP_URL is set, the log otherwise', async () => {
    const channelWith = async (env: Record<string, string | undefined>) => {
      // Composed as the apps compose it: the owners of users and applicants provide the recipient directory.
      const module = await bootTestModuleWith([NotificationsModule], (b) => b.overrideProvider(PuenteConfig).useValue(loadConfig(env)));
      const channel = module.get(NOTIFICATION_CHANNEL);
      await module.close();
      return channel;
    };
    expect(await channelWith({ ...process.env, SMTP_URL: undefined })).toBeInstanceOf(LogChannel);
    expect(await channelWith({ ...process.env, SMTP_URL: 'smtp://127.0.0.1:2525' })).toBeInstanceOf(SmtpChannel);

  });
});
