import { ApplicantFacts, NO_HISTORY, OrderFacts } from './matching.model';

/** A dairy order in Canada and an applicant who meets every hard requirement: the rules' specs change one fact at a time. */
export const order: OrderFacts = {
  id: 'o1',
  employerId: 'e1',
  iscoCode: '9212',
  requiredSkills: ['MILKING_MACHINE'],
  preferredSkills: ['ANIMAL_HEALTH_BASICS', 'CATTLE_HANDLING'],
  requiredLanguageLevels: ['fr:A1'],
  destinationLanguages: ['fr', 'en'],
  minExperienceYears: 1,
  startDate: '2027-04-01',
  endDate: '2028-03-30',
};
export const applicant: ApplicantFacts = {
  id: 'a1',
  status: 'AVAILABLE',
  birthDate: '1994-05-12',
  gender: 'FEMALE',
  municipalityCode: 'SV-SA-NORTE',
  occupations: ['9212'],
  skills: ['MILKING_MACHINE', 'CATTLE_HANDLING'],
  languageLevels: ['es:A1', 'es:A2', 'es:B1', 'es:B2', 'es:C1', 'es:C2', 'es:NATIVE', 'fr:A1', 'fr:A2'],
  yearsExperience: 4,
  passportExpiry: '2030-01-01',
  documentExpiry: null,
  documentExpiryKind: null,
  history: NO_HISTORY,
  hasOverlappingCommitment: false,
};
