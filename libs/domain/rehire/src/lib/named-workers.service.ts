import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainException, ErrorCode, isUuid, Role } from '@puente/common';
import { lockForUpdate } from '@puente/database';
import { JobOrderEntity } from '@puente/domain/job-orders';
import { MatchingService, positionsTaken, recordNamedRequests } from '@puente/domain/matching';

/** Orders workers can be named on: open ones, and those not approved yet (a new order for next season). */
const NAMEABLE_ORDER_STATUSES: readonly string[] = ['DRAFT', 'SUBMITTED', 'OPEN'];

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
    const ids = [...new Set(input.applicantIds)];
    if (!ids.length || ids.length > 100) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, 'Name 1 to 100 workers at a time.', [{ field: 'applicantIds', message: 'must list 1 to 100 workers' }]);
    }
    const status = await this.dataSource.transaction(async (em) => {
      const order = await lockForUpdate(em, JobOrderEntity, input.jobOrderId);
      const mine = actor.role === Role.COORDINATOR || (actor.role === Role.EMPLOYER && order?.employerId === actor.employerId);
      if (!order || !mine) throw DomainException.notFound('Job order');
      if (!NAMEABLE_ORDER_STATUSES.includes(order.status)) {
        throw new DomainException(ErrorCode.INVALID_TRANSITION, `Workers are named on a draft, submitted or open order; ${order.reference} is ${order.status}.`);
      }
      // The name is read only for the employer's own former workers: nothing is told of anyone else.
      const facts: { id: string; worked: boolean; outcome: string | null; name: string | null; rejected: boolean }[] = await em.query(
        `SELECT x.id, w.worked, (SELECT d.outcome FROM rehire_decision d WHERE d.applicant_id = x.id AND d.current) AS outcome,
                CASE WHEN w.worked THEN (SELECT a.first_names || ' ' || a.last_names FROM applicant a WHERE a.id = x.id) END AS name,
                EXISTS (SELECT 1 FROM candidate c WHERE c.job_order_id = $3 AND c.applicant_id = x.id AND c.status = 'REJECTED') AS rejected
         FROM unnest($1::uuid[]) AS x(id)
         CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM placement p WHERE p.applicant_id = x.id AND p.employer_id = $2) AS worked) w`,
        [ids.filter(isUuid), order.employerId, order.id],
      );
      const problems = ids.map((id) => {
        const f = facts.find((x) => x.id === id);
        if (!f?.worked) return { field: 'applicantIds', message: `${id} has not worked for this employer` };
        if (f.outcome !== 'ELIGIBLE') return { field: 'applicantIds', message: `${f.name} is not rehire-eligible (${f.outcome?.toLowerCase() ?? 'not decided yet'})` };
        if (f.rejected) return { field: 'applicantIds', message: `${f.name} was rejected for or taken off this order` };
        return null;
      });
      const refused = problems.filter((p): p is { field: string; message: string } => p !== null);
      if (refused.length) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `Only rehire-eligible workers who worked for this employer can be named: ${refused.map((r) => r.message).join('; ')}.`, refused);
      }
      const taken = await positionsTaken(em, order.id, ids);
      if (taken + ids.length > order.positions) {
        throw new DomainException(ErrorCode.BAD_USER_INPUT, `${order.reference} has ${order.positions - taken} position(s) left to name workers for; you named ${ids.length}.`, [
          { field: 'applicantIds', message: `name at most ${order.positions - taken}` },
        ]);
      }
      await recordNamedRequests(em, { jobOrderId: order.id, applicantIds: ids, requestedBy: actor.userId, substituteAcceptable: input.substituteAcceptable ?? true });
      return order.status;
    });
    // An order not approved yet is matched when it is (approval queues the run), and that run places them first.
    if (status !== 'OPEN') return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: null };
    const run = await this.matching.requestRun(actor, [input.jobOrderId]);
    return { jobOrderId: input.jobOrderId, applicantIds: ids, matchingRunId: run.id };
  }
}
