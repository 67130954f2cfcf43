import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject, LocalDateScalar } from '@puente/common';
import { MunicipalityModel } from '@puente/domain/reference';
import { APPLICANT_STATUSES, ApplicantStatus } from '../applicant.state-machine';
import { EDUCATION_LEVELS, GENDERS, LANGUAGE_CODES, LANGUAGE_LEVELS } from '../applicant.rules';

export const ApplicantStatusEnum = enumObject(APPLICANT_STATUSES);
export const GenderEnum = enumObject(GENDERS);
export const EducationEnum = enumObject(EDUCATION_LEVELS);
export const LanguageCodeEnum = enumObject(LANGUAGE_CODES);
export const LanguageLevelEnum = enumObject(LANGUAGE_LEVELS);
registerEnumType(ApplicantStatusEnum, { name: 'ApplicantStatus' });
registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(EducationEnum, { name: 'Education' });
registerEnumType(LanguageCodeEnum, { name: 'LanguageCode', description: 'ISO 639-1' });
registerEnumType(LanguageLevelEnum, { name: 'LanguageLevel', description: 'CEFR level, or NATIVE' });

@ObjectType('LanguageSkill')
export class LanguageSkillModel {
  @Field(() => LanguageCodeEnum) code!: string;
  @Field(() => LanguageLevelEnum) level!: string;
}

@ObjectType('Applicant', { description: 'A worker registered with the program. Only coordinators and the applicant see this.' })
export class ApplicantModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'DUI, e.g. 04567890-3' }) nationalId!: string;
  @Field() firstNames!: string;
  @Field() lastNames!: string;
  @Field(() => LocalDateScalar) birthDate!: string;
  @Field(() => Int) age!: number;
  @Field(() => GenderEnum) gender!: string;
  @Field(() => MunicipalityModel) municipality!: MunicipalityModel;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field() phone!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => [String], { description: 'ISCO-08 codes' }) occupations!: string[];
  @Field(() => [String]) skills!: string[];
  @Field(() => [LanguageSkillModel]) languages!: LanguageSkillModel[];
  @Field(() => Int) yearsExperience!: number;
  @Field(() => EducationEnum) education!: string;
  @Field(() => String, { nullable: true }) passportNumber!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) passportExpiry!: string | null;
  @Field(() => ApplicantStatusEnum) status!: ApplicantStatus;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class ApplicantConnection extends Connected(ApplicantModel) {}

@ObjectType()
export class RegisterApplicantPayload {
  @Field(() => ApplicantModel) applicant!: ApplicantModel;
  @Field({ description: 'Give it to the applicant once: they sign in with their DUI and must change it.' })
  temporaryPassword!: string;
}

@ObjectType()
export class IssueTemporaryPasswordPayload {
  @Field(() => ApplicantModel) applicant!: ApplicantModel;
  @Field({ description: 'Read it out once: the applicant signs in with their DUI and must change it. Their earlier sessions are signed out.' })
  temporaryPassword!: string;
}
