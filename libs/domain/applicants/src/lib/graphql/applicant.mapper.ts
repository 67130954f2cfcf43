import { ageOn } from '../applicant.rules';
import type { ApplicantEntity } from '../applicant.entity';
import type { ApplicantIdentifiers } from '../applicant-identifiers';
import type { ApplicantModel } from './applicant.model';
import { toMunicipalityModel, type ReferenceData } from '@puente/domain/reference';
import { todayIso } from '@puente/common';

/** The applicant as its readers (coordinators, the applicant) see it: the identifiers decrypted here. */
export function toApplicantModel(a: ApplicantEntity, ref: ReferenceData, identifiers: ApplicantIdentifiers): ApplicantModel {
  const municipality = ref.municipalities.get(a.municipalityCode);
  return {
    id: a.id,
    nationalId: identifiers.nationalIdOf(a),
    firstNames: a.firstNames,
    lastNames: a.lastNames,
    birthDate: a.birthDate,
    age: ageOn(a.birthDate, todayIso()),
    gender: a.gender,
    municipality: municipality
      ? toMunicipalityModel(municipality, ref)
      : { code: a.municipalityCode, name: a.municipalityCode, department: { code: '', name: '' } },
    address: a.address,
    phone: a.phone,
    email: a.email,
    occupations: a.occupations,
    skills: a.skills,
    languages: a.languages,
    yearsExperience: a.yearsExperience,
    education: a.education,
    passportNumber: identifiers.passportNumberOf(a),
    passportExpiry: a.passportExpiry,
    status: a.status,
    verifiedAt: a.verifiedAt,
    createdAt: a.createdAt,
  };
}
