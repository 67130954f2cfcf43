import type { EntityManager } from 'typeorm';
import { addDays } from '@puente/common';
import { employerCaseFacts } from '@puente/domain/cases';
import { approvalHoldsOf } from '@puente/domain/employers';
import type { StandingPolicy } from './standing.policy';
import { ratingAggregate, RatingScores, StandingInputs } from './standing.rules';

/**
 * The facts each employer's standing is decided from, for a batch of employers in the caller's transaction: a
 * handful of set-based statements whatever the batch size. Every employer asked for gets inputs (zeros when it
 * has no history). Definitions (the rules judge them):
 * - ratings: the workers' ratings in the order they were submitted, aggregated by ratingAggregate;
 * - cases: substantiated against the employer, from the cases library;
 * - placements: those that ended (COMPLETED, TERMINATED_EARLY, ABANDONED), and those ended early with the
 *   fault of the employer recorded by a coordinator (end fault EMPLOYER);
 * - seats (no-shows): seats that travelled (DEPARTED, ARRIVED, RETURNED) and seats cancelled on an order that was
 *   cancelled, i.e. workers seated to travel whom the employer did not take (a seat cancelled with its contingent
 *   is the ministry's doing and does not count, unless the order was later cancelled too);
 * - rehire: placements that ended at least the policy's days ago whose worker's latest rehire decision for that
 *   placement was ELIGIBLE, and of those, the ones whose worker the employer asked back: named on one of its
 *   orders after the end, or placed with it again.
 */
export async function standingInputsOf(em: EntityManager, employerIds: readonly string[], today: string, policy: StandingPolicy): Promise<Map<string, StandingInputs>> {
  const ids = [...new Set(employerIds)];
  const ratings: (RatingScores & { employerId: string })[] = await em.query(
    `SELECT employer_id AS "employerId", wages_as_agreed AS "wagesAsAgreed", hours_as_agreed AS "hoursAsAgreed", housing, treatment, safety,
            would_go_back AS "wouldGoBack"
     FROM employer_rating WHERE employer_id = ANY($1::uuid[]) ORDER BY employer_id, created_at, id`,
    [ids],
  );
  const placements: { employerId: string; ended: number; byEmployer: number }[] = await em.query(
    `SELECT employer_id AS "employerId", count(*) FILTER (WHERE status <> 'ACTIVE')::int AS ended,
            count(*) FILTER (WHERE status = 'TERMINATED_EARLY' AND end_fault = 'EMPLOYER')::int AS "byEmployer"
     FROM placement WHERE employer_id = ANY($1::uuid[]) GROUP BY employer_id`,
    [ids],
  );
  const seats: { employerId: string; travelled: number; cancelled: number }[] = await em.query(
    `SELECT o.employer_id AS "employerId", count(*) FILTER (WHERE t.status IN ('DEPARTED', 'ARRIVED', 'RETURNED'))::int AS travelled,
            count(*) FILTER (WHERE t.status = 'CANCELLED' AND o.status = 'CANCELLED')::int AS cancelled
     FROM traveller t JOIN job_order o ON o.id = t.job_order_id WHERE o.employer_id = ANY($1::uuid[]) GROUP BY o.employer_id`,
    [ids],
  );
  const rehire: { employerId: string; eligible: number; askedBack: number }[] = await em.query(
    `SELECT p.employer_id AS "employerId", count(*)::int AS eligible,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM named_request n JOIN job_order o ON o.id = n.job_order_id
                                           WHERE n.applicant_id = p.applicant_id AND o.employer_id = p.employer_id AND n.created_at >= p.ended_on)
                                OR EXISTS (SELECT 1 FROM placement again WHERE again.applicant_id = p.applicant_id AND again.employer_id = p.employer_id
                                           AND again.start_date > p.start_date))::int AS "askedBack"
     FROM placement p
     WHERE p.employer_id = ANY($1::uuid[]) AND p.status <> 'ACTIVE' AND p.ended_on <= $2::date
       AND (SELECT d.outcome FROM rehire_decision d WHERE d.applicant_id = p.applicant_id AND d.placement_id = p.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) = 'ELIGIBLE'
     GROUP BY p.employer_id`,
    [ids, addDays(today, -policy.rehire.judgedAfterDays)],
  );
  const [cases, holds] = await Promise.all([employerCaseFacts(em, ids), approvalHoldsOf(em, ids)]);

  const byEmployer = <T extends { employerId: string }>(rows: T[]) => new Map(rows.map((r) => [r.employerId, r]));
  const placementsOf = byEmployer(placements);
  const seatsOf = byEmployer(seats);
  const rehireOf = byEmployer(rehire);
  const ratingsOf = new Map<string, RatingScores[]>();
  for (const { employerId, ...scores } of ratings) {
    const list = ratingsOf.get(employerId);
    if (list) list.push(scores);
    else ratingsOf.set(employerId, [scores]);
  }

  return new Map(
    ids.map((id) => {
      const hold = holds.get(id);
      const c = cases.get(id);
      const inputs: StandingInputs = {
        ratings: ratingAggregate(ratingsOf.get(id) ?? [], policy),
        cases: { substantiated: c?.substantiated ?? 0, substantiatedCritical: c?.substantiatedCritical ?? 0 },
        hold: hold ? { since: new Date(hold.since).toISOString(), caseId: hold.caseId } : null,
        placements: { ended: placementsOf.get(id)?.ended ?? 0, terminatedByEmployer: placementsOf.get(id)?.byEmployer ?? 0 },
        seats: { travelled: seatsOf.get(id)?.travelled ?? 0, cancelledWithOrder: seatsOf.get(id)?.cancelled ?? 0 },
        rehire: { eligibleFormerWorkers: rehireOf.get(id)?.eligible ?? 0, askedBack: rehireOf.get(id)?.askedBack ?? 0 },
      };
      return [id, inputs];
    }),
  );
}
