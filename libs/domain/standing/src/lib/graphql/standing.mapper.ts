import type { StoredStanding } from '../standing.service';
import type { EmployerStandingModel } from './standing.model';

/** A stored standing as the API shows it: the rating aggregate (never a single rating), not the other inputs. */
export function toStandingModel(s: StoredStanding): EmployerStandingModel {
  return {
    employerId: s.employerId,
    level: s.level,
    reasons: s.reasons.map((r) => ({ code: r.code, met: r.met, level: r.level, message: r.message })),
    policyVersion: s.policyVersion,
    computedAt: s.computedAt,
    ratings: s.inputs.ratings ? { ratedPlacements: s.inputs.ratings.ratedPlacements, averages: { ...s.inputs.ratings.averages } } : null,
  };
}
