import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, requireReason, Role } from '@puente/common';
import { uniqueViolationOf } from '@puente/database';
import { queueDelivery, recordNotifications } from '@puente/notifications';
import { UnitOfWork } from '@puente/queue';
import { statisticsRefresh } from '@puente/queue-contracts';
import { ApplicantEntity, lockApplicant, lockApplicants, moveApplicant, planDocumentWarnings } from '@puente/domain/applicants';
import { JobOrderEntity, lockJobOrder, moveJobOrders } from '@puente/domain/job-orders';
import { factsOfApplicant } from './candidate-sql';
import { CandidateEntity } from './candidate.entity';
import { candidateReference } from './candidate.repository';
import { unmetRequirements } from './eligibility.rules';
import { CURRENT_MATCHING_POLICY } from './matching.policy';
import { SEASON_HISTORY_READER, type SeasonHistoryReader } from './season-history.port';
import { orderFacts } from './order-facts';
import { scoreCandidate } from './score.rules';
import { assertMeetsRequirements, assertPositionsLeft, assertRejectable, assertSelectable, assertSelectingOpen, assertSelectionSize, fillsOrder, isPromotable } from './selection.rules';

/** What a selected worker is told, once per order. */
export const selectedNotice = (order: JobOrderEntity, applicantId: string) => ({
  dedupeKey: `selected:${order.id}:${applicantId}`,
  audience: 'APPLICANT' as const,
  applicantId,
  kind: 'SELECTED',
  subject: `Selected: ${order.title}`,
  body: `You were selected for ${order.reference} (${order.title}, ${order.workCity}, from ${order.startDate} to ${order.endDate}). Your coordinator will plan your travel; follow your next steps in Puente.`,
});

/** Shortlist reference → applicant id, computed once per call. */
function referencesOf(candidates: readonly CandidateEntity[]): Map<string, string> {
  return new Map(candidates.map((c) => [candidateReference(c.id), c.applicantId]));
}

/**
 * The employer's (or a coordinator's) choice among the candidates of an order. Employers name candidates by the
 * shortlist reference they see; coordinators may also use applicant ids, including someone no run proposed if
 * they meet every hard requirement. Applicant rows are locked in id order, so two selections of the same person
 * for different orders run one after the other and the second is refused.
 */
@Injectable()
export class SelectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(SEASON_HISTORY_READER) private readonly history: SeasonHistoryReader,
  ) {}

  async select(actor: Actor, jobOrderId: string, names: readonly string[]): Promise<CandidateEntity[]> {
    assertSelectionSize(names);
    try {
      return await this.uow.run('matching.select', async (tx) => {
        const em = tx.em;
        tx.addJob(...statisticsRefresh('matching.select'));
        const order = await this.lockOrder(em, actor, jobOrderId);
        assertSelectingOpen(order);
        const candidates = await em.findBy(CandidateEntity, { jobOrderId: order.id });
        const references = referencesOf(candidates);
        const ids = [...new Set(names.map((name) => this.resolve(actor, references, name)))];
        const selected = candidates.filter((c) => c.status === 'SELECTED').length;
        assertPositionsLeft(order, selected, ids.length);
        const applicants = await lockApplicants(em, ids);
        const result: CandidateEntity[] = [];
        // Staff see who they chose; an employer sees the shortlist reference it used.
        const who = (a: ApplicantEntity, c?: CandidateEntity) =>
          actor.role === Role.COORDINATOR ? `${a.firstNames} ${a.lastNames}` : c ? candidateReference(c.id) : 'This candidate';
        for (const id of ids) {
          const applicant = applicants.find((a) => a.id === id);
          if (!applicant) throw DomainException.notFound('Applicant');
          const existing = candidates.find((c) => c.applicantId === id);
          assertSelectable(who(applicant, existing), applicant, existing, order.reference);
          assertMeetsRequirements(who(applicant, existing), unmetRequirements(factsOfApplicant(applicant), orderFacts(order), CURRENT_MATCHING_POLICY));
          await moveApplicant(em, applicant, 'SELECT');
          if (existing) {
            Object.assign(existing, { status: 'SELECTED', statusReason: null });
            result.push(await em.save(existing));
          } else {
            const history = (await this.history.historiesOf(em, [id])).get(id);
            const score = scoreCandidate(factsOfApplicant(applicant, history), orderFacts(order), CURRENT_MATCHING_POLICY);
            const rank = Math.max(0, ...candidates.map((c) => c.rank)) + 1 + result.length;
            result.push(
              await em.save(
                em.create(CandidateEntity, { jobOrderId: order.id, applicantId: id, runId: null, score: score.total, breakdown: score.breakdown, rank, status: 'SELECTED' }),
              ),
            );
          }
        }
        if (fillsOrder(order, selected, ids.length)) {
          await moveJobOrders(em, [order], 'FILL');
        }
        queueDelivery(tx, await recordNotifications(em, result.map((c) => selectedNotice(order, c.applicantId))));
        // The contract is known now: documents expiring before it ends are warned about.
        for (const c of result) planDocumentWarnings(tx, c.applicantId, 'selected', order.id);
        tx.publish(result.map((c) => c.applicantId), 'candidate.selected');
        return result;
      });
    } catch (error) {
      if (uniqueViolationOf(error) === 'candidate_one_selection_key') {
        throw DomainException.conflict('A candidate was selected for another order meanwhile; read the shortlist again.');
      }
      throw error;
    }
  }

  /**
   * Inside the caller's transaction, with the order locked: selects the order's best-ranked candidate not
   * selected or rejected (a suggestion the employer left, then the reserves) who is still free (AVAILABLE or
   * SHORTLISTED) and still meets every requirement, or returns null when none is left.
   */
  async promoteReserve(em: EntityManager, order: JobOrderEntity): Promise<CandidateEntity | null> {
    const reserves = await em.find(CandidateEntity, { where: { jobOrderId: order.id, status: In(['SUGGESTED', 'RESERVE']) }, order: { rank: 'ASC' } });
    for (const candidate of reserves) {
      const applicant = await lockApplicant(em, candidate.applicantId);
      if (!applicant || !isPromotable(applicant)) continue;
      if (unmetRequirements(factsOfApplicant(applicant), orderFacts(order), CURRENT_MATCHING_POLICY).length) continue;
      await moveApplicant(em, applicant, 'SELECT');
      candidate.status = 'SELECTED';
      return em.save(candidate);
    }
    return null;
  }

  async reject(actor: Actor, jobOrderId: string, name: string, reason: string): Promise<CandidateEntity> {
    const statusReason = requireReason(reason, 'for the rejection; the ministry reviews it');
    return this.dataSource.transaction(async (em) => {
      const order = await this.lockOrder(em, actor, jobOrderId);
      const candidates = await em.findBy(CandidateEntity, { jobOrderId: order.id });
      const id = this.resolve(actor, referencesOf(candidates), name);
      const candidate = candidates.find((c) => c.applicantId === id);
      if (!candidate) throw DomainException.notFound('Candidate');
      assertRejectable(candidate);
      Object.assign(candidate, { status: 'REJECTED', statusReason });
      return em.save(candidate);
    });
  }

  private async lockOrder(em: EntityManager, actor: Actor, id: string): Promise<JobOrderEntity> {
    const order = await lockJobOrder(em, id);
    const mine = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && order?.employerId === actor.employerId);
    if (!order || !mine) throw DomainException.notFound('Job order');
    return order;
  }

  /** A shortlist reference (anyone) or, for coordinators, an applicant id. */
  private resolve(actor: Actor, references: ReadonlyMap<string, string>, name: string): string {
    const byReference = references.get(name.trim().toUpperCase());
    if (byReference) return byReference;
    if (actor.role === Role.COORDINATOR && isUuid(name)) return name;
    throw new DomainException(ErrorCode.NOT_FOUND, `No candidate ${name} on this order.`);
  }
}
