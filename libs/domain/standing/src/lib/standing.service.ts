import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { keysetAfterSql } from '@puente/database';
import { Actor, DomainException, isUuid, Page, Role, todayIso } from '@puente/common';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork, UnitOfWorkTx } from '@puente/queue';
import { jobId, JobName } from '@puente/queue-contracts';
import { lockPlacement } from '@puente/domain/contingents';
import { CASE_DECIDED, CaseDecidedEvent } from '@puente/domain/cases';
import { clearApprovalHold, EmployerEntity, placeApprovalHold } from '@puente/domain/employers';
import { CURRENT_STANDING_POLICY, StandingPolicy } from './standing.policy';
import {
  assertRatable,
  cleanRating,
  decideStanding,
  placesApprovalHold,
  RatingScores,
  RatingState,
  ratingState,
  sameStanding,
  StandingDecision,
  StandingInputs,
} from './standing.rules';
import { standingInputsOf } from './standing-facts';

export interface RateEmployerInput extends RatingScores {
  placementId: string;
  comments?: string | null;
}

/** An employer's standing as stored: the decision, what it was made from and under which policy, and when. */
export interface StoredStanding extends StandingDecision {
  id: string;
  employerId: string;
  policyVersion: string;
  inputs: StandingInputs;
  computedAt: Date;
}

/** One of a worker's own placements, and whether they may rate its employer. */
export interface PlacementToRate {
  placementId: string;
  employerName: string;
  jobOrderReference: string;
  endedOn: string | null;
  returnedOn: string | null;
  ratingState: RatingState;
  ratedAt: Date | null;
}

/** A worker's rating as coordinators read it (comments included); employers never read one. */
export interface RatingForStaff extends RatingScores {
  id: string;
  placementId: string;
  comments: string | null;
  createdAt: Date;
}

/**
 * Workers' ratings of employers and the employers' standing. A standing is decided by a job from the stored facts
 * under a versioned policy and stored with its reasons and inputs; it is never rewritten: a different answer
 * supersedes the current one, the same answer leaves it alone, so a retried or duplicated job changes nothing.
 * Each change to an input asks for one in its own unit of work (a rating, a case decided, a hold placed or
 * cleared, a placement ended); the nightly sweep decides every employer again.
 */
@Injectable()
export class StandingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * A worker rates the employer of their own placement once they are home, once per placement (CONFLICT on a
   * second). Someone else's placement reads as not found. Queues the employer's standing.
   */
  async rateEmployer(actor: Actor, input: RateEmployerInput): Promise<{ ratingId: string; placementId: string; createdAt: Date }> {
    const comments = cleanRating(input);
    return this.uow.run('standing.rate-employer', async (tx) => {
      const em = tx.em;
      const p = await lockPlacement(em, input.placementId);
      if (!p || actor.role !== Role.APPLICANT || !actor.applicantId || p.applicantId !== actor.applicantId) throw DomainException.notFound('Placement');
      assertRatable(p);
      const [row]: { id: string; created_at: Date }[] = await em.query(
        `INSERT INTO employer_rating (placement_id, applicant_id, employer_id, wages_as_agreed, hours_as_agreed, housing, treatment, safety, would_go_back, comments, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (placement_id) DO NOTHING RETURNING id, created_at`,
        [p.id, p.applicantId, p.employerId, input.wagesAsAgreed, input.hoursAsAgreed, input.housing, input.treatment, input.safety, input.wouldGoBack, comments, actor.userId],
      );
      if (!row) throw DomainException.conflict('You have rated the employer of this placement already; a placement is rated once.');
      this.requestRecompute(tx, p.employerId, 'rating-submitted', row.id);
      return { ratingId: row.id, placementId: p.id, createdAt: row.created_at };
    });
  }

  /** The worker's own placements, newest first, each with whether they may rate its employer (or did). */
  async placementsToRate(actor: Actor): Promise<PlacementToRate[]> {
    if (actor.role !== Role.APPLICANT || !actor.applicantId) return [];
    const rows: (Omit<PlacementToRate, 'ratingState'> & { status: string })[] = await this.dataSource.query(
      `SELECT p.id AS "placementId", m.legal_name AS "employerName", o.reference AS "jobOrderReference", p.status,
              to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", to_char(p.returned_on, 'YYYY-MM-DD') AS "returnedOn", r.created_at AS "ratedAt"
       FROM placement p JOIN job_order o ON o.id = p.job_order_id JOIN employer m ON m.id = p.employer_id
       LEFT JOIN employer_rating r ON r.placement_id = p.id
       WHERE p.applicant_id = $1 ORDER BY p.start_date DESC, p.created_at DESC`,
      [actor.applicantId],
    );
    return rows.map(({ status, ...p }) => ({ ...p, ratingState: ratingState({ status, returnedOn: p.returnedOn, rated: p.ratedAt !== null }) }));
  }

  /**
   * A case decided: a critical one substantiated against the employer places an approval hold (the employer and
   * the coordinators are told), and any decision queues the employer's standing, in the decision's unit of work.
   */
  @OnEvent(CASE_DECIDED, { async: true, promisify: true })
  async onCaseDecided(event: CaseDecidedEvent): Promise<void> {
    const { tx } = event;
    if (placesApprovalHold(event)) {
      const held = await placeApprovalHold(tx.em, event.employerId, { caseId: event.caseId, reason: 'A critical case was substantiated against the employer.' });
      if (held) await this.tellHold(tx, held, 'placed', held.approvalHoldSince!);
    }
    this.requestRecompute(tx, event.employerId, 'case-decided', `${event.caseId}__${event.outcome}`);
  }

  /**
   * Places an approval hold outside a case decision (the listener above is the usual way): for a test, or a
   * tool that replays a decision. Returns false when the employer was on hold already.
   */
  placeHold(employerId: string, caseId: string | null, reason: string): Promise<boolean> {
    return this.uow.run('standing.place-hold', async (tx) => {
      const held = await placeApprovalHold(tx.em, employerId, { caseId, reason });
      if (!held) return false;
      await this.tellHold(tx, held, 'placed', held.approvalHoldSince!);
      this.requestRecompute(tx, employerId, 'hold-placed', held.approvalHoldSince!.toISOString());
      return true;
    });
  }

  /** A coordinator clears an employer's approval hold with a reason (audited); its orders can be approved again. */
  clearHold(actor: Actor, input: { employerId: string; reason: string }): Promise<EmployerEntity> {
    return this.uow.run('standing.clear-hold', async (tx) => {
      const { employer, cleared } = await clearApprovalHold(tx.em, actor, input.employerId, input.reason);
      await this.tellHold(tx, employer, 'cleared', cleared.since);
      this.requestRecompute(tx, employer.id, 'hold-cleared', cleared.since.toISOString());
      return employer;
    });
  }

  /**
   * Queues a fresh standing for an employer after an event, in the unit of work that records it. The job id
   * names the event, so the same event queued twice is one job, while a new event during a running job gets a job
   * of its own (a job still running may have read the facts before it).
   */
  requestRecompute(tx: UnitOfWorkTx, employerId: string, cause: string, eventId: string): void {
    tx.addJob(JobName.RecomputeEmployerStanding, { employerId, cause }, { jobId: jobId(JobName.RecomputeEmployerStanding, employerId, cause, eventId) });
  }

  /** The job for one employer: `recomputeBatch` of one. */
  async recompute(employerId: string, today = todayIso(), policy: StandingPolicy = CURRENT_STANDING_POLICY): Promise<'DECIDED' | 'UNCHANGED' | 'NOTHING_TO_DECIDE'> {
    if (!isUuid(employerId)) return 'NOTHING_TO_DECIDE';
    const { decided, unchanged } = await this.recomputeBatch([employerId], today, policy);
    return decided ? 'DECIDED' : unchanged ? 'UNCHANGED' : 'NOTHING_TO_DECIDE';
  }

  /**
   * Decides a batch of employers in one transaction. Each employer is taken under a transaction-scoped advisory
   * lock, in id order, so two runs over the same employer take turns; a new standing is stored only where the
   * answer differs from the current one, so running it again, or after a crash, changes nothing.
   */
  async recomputeBatch(employerIds: readonly string[], today = todayIso(), policy: StandingPolicy = CURRENT_STANDING_POLICY): Promise<{ decided: number; unchanged: number }> {
    const ids = [...new Set(employerIds.filter(isUuid))].sort();
    if (!ids.length) return { decided: 0, unchanged: 0 };
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('employer-standing|' || s.id)) FROM (SELECT id FROM unnest($1::uuid[]) AS id ORDER BY id) s`, [ids]);
      const existing: { id: string }[] = await em.query(`SELECT id FROM employer WHERE id = ANY($1::uuid[])`, [ids]);
      const present = existing.map((e) => e.id);
      const inputsOf = await standingInputsOf(em, present, today, policy);
      const currents = await this.currentOf(em, present);
      const changed: { employerId: string; inputs: StandingInputs; decision: StandingDecision }[] = [];
      let unchanged = 0;
      for (const employerId of present) {
        const inputs = inputsOf.get(employerId)!;
        const decision = decideStanding(inputs, policy);
        const current = currents.get(employerId);
        if (current && sameStanding(current, { policyVersion: policy.version, ...decision })) unchanged++;
        else changed.push({ employerId, inputs, decision });
      }
      if (!changed.length) return { decided: 0, unchanged };
      const superseded = changed.map((c) => currents.get(c.employerId)?.id).filter((id): id is string => Boolean(id));
      await em.query(`UPDATE employer_standing SET current = false, superseded_at = now(), updated_at = now() WHERE id = ANY($1::uuid[])`, [superseded]);
      await em.query(
        `INSERT INTO employer_standing (employer_id, policy_version, level, reasons, inputs, created_at)
         SELECT *, clock_timestamp() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])`,
        [
          changed.map((c) => c.employerId),
          changed.map(() => policy.version),
          changed.map((c) => c.decision.level),
          changed.map((c) => JSON.stringify(c.decision.reasons)),
          changed.map((c) => JSON.stringify(c.inputs)),
        ],
      );
      return { decided: changed.length, unchanged };
    });
  }

  /** The nightly sweep: every employer decided again, in batches of `batchSize`, each its own transaction. */
  async sweep(today = todayIso(), batchSize = 500, policy: StandingPolicy = CURRENT_STANDING_POLICY): Promise<{ employers: number; decided: number; batches: number }> {
    const all: { id: string }[] = await this.dataSource.query(`SELECT id FROM employer ORDER BY id`);
    let decided = 0;
    let batches = 0;
    for (let i = 0; i < all.length; i += batchSize) {
      decided += (await this.recomputeBatch(all.slice(i, i + batchSize).map((e) => e.id), today, policy)).decided;
      batches++;
    }
    return { employers: all.length, decided, batches };
  }

  /**
   * The standing of an employer for an actor: coordinators any employer's, an employer user its own; any other
   * employer reads as not found. Decided on the spot the first time (then stored like any other).
   */
  async standingForActor(actor: Actor, employerId: string): Promise<StoredStanding> {
    const [standing] = await this.standingsForActor(actor, [employerId]);
    if (!standing) throw DomainException.notFound('Employer');
    return standing;
  }

  /** Many standings for an actor, in the order asked: null for an employer outside the actor's reach (or none). */
  async standingsForActor(actor: Actor, employerIds: readonly string[]): Promise<(StoredStanding | null)[]> {
    const mayRead = (id: string) => actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && actor.employerId === id);
    const found = new Map<string, StoredStanding | null>();
    const readable = employerIds.filter(mayRead);
    (await this.standingsOf(readable)).forEach((s, i) => found.set(readable[i]!, s));
    return employerIds.map((id) => found.get(id) ?? null);
  }

  /**
   * The current standing of each employer, in the order asked (null for an employer that does not exist): one
   * query for a page of job orders, decided on the spot for employers that have none yet.
   */
  async standingsOf(employerIds: readonly string[]): Promise<(StoredStanding | null)[]> {
    const ids = employerIds.filter(isUuid);
    let currents = await this.currentOf(this.dataSource.manager, ids);
    const missing = ids.filter((id) => !currents.has(id));
    if (missing.length) {
      await this.recomputeBatch(missing);
      currents = await this.currentOf(this.dataSource.manager, ids);
    }
    return employerIds.map((id) => currents.get(id) ?? null);
  }

  /** The workers' ratings of an employer with their comments, newest first, for coordinators only. */
  async ratingsForStaff(actor: Actor, employerId: string, page: Page): Promise<RatingForStaff[]> {
    if (actor.role !== Role.COORDINATOR) throw DomainException.forbidden();
    if (!isUuid(employerId)) return [];
    return this.dataSource.query(
      `SELECT id, placement_id AS "placementId", wages_as_agreed AS "wagesAsAgreed", hours_as_agreed AS "hoursAsAgreed", housing, treatment, safety,
              would_go_back AS "wouldGoBack", comments, created_at AS "createdAt"
       FROM employer_rating WHERE employer_id = $1 AND ($2::timestamptz IS NULL OR ${keysetAfterSql('created_at', 'id', '$2::timestamptz', '$3::uuid')})
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [employerId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
  }

  private async currentOf(em: EntityManager, employerIds: readonly string[]): Promise<Map<string, StoredStanding>> {
    if (!employerIds.length) return new Map();
    const rows: StoredStanding[] = await em.query(
      `SELECT id, employer_id AS "employerId", policy_version AS "policyVersion", level, reasons, inputs, created_at AS "computedAt"
       FROM employer_standing WHERE employer_id = ANY($1::uuid[]) AND current`,
      [employerIds],
    );
    return new Map(rows.map((r) => [r.employerId, r]));
  }

  /** The employer and the coordinators are told a hold (placed `since`) was placed or cleared, once per hold. */
  private async tellHold(tx: UnitOfWorkTx, employer: EmployerEntity, what: 'placed' | 'cleared', since: Date): Promise<void> {
    const key = since.toISOString();
    const placed = what === 'placed';
    const ids = await recordNotifications(tx.em, [
      {
        dedupeKey: `approval-hold-${what}:${employer.id}:${key}`,
        audience: 'EMPLOYER',
        employerId: employer.id,
        kind: placed ? 'APPROVAL_HOLD_PLACED' : 'APPROVAL_HOLD_CLEARED',
        subject: placed ? 'Approval of your job orders is on hold' : 'Your job orders can be approved again',
        body: placed
          ? 'A critical case was substantiated against your company. No job order of yours will be approved until the ministry decides; orders already approved are not affected.'
          : 'The ministry lifted the hold on the approval of your job orders.',
      },
      {
        dedupeKey: `approval-hold-${what}:${employer.id}:${key}:coordinators`,
        audience: 'COORDINATORS',
        kind: placed ? 'APPROVAL_HOLD_PLACED' : 'APPROVAL_HOLD_CLEARED',
        subject: `${employer.legalName}: approval hold ${what}`,
        body: placed
          ? `A critical case was substantiated against ${employer.legalName}; its orders cannot be approved until a coordinator clears the hold (clearEmployerHold) or suspends the employer (suspendEmployer).`
          : `The approval hold on ${employer.legalName} was cleared; its orders can be approved again.`,
      },
    ]);
    queueDelivery(tx, ids);
  }
}
