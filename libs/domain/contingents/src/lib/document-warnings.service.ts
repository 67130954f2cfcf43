import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayIso } from '@puente/common';
import { UnitOfWork } from '@puente/queue';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { JobName } from '@puente/queue-contracts';
import {
  currentDocumentsOf,
  DOCUMENT_NAMES,
  documentFacts,
  DocumentFacts,
  documentWarningDays,
  documentWarningJobId,
  expiryWarningStands,
} from '@puente/domain/applicants';
import { reminderTime } from './step-jobs.rules';

/** The worker's next contract: the order of their selection (held from selection to the end of the placement). */
export interface NextContract {
  jobOrderId: string;
  reference: string;
  endDate: string;
}

export type WarningOutcome = 'WARNED' | 'ALREADY_WARNED' | 'STALE';

/**
 * Expiry warnings of applicants' documents, 90, 60 and 30 days before an expiry that falls before the end of the
 * worker's next contract. The applicants library records documents and queues `documents.plan-warnings`; this
 * library knows the contract, so it plans the delayed `documents.warn-expiry` jobs (09:00 in El Salvador on the
 * warning day, ids by document and days) and sends each warning once, recorded in `document_expiry_warning`.
 */
@Injectable()
export class DocumentWarningsService {
  private readonly logger = new Logger(DocumentWarningsService.name);

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The order of the applicant's selection (SELECTED from the selection until their placement ends), or of an
   * active placement; null when they have neither.
   */
  async nextContractOf(em: EntityManager, applicantId: string): Promise<NextContract | null> {
    const [row]: { id: string; reference: string; end_date: string }[] = await em.query(
      `SELECT o.id, o.reference, to_char(o.end_date, 'YYYY-MM-DD') AS end_date FROM job_order o
       WHERE o.id IN (SELECT c.job_order_id FROM candidate c WHERE c.applicant_id = $1 AND c.status = 'SELECTED'
                      UNION SELECT p.job_order_id FROM placement p WHERE p.applicant_id = $1 AND p.status = 'ACTIVE')
       ORDER BY o.end_date DESC, o.id LIMIT 1`,
      [applicantId],
    );
    return row ? { jobOrderId: row.id, reference: row.reference, endDate: row.end_date } : null;
  }

  /**
   * The job `documents.plan-warnings`: a delayed warning job for each warning day still ahead (`documentWarningDays`)
   * of each current document, against the worker's next contract; none without one. Adding a job id that exists adds
   * nothing, so planning again (another document, another selection) never doubles a warning. Returns how many
   * warnings were planned.
   */
  plan(applicantId: string, now = Date.now()): Promise<number> {
    return this.uow.run('documents.plan-warnings', async (tx) => {
      const contract = await this.nextContractOf(tx.em, applicantId);
      if (!contract) return 0;
      const today = todayIso(new Date(now));
      const jobs = (await currentDocumentsOf(tx.em, applicantId)).flatMap((d) =>
        documentWarningDays(d.expiryDate, contract.endDate, today).map((w) => ({
          payload: { documentId: d.id, days: w.days, warnOn: w.warnOn },
          options: { jobId: documentWarningJobId(d.id, w.days), delay: Math.max(0, reminderTime(w.warnOn) - now) },
        })),
      );
      if (jobs.length) tx.addJobs(JobName.WarnDocumentExpiry, jobs);
      return jobs.length;
    });
  }

  /**
   * The job `documents.warn-expiry`: when the warning still stands (`expiryWarningStands`: the document still current,
   * still expiring before the end of the worker's next contract, on the day planned), it is recorded once per
   * document and days, and the worker and the coordinators are told in Spanish and English, in one unit of work. A
   * second run finds it recorded and sends nothing.
   */
  warn(documentId: string, days: number, warnOn: string, today = todayIso()): Promise<WarningOutcome> {
    return this.uow.run('documents.warn-expiry', async (tx) => {
      const em = tx.em;
      const document = await documentFacts(em, documentId);
      const contract = document && (await this.nextContractOf(em, document.applicantId));
      if (!document || !expiryWarningStands({ current: document.current, expiry: document.expiryDate, contractEnd: contract?.endDate ?? null, days, warnOn })) {
        return 'STALE';
      }
      // A run at the same time waits on the unique key, then finds it taken.
      const recorded: { id: string }[] = await em.query(
        `INSERT INTO document_expiry_warning (document_id, days_before, warned_on, job_order_id, contract_end) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (document_id, days_before) DO NOTHING RETURNING id`,
        [document.id, days, today, contract!.jobOrderId, contract!.endDate],
      );
      if (!recorded.length) return 'ALREADY_WARNED';
      queueDelivery(tx, await recordNotifications(em, expiryNotices(document, days, contract!)));
      this.logger.log({ documentId, days }, 'Document expiry warning sent');
      return 'WARNED';
    });
  }
}

/** What the worker and the coordinators are told, Spanish first: the document, its expiry, the contract it falls within. */
export function expiryNotices(d: DocumentFacts, days: number, contract: NextContract) {
  const name = DOCUMENT_NAMES[d.kind];
  const key = `document-expiry:${d.id}:${days}`;
  return [
    {
      dedupeKey: `${key}:applicant`,
      audience: 'APPLICANT' as const,
      applicantId: d.applicantId,
      kind: 'DOCUMENT_EXPIRING',
      subject: `Su ${name.es} vence el ${d.expiryDate} / Your ${name.en} expires on ${d.expiryDate}`,
      body:
        `Su ${name.es} vence el ${d.expiryDate} (en ${days} días), antes del fin de su contrato ${contract.reference} el ${contract.endDate}. ` +
        `Renuévelo y presente el nuevo a su coordinador. / ` +
        `Your ${name.en} expires on ${d.expiryDate} (in ${days} days), before your contract ${contract.reference} ends on ${contract.endDate}. ` +
        `Renew it and show the new one to your coordinator.`,
    },
    {
      dedupeKey: `${key}:coordinators`,
      audience: 'COORDINATORS' as const,
      kind: 'DOCUMENT_EXPIRING',
      subject: `Documento por vencer en ${contract.reference} / Document expiring in ${contract.reference}`,
      body:
        `El ${name.es} del solicitante ${d.applicantId} vence el ${d.expiryDate} (en ${days} días), antes del fin de ${contract.reference} el ${contract.endDate}. / ` +
        `The ${name.en} of applicant ${d.applicantId} expires on ${d.expiryDate} (in ${days} days), before ${contract.reference} ends on ${contract.endDate}.`,
    },
  ];
}
