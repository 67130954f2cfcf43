import type { JobOrderEntity } from '@puente/domain/job-orders';
import type { OrderFacts } from './matching.model';

/** The languages spoken where an order's workers go, told by its currency (Canada: English and French). */
const DESTINATION_LANGUAGES: Record<string, string[]> = { USD: ['en'], CAD: ['en', 'fr'] };

export function orderFacts(o: JobOrderEntity): OrderFacts {
  return {
    id: o.id,
    employerId: o.employerId,
    iscoCode: o.iscoCode,
    requiredSkills: o.requiredSkills,
    preferredSkills: o.preferredSkills,
    requiredLanguageLevels: o.requiredLanguageLevels,
    destinationLanguages: DESTINATION_LANGUAGES[o.currency] ?? ['en'],
    minExperienceYears: o.minExperienceYears,
    startDate: o.startDate,
    endDate: o.endDate,
  };
}
