import { cleanText } from '@puente/common';
import type { JobOrderEntity } from './job-order.entity';
import { endDate, JobOrderDraft } from './job-order.rules';

/** What an employer typed, as the order stores it (the input of an edit's checks). */
export function draftOf(o: JobOrderEntity): JobOrderDraft {
  return {
    title: o.title,
    iscoCode: o.iscoCode,
    destinationOccupationCode: o.destinationOccupationCode,
    positions: o.positions,
    requiredSkills: o.requiredSkills,
    preferredSkills: o.preferredSkills,
    languages: o.languages,
    minExperienceYears: o.minExperienceYears,
    workRegionCode: o.workRegionCode,
    workCity: o.workCity,
    startDate: o.startDate,
    durationWeeks: o.durationWeeks,
    hourlyWage: o.hourlyWage,
    hoursPerWeek: o.hoursPerWeek,
    housingProvided: o.housingProvided,
    housingDescription: o.housingDescription,
    employerPaysRecruitment: o.employerPaysRecruitment,
    employerPaysTravel: o.employerPaysTravel,
  };
}

/** A checked draft as the order stores it: names and cities tidied, lists without repeats, the end date derived. */
export function columnsOfDraft(d: JobOrderDraft) {
  return {
    title: cleanText(d.title),
    iscoCode: d.iscoCode,
    destinationOccupationCode: d.destinationOccupationCode.trim(),
    positions: d.positions,
    requiredSkills: [...new Set(d.requiredSkills)],
    preferredSkills: [...new Set(d.preferredSkills)],
    languages: d.languages,
    requiredLanguageLevels: d.languages.map((l) => `${l.code}:${l.level}`),
    minExperienceYears: d.minExperienceYears,
    workRegionCode: d.workRegionCode,
    workCity: cleanText(d.workCity),
    startDate: d.startDate,
    durationWeeks: d.durationWeeks,
    endDate: endDate(d.startDate, d.durationWeeks),
    hourlyWage: d.hourlyWage,
    hoursPerWeek: d.hoursPerWeek,
    housingProvided: d.housingProvided,
    housingDescription: cleanText(d.housingDescription) || null,
    employerPaysRecruitment: d.employerPaysRecruitment,
    employerPaysTravel: d.employerPaysTravel,
  };
}
