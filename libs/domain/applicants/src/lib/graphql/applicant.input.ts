import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApplicantStatus } from '../applicant.state-machine';
import { LANGUAGE_CODES, LANGUAGE_LEVELS } from '../applicant.rules';
import { ApplicantStatusEnum, EducationEnum, GenderEnum, LanguageCodeEnum, LanguageLevelEnum } from './applicant.model';
import { LocalDateScalar } from '@puente/common';

const D = {
  nationalId: "DUI: 8 digits, a dash and the check digit, e.g. 04567890-3 (the dash may be left out). Fixed at registration.",
  names: '1 to 100 characters; spaces are collapsed.',
  birthDate: 'YYYY-MM-DD; the applicant must be 18 to 100 years old.',
  municipalityCode: "A municipality code of El Salvador, e.g. SV-SA-NORTE (see the public `municipalities` query).",
  address: 'At most 300 characters.',
  phone: 'International (E.164) format, e.g. +50371234567.',
  email: 'An e-mail address, where notifications are sent.',
  occupations: '1 to 5 ISCO-08 occupation codes, e.g. 9211 (see the public `occupations` query).',
  skills: 'At most 30 skill codes (see the public `skills` query).',
  languages: 'Each language once, with its CEFR level or NATIVE.',
  yearsExperience: 'A whole number from 0 to 60.',
  passportNumber: '6 to 12 letters or digits (spaces and dashes are ignored); given together with passportExpiry.',
  passportExpiry: 'YYYY-MM-DD, after today; given together with passportNumber.',
};

const KEEP = ' Leave it out to keep the current value.';

@InputType()
export class LanguageSkillInput {
  @Field(() => LanguageCodeEnum) code!: (typeof LANGUAGE_CODES)[number];
  @Field(() => LanguageLevelEnum) level!: (typeof LANGUAGE_LEVELS)[number];
}

@InputType()
export class RegisterApplicantInput {
  @Field({ description: D.nationalId }) nationalId!: string;
  @Field({ description: D.names }) firstNames!: string;
  @Field({ description: D.names }) lastNames!: string;
  @Field(() => LocalDateScalar, { description: D.birthDate }) birthDate!: string;
  @Field(() => GenderEnum) gender!: string;
  @Field({ description: D.municipalityCode }) municipalityCode!: string;
  @Field(() => String, { nullable: true, description: D.address }) address?: string | null;
  @Field({ description: D.phone }) phone!: string;
  @Field(() => String, { nullable: true, description: D.email }) email?: string | null;
  @Field(() => [String], { description: D.occupations }) occupations!: string[];
  @Field(() => [String], { defaultValue: [], description: D.skills }) skills!: string[];
  @Field(() => [LanguageSkillInput], { defaultValue: [], description: D.languages }) languages!: LanguageSkillInput[];
  @Field(() => Int, { defaultValue: 0, description: D.yearsExperience }) yearsExperience!: number;
  @Field(() => EducationEnum) education!: string;
  @Field(() => String, { nullable: true, description: D.passportNumber }) passportNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: D.passportExpiry }) passportExpiry?: string | null;
}

@InputType({
  description:
    'A partial correction: only the fields given change, checked by the same rules as registration. The DUI, names, birth date and ' +
    'gender are not editable. While the applicant is SELECTED, PRE_DEPARTURE or DEPLOYED only contacts, address and passport may change.',
})
export class UpdateApplicantInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: D.phone + KEEP }) phone?: string | null;
  @Field(() => String, { nullable: true, description: D.email + KEEP + ' null removes it.' }) email?: string | null;
  @Field(() => String, { nullable: true, description: D.municipalityCode + KEEP }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true, description: D.address + KEEP + ' null removes it.' }) address?: string | null;
  @Field(() => String, { nullable: true, description: D.passportNumber + ' A renewed passport: give both.' + KEEP }) passportNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: D.passportExpiry + KEEP + ' A VERIFIED applicant with a valid passport becomes AVAILABLE.' })
  passportExpiry?: string | null;
  @Field(() => [String], { nullable: true, description: D.occupations + ' Replaces the list.' + KEEP }) occupations?: string[] | null;
  @Field(() => [String], { nullable: true, description: D.skills + ' Replaces the list.' + KEEP }) skills?: string[] | null;
  @Field(() => [LanguageSkillInput], { nullable: true, description: D.languages + ' Replaces the list.' + KEEP }) languages?: LanguageSkillInput[] | null;
  @Field(() => Int, { nullable: true, description: D.yearsExperience + KEEP }) yearsExperience?: number | null;
  @Field(() => EducationEnum, { nullable: true, description: KEEP.trim() }) education?: string | null;
}

@InputType()
export class ApplicantFilterInput {
  @Field(() => ApplicantStatusEnum, { nullable: true }) status?: ApplicantStatus | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) departmentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISCO-08 code' }) occupation?: string | null;
  @Field(() => [String], { nullable: true, description: 'Applicants with all of these skills' }) skills?: string[] | null;
  @Field(() => GenderEnum, { nullable: true }) gender?: 'FEMALE' | 'MALE' | 'OTHER' | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
}
