import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, todayIso } from '@puente/common';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { APPLICANT_PASSPORT_CHANGED, ApplicantPassportChangedEvent, lockApplicantRows, moveApplicantsInBulk } from '@puente/domain/applicants';
import { CASE_DECIDED, CaseDecidedEvent, substantiatedMisconductCounts } from '@puente/domain/cases';
import { EndFault, decideRehire, PlacementOutcome, RehireDecision, RehireInputs, RehireReason } from './rehire.rules';
import { CURRENT_REHIRE_POLICY, RehirePolicy } from './rehire.policy';
import { ContestStatus, evaluationStanding } from './evaluation-contest.rules';

export interface StoredDecision extends RehireDecision {
  id: string;
  applicantId: string;
  placementId: string;
  policyVersion: string;
  inputs: RehireInputs;
  createdAt: Date;
}

interface Facts {
  applicantId: string;
  placementId: string;
  status: PlacementOutcome;
  endedOn: string | null;
  returnedOn: string | null;
  fault: EndFault | null;
  /** The evaluation's scores when it counts (`evaluation.counts`), else null. */
  overall: number | null;
  wouldRehire: boolean | null;
  contestStatus: ContestStatus | null;
  retaliationCaseId: string | null;
  retaliationReviewedAt: Date | null;
  passportExpiry: string | null;
  evaluationOpenUntil: string | null;
}

interface CurrentDecision {
  id: string;
  applicantId: string;
  placementId: string;
  policyVersion: string;
  outcome: string;
  needsPassportRenewal: boolean;
  reasons: unknown;
  recheckOn: string | null;
}

/** The same answer from the same placement under the same policy: nothing to store. */
function sameDecision(current: CurrentDecision | undefined, placementId: string, policyVersion: string, d: RehireDecision): boolean {
  return (
    current !== undefined &&
    current.placementId === placementId &&
    current.policyVersion === policyVersion &&
    current.outcome === d.outcome &&
    current.needsPassportRenewal === d.needsPassportRenewal &&
    current.recheckOn === d.recheckOn &&
    JSON.stringify(tuples(current.reasons as RehireReason[])) === JSON.stringify(tuples(d.reasons))
  );
}

/** Reasons compared by value (jsonb reorders an object's keys). */
const tuples = (reasons: readonly RehireReason[]) => reasons.map((r) => [r.code, r.met, r.message]);

/**
 * The rehire decision, computed by a job from the stored facts under a versioned policy and stored with its
 * reasons and inputs. A decision is never rewritten: a different answer supersedes the current one, the same
 * answer leaves it alone, so a retried or duplicated job changes nothing. The end of a placement and its
 * evaluation (`EvaluationService`) and a passport correction ask for one.
 */
@Injectable()
export class RehireService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** A corrected passport changes the "valid for the next season" reason: decide again (nothing for a first-timer). */
  @OnEvent(APPLICANT_PASSPORT_CHANGED, { async: true, promisify: true })
  async onPassportChanged(event: ApplicantPassportChangedEvent): Promise<void> {
    this.requestDecision(event.tx, event.applicantId, 'passport-changed', `${event.applicantId}__${event.passportExpiry ?? 'none'}`);
  }

  /**
   * A case decided about a worker: a substantiated misconduct finding refuses NO_MISCONDUCT, so decide again (in the
   * case's unit of work; a decision that comes out the same stores nothing).
   */
  @OnEvent(CASE_DECIDED, { async: true, promisify: true })
  async onCaseDecided(event: CaseDecidedEvent): Promise<void> {
    this.requestDecision(event.tx, event.applicantId, 'case-decided', `${event.caseId}__${event.outcome}__${event.finding ?? 'none'}`);
  }

  /**
   * Queues a fresh decision for an applicant after an event, in the unit of work that records the event. The job
   * id names the event, so the same event queued twice is one job, while a new event during a running job gets a
   * job of its own (a job still running may have read the facts before it).
   */
  requestDecision(tx: UnitOfWorkTx, applicantId: string, cause: string, eventId: string): void {
    tx.addJob(JobName.EvaluateApplicant, { applicantId, cause }, { jobId: jobId(JobName.EvaluateApplicant, applicantId, cause, eventId) });
  }

  /** The job for one applicant: `decideBatch` of one. */
  async decide(applicantId: string, today = todayIso(), policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<'DECIDED' | 'UNCHANGED' | 'NOTHING_TO_DECIDE'> {
    if (!isUuid(applicantId)) return 'NOTHING_TO_DECIDE';
    const { decided, unchanged } = await this.decideBatch([applicantId], today, policy);
    return decided ? 'DECIDED' : unchanged ? 'UNCHANGED' : 'NOTHING_TO_DECIDE';
  }

  /**
   * Decides a batch of applicants in one transaction, from each one's latest ended placement, its evaluation as it
   * stands after review (only one that counts is scored; one overturned or set aside for a retaliation review is
   * named as such), their passport and their substantiated misconduct cases. The applicant rows are locked in
   * id order, so two runs over the same people take turns, and a new decision is stored only where the answer
   * differs from the current one: running it again, or after a crash, changes nothing. A handful of set-based
   * statements whatever the batch size; the status events go out once it commits.
   */
  async decideBatch(applicantIds: readonly string[], today = todayIso(), policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<{ decided: number; unchanged: number }> {
    const outcome = await this.uow.run('rehire.decide', async (tx) => {
      const em = tx.em;
      await lockApplicantRows(em, applicantIds);
      const facts: Facts[] = await em.query(
        `SELECT DISTINCT ON (p.applicant_id) p.applicant_id AS "applicantId", p.id AS "placementId", p.status, to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn",
                to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn", p.end_fault AS fault,
                CASE WHEN e.counts THEN e.overall END AS overall, CASE WHEN e.counts THEN e.would_rehire END AS "wouldRehire",
                e.contest_status AS "contestStatus", e.retaliation_case_id AS "retaliationCaseId", e.retaliation_reviewed_at AS "retaliationReviewedAt",
                to_char(a.passport_expiry, 'YYYY-MM-DD') AS "passportExpiry", to_char(p.evaluation_open_until, 'YYYY-MM-DD') AS "evaluationOpenUntil"
         FROM placement p JOIN applicant a ON a.id = p.applicant_id LEFT JOIN evaluation e ON e.placement_id = p.id
         WHERE p.applicant_id = ANY($1)
         ORDER BY p.applicant_id, p.start_date DESC, p.created_at DESC`,
        [applicantIds],
      );
      const currents: CurrentDecision[] = await em.query(
        `SELECT id, applicant_id AS "applicantId", placement_id AS "placementId", policy_version AS "policyVersion", outcome,
                needs_passport_renewal AS "needsPassportRenewal", reasons, to_char(recheck_on, 'YYYY-MM-DD') AS "recheckOn"
         FROM rehire_decision WHERE applicant_id = ANY($1) AND current`,
        [applicantIds],
      );
      const currentOf = new Map(currents.map((c) => [c.applicantId, c]));
      const misconduct = await substantiatedMisconductCounts(em, applicantIds);
      const changed: { facts: Facts; inputs: RehireInputs; decision: RehireDecision }[] = [];
      let unchanged = 0;
      for (const f of facts.filter((x) => x.status !== 'ACTIVE')) {
        const standing = evaluationStanding(f);
        const inputs: RehireInputs = {
          asOf: today,
          // A reopened window is stored only when there is one, so the inputs of the usual decision stay as they were.
          placement: { status: f.status, endedOn: f.endedOn, returnedOn: f.returnedOn, fault: f.fault, ...(f.evaluationOpenUntil ? { evaluationOpenUntil: f.evaluationOpenUntil } : {}) },
          evaluation: f.overall === null ? null : { overall: f.overall, wouldRehire: f.wouldRehire! },
          // Likewise the review: stored only when the evaluation does not plainly count.
          ...(standing !== 'COUNTS' ? { evaluationReview: standing } : {}),
          substantiatedMisconduct: misconduct.get(f.applicantId) ?? 0,
          passportExpiry: f.passportExpiry,
        };
        const decision = decideRehire(inputs, policy);
        if (sameDecision(currentOf.get(f.applicantId), f.placementId, policy.version, decision)) unchanged++;
        else changed.push({ facts: f, inputs, decision });
      }
      if (!changed.length) return { decided: [] as string[], unchanged };
      const superseded = changed.map((c) => currentOf.get(c.facts.applicantId)?.id).filter((id): id is string => Boolean(id));
      await em.query(`UPDATE rehire_decision SET current = false, superseded_at = now(), updated_at = now() WHERE id = ANY($1)`, [superseded]);
      const column = <T>(pick: (c: (typeof changed)[number]) => T) => changed.map(pick);
      await em.query(
        // Stamped when written, after the facts were read (not when the transaction began): the sweep compares it
        // with the evaluation's time to find decisions made without it.
        `INSERT INTO rehire_decision (applicant_id, placement_id, policy_version, outcome, needs_passport_renewal, reasons, inputs, recheck_on, created_at)
         SELECT *, clock_timestamp() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[], $7::jsonb[], $8::date[])`,
        [
          column((c) => c.facts.applicantId),
          column((c) => c.facts.placementId),
          column(() => policy.version),
          column((c) => c.decision.outcome),
          column((c) => c.decision.needsPassportRenewal),
          column((c) => JSON.stringify(c.decision.reasons)),
          column((c) => JSON.stringify(c.inputs)),
          column((c) => c.decision.recheckOn),
        ],
      );
      // Eligible workers go back to AVAILABLE, refused ones to INELIGIBLE, each only from where the state machine allows.
      for (const [outcome, event] of [['ELIGIBLE', 'MAKE_AVAILABLE'], ['INELIGIBLE', 'MARK_INELIGIBLE']] as const) {
        const ids = changed.filter((c) => c.decision.outcome === outcome).map((c) => c.facts.applicantId);
        if (!ids.length) continue;
        await moveApplicantsInBulk(em, ids, event);
      }
      const decided = changed.map((c) => c.facts.applicantId);
      tx.publish(decided, 'rehire.decided');
      return { decided, unchanged };
    });
    return { decided: outcome.decided.length, unchanged: outcome.unchanged };
  }

  /**
   * The nightly sweep: decides again every applicant whose current decision has an input that changed meaning
   * by today (an evaluation window closed, a return deadline passed, a passport nearing expiry), and any whose
   * latest ended placement has no decision, or only one older than its evaluation or the evaluation's last contest
   * or review (`updated_at`: a job lost or never queued). In batches of `batchSize`, each its own transaction, so
   * 200,000 placements are never one giant transaction and a sweep killed midway resumes where it stopped (what
   * it did is no longer due). Returns how many it looked at and decided.
   */
  async sweep(today = todayIso(), batchSize = 1000, policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<{ due: number; decided: number; batches: number }> {
    const due: { applicant_id: string }[] = await this.dataSource.query(
      `SELECT applicant_id FROM rehire_decision WHERE current AND recheck_on <= $1
       UNION
       SELECT l.applicant_id
       FROM (SELECT DISTINCT ON (applicant_id) applicant_id, id, status FROM placement ORDER BY applicant_id, start_date DESC, created_at DESC) l
       WHERE l.status <> 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM rehire_decision d WHERE d.applicant_id = l.applicant_id AND d.current AND d.placement_id = l.id
                           AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.placement_id = l.id AND e.updated_at > d.created_at))
       ORDER BY 1`,
      [today],
    );
    let decided = 0;
    let batches = 0;
    for (let i = 0; i < due.length; i += batchSize) {
      decided += (await this.decideBatch(due.slice(i, i + batchSize).map((d) => d.applicant_id), today, policy)).decided;
      batches++;
    }
    return { due: due.length, decided, batches };
  }

  /** The current decision of an applicant, or null when none was made. */
  async eligibilityOf(applicantId: string): Promise<StoredDecision | null> {
    if (!isUuid(applicantId)) return null;
    const [row] = await this.dataSource.query(
      `SELECT id, applicant_id AS "applicantId", placement_id AS "placementId", policy_version AS "policyVersion", outcome,
              needs_passport_renewal AS "needsPassportRenewal", reasons, inputs, to_char(recheck_on, 'YYYY-MM-DD') AS "recheckOn", created_at AS "createdAt"
       FROM rehire_decision WHERE applicant_id = $1 AND current`,
      [applicantId],
    );
    return row ?? null;
  }
}
