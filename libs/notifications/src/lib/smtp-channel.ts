import { Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type NodemailerError, type SendMailOptions, type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import type { NotificationChannel } from './channels';
import type { NotificationEntity } from './notification.entity';
import type { ApplicantRecipientDirectory, UserRecipientDirectory } from './recipient-directory.port';

export interface SmtpChannelOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS); query parameters tune nodemailer. */
  url: string;
  /** The sender, bare or with a name: `Puente <no-reply@puente.local>`. */
  from: string;
}

/**
 * Delivery runs inside the transaction that locks the notification, so a silent relay must not hold the row
 * and a database connection for nodemailer's default minutes. The URL's query parameters override these.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends each notification as one plain-text e-mail (its subject and body) through an SMTP relay: to the
 * applicant's address, or to every active coordinator's in blind copy (one message, so coordinators do not see
 * each other's addresses, and a retry cannot re-send to only some of them).
 *
 * Without any address (an applicant who gave no e-mail, no active coordinator with one) there is no one to
 * mail, now or on a retry: send() logs that and returns, so the outbox marks the notification sent (its row
 * says `smtp`; the log line says nobody received it) instead of retrying it forever. A relay that fails or
 * rejects every recipient throws, so the delivery job retries; if it accepts some recipients only, the
 * rejections are logged by count and the notification counts as sent. Log lines and errors carry the
 * notification's id, kind and audience, never its text or an address.
 */
export class SmtpChannel implements NotificationChannel, OnModuleDestroy {
  readonly name = 'smtp';
  private readonly logger = new Logger('notifications');
  private readonly transport: Transporter<SMTPSentMessageInfo>;

  constructor(
    private readonly options: SmtpChannelOptions,
    private readonly users: UserRecipientDirectory,
    private readonly applicants: ApplicantRecipientDirectory,
  ) {
    this.transport = createTransport({ ...TIMEOUTS, url: options.url });
  }

  async send(n: NotificationEntity): Promise<void> {
    const context = { notificationId: n.id, kind: n.kind, audience: n.audience, channel: this.name };
    const recipients = await this.recipientsOf(n);
    if (recipients.length === 0) {
      this.logger.warn(context, 'Notification not mailed: no recipient has an e-mail address');
      return;
    }
    const address: SendMailOptions = n.audience === 'APPLICANT' || n.audience === 'USER' ? { to: recipients } : { bcc: recipients };
    const info = await this.transport
      .sendMail({ from: this.options.from, ...address, subject: n.subject, text: n.body, messageId: messageIdOf(n.id, this.options.from) })
      .catch((error: NodemailerError) => {
        throw withoutAddresses(error);
      });
    const rejected = info.rejected.length;
    if (rejected > 0) this.logger.warn({ ...context, rejected }, 'The relay refused some recipients');
    this.logger.log({ ...context, recipients: recipients.length - rejected }, 'Notification sent');
  }

  onModuleDestroy(): void {
    this.transport.close();
  }

  /**
   * The addresses a notification goes to, from the owners of users and applicants (recipient-directory.port.ts).
   * A row without the id its audience needs has no one to mail.
   */
  private async recipientsOf(n: NotificationEntity): Promise<string[]> {
    if (n.audience === 'APPLICANT') return n.applicantId ? this.applicants.addressesOfApplicant(n.applicantId) : [];
    if (n.audience === 'USER') return n.userId ? this.users.addressesOfUser(n.userId) : [];
    if (n.audience === 'EMPLOYER') return n.employerId ? this.users.addressesOfEmployer(n.employerId) : [];
    return this.users.addressesOfCoordinators();
  }
}

/**
 * The same Message-ID every time a notification is sent: delivery sends, then marks the row sent in the same
 * transaction, so a worker that dies between the two sends it again on the retry; mail stores drop a message whose
 * Message-ID they already hold. The domain is the sender's.
 */
export function messageIdOf(notificationId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'puente.local';
  return `<notification.${notificationId}@${domain}>`;
}

/**
 * Nodemailer's messages can quote addresses (`Invalid recipient "…"`, the relay's `550 <…>: unknown user`),
 * and the job's failure reason is stored and logged: keep only what says where and why it failed.
 */
function withoutAddresses(error: NodemailerError): Error {
  const parts = [error.code ?? 'error', error.command, error.responseCode].filter((p) => p !== undefined);
  return new Error(`SMTP delivery failed: ${parts.join(' ')}`);
}
