import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { recordNotifications } from '@puente/notifications';
import { PLACEMENTS_COMPLETED, PlacementsCompletedEvent } from '@puente/domain/contingents';
import { CURRENT_REHIRE_POLICY, RehirePolicy } from './rehire.policy';
import { evaluationWindowCloses } from './rehire.rules';

/**
 * Tells each employer, in the caller's transaction, how many of its workers' placements just ended and by when
 * to evaluate them (the end plus the policy's evaluation window): one notice per employer and deadline, keyed by
 * the placements it covers, so recording the same end again adds nothing. References and counts only, no names.
 */
export async function recordEvaluationsDue(em: EntityManager, placementIds: readonly string[], policy: RehirePolicy = CURRENT_REHIRE_POLICY): Promise<(string | null)[]> {
  if (!placementIds.length) return [];
  const groups: { employerId: string; endedOn: string; ids: string[]; orders: string[] }[] = await em.query(
    `SELECT p.employer_id AS "employerId", to_char(p.ended_on, 'YYYY-MM-DD') AS "endedOn", array_agg(p.id::text ORDER BY p.id) AS ids,
            array_agg(DISTINCT o.reference ORDER BY o.reference) AS orders
     FROM placement p JOIN job_order o ON o.id = p.job_order_id
     WHERE p.id = ANY($1) AND p.ended_on IS NOT NULL
     GROUP BY p.employer_id, p.ended_on ORDER BY p.employer_id, p.ended_on`,
    [[...placementIds]],
  );
  return recordNotifications(
    em,
    groups.map((g) => {
      const deadline = evaluationWindowCloses({ endedOn: g.endedOn }, policy);
      const key = createHash('sha256').update(g.ids.join(',')).digest('hex').slice(0, 24);
      return {
        dedupeKey: `evaluations-due:${g.employerId}:${key}`,
        audience: 'EMPLOYER' as const,
        employerId: g.employerId,
        kind: 'EVALUATIONS_DUE',
        subject: `Evaluations due by ${deadline}: ${g.ids.length} worker(s)`,
        body:
          `${g.ids.length} worker(s) of ${g.orders.join(', ')} ended their placement on ${g.endedOn}. ` +
          `Please evaluate each of them by ${deadline} (submitEvaluation); your evaluation decides whether they can come back next season.`,
      };
    }),
  );
}

/** Hears a contingent's return (in its transaction, which the contingents library may not reach from here). */
@Injectable()
export class EvaluationsDueListener {
  @OnEvent(PLACEMENTS_COMPLETED)
  onCompleted(event: PlacementsCompletedEvent): Promise<(string | null)[]> {
    return recordEvaluationsDue(event.em, event.placementIds);
  }
}
