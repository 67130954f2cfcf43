import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainException, isUuid, Role } from '@puente/common';
import { lockJobOrder } from '@puente/domain/job-orders';
import { MatchingService, positionsTaken, recordNamedRequests } from '@puente/domain/matching';
import { assertNameableOrder, assertNameableWorkers, assertPositionsLeftToName, NamedWorkerFacts, namedWorkerIds } from './named-workers.rules';
import { CURRENT_REHIRE_POLICY } from './rehire.policy';

/** Employers asking for their good former workers by name, on an order of theirs. */
@Injectable()
export class NamedWorkersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
  ) {}

  /**
   * An employer (or a coordinator for it) asks for former workers by name on an order that is open, or a draft or
   * submitted one (matched once approved, the portal's "name them on a new order"): each must have worked
   * for this employer and be rehire-eligible now, and they may not outnumber the positions still open. Refused as
   * a whole, naming each problem, otherwise recorded (naming again only updates whether a substitute is acceptable) and, on an open order, a
   * matching run is queued, which places them first. An employer never learns anything of a worker who did not work for it.
   */
  async requestNamedWorkers(
    actor: Actor,
    input: { jobOrderId: string; applicantIds: readonly string[]; substituteAcceptable?: boolean },
  ): Promise<{ jobOrderId: string; applicantIds: string[]; matchingRunId: string | null }> {
    const ids = namedWorkerIds(input.applicantIds);
    const status = await this.dataSource.transaction(async (em) => {
      // Locked while workers are named on it, so two requests cannot overfill it.
      const order = await lockJobOrder(em, input.jobOrderId);
      const mine = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && order?.employerId === actor.employerId);
      if (!order || !mine) throw DomainException.notFound('Job order');
      assertNameableOrder(order);
      // The name is read only for the employer's own former workers: nothing is told of anyone else. An employer is
      // answered as its own evaluation would have it when that evaluation failed and was set aside for a retaliation
      // review (as in its rehire pool): being able to name a worker it failed would tell it who reported a case.
      const facts: NamedWorkerFacts[] = await em.query(
        `SELECT x.id, w.worked,
                (SELECT CASE WHEN $4::boolean AND p.employer_id = $2 AND e.retaliation_case_id IS NOT NULL AND NOT e.counts AND e.overall < $5
                             THEN 'INELIGIBLE' ELSE d.outcome END
                 FROM rehire_decision d JOIN placement p ON p.id = d.placement_id LEFT JOIN evaluation e ON e.placement_id = p.id
                 WHERE d.applicant_id = x.id AND d.current) AS outcome,
                CASE WHEN w.worked THEN (SELECT a.first_names || ' ' || a.last_names FROM applicant a WHERE a.id = x.id) END AS name,
                EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = $3 AND c.applicant_id = x.id AND c.status = 'REJECTED') AS rejected
         FROM unnest($1::uuid[]) AS x(id)
         CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM placement p WHERE p.applicant_id = x.id AND p.employer_id = $2) AS worked) w`,
        [ids.filter(isUuid), order.employerId, order.id, actor.role === Role.EMPLOYER, CURRENT_REHIRE_POLICY.minimumOverall],
      );
      assertNameableWorkers(ids, facts);
      const taken = await positionsTaken(em, order.id, ids);
      assertPositionsLeftToName(order, taken, ids.length);
      await recordNamedRequests(em, { jobOrderId: order.id, applicantIds: ids, requestedBy: actor.userId, substituteAcceptable: input.substituteAcceptable ?? true });
      return order.status;
    });
    // An order not approved yet is matched when it is (approval queues the run), and that run places them first.
    if (status !== 'OPEN') return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: null };
    const run = await this.matching.requestRun(actor, [input.jobOrderId]);
    return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: run.id };
  }
}
