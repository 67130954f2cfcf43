import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CountryEnum } from '@puente/domain/reference';
import { LanguageSkillInput } from '@puente/domain/applicants';
import { JobOrderStatus } from '../job-order.state-machine';
import { JobOrderStatusEnum } from './job-order.model';
import { LocalDateScalar } from '@puente/common';

@InputType()
export class CreateJobOrderInput {
  @Field({ description: '3 to 150 characters' }) title!: string;
  @Field({ description: 'ISCO-08 code, see the occupations query' }) iscoCode!: string;
  @Field({ description: 'NOC 2021 (e.g. 85100) for Canada, O*NET-SOC (e.g. 45-2092.00) for the US' })
  destinationOccupationCode!: string;
  @Field(() => Int, { description: '1 to 500' }) positions!: number;
  @Field(() => [String], { defaultValue: [], description: 'At most 15 skill codes, see the skills query' }) requiredSkills!: string[];
  @Field(() => [String], { defaultValue: [], description: 'At most 15 skill codes, none of them required' }) preferredSkills!: string[];
  @Field(() => [LanguageSkillInput], { defaultValue: [], description: 'Each at least this level' }) languages!: LanguageSkillInput[];
  @Field(() => Int, { defaultValue: 0, description: '0 to 40' }) minExperienceYears!: number;
  @Field({ description: "A region of the employer's country, see the regions query" }) workRegionCode!: string;
  @Field({ description: '1 to 100 characters' }) workCity!: string;
  @Field(() => LocalDateScalar, { description: 'At least 14 days and at most two years from today' }) startDate!: string;
  @Field(() => Int, { description: '1 to 156 weeks' }) durationWeeks!: number;
  @Field(() => Float, { description: 'In the destination currency (USD or CAD), at most two decimals, up to 500' }) hourlyWage!: number;
  @Field(() => Int, { description: '1 to 84' }) hoursPerWeek!: number;
  @Field() housingProvided!: boolean;
  @Field(() => String, { nullable: true, description: 'Required (5 to 1000 characters) when housing is provided' }) housingDescription?: string | null;
  @Field({ description: 'Must be true: workers pay no recruitment fees.' }) employerPaysRecruitment!: boolean;
  @Field({ description: 'Must be true: the employer pays travel.' }) employerPaysTravel!: boolean;
}

@InputType({ description: 'Corrects a DRAFT or REJECTED order: give only the fields to change; the rules of createJobOrder apply to the result.' })
export class UpdateJobOrderInput {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => String, { nullable: true, description: '3 to 150 characters' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'ISCO-08 code, see the occupations query' }) iscoCode?: string | null;
  @Field(() => String, { nullable: true, description: 'NOC 2021 (e.g. 85100) for Canada, O*NET-SOC (e.g. 45-2092.00) for the US' })
  destinationOccupationCode?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 500' }) positions?: number | null;
  @Field(() => [String], { nullable: true, description: 'At most 15 skill codes' }) requiredSkills?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'At most 15 skill codes, none of them required' }) preferredSkills?: string[] | null;
  @Field(() => [LanguageSkillInput], { nullable: true, description: 'Each at least this level' }) languages?: LanguageSkillInput[] | null;
  @Field(() => Int, { nullable: true, description: '0 to 40' }) minExperienceYears?: number | null;
  @Field(() => String, { nullable: true, description: "A region of the employer's country" }) workRegionCode?: string | null;
  @Field(() => String, { nullable: true, description: '1 to 100 characters' }) workCity?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'At least 14 days and at most two years from today' }) startDate?: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 156 weeks' }) durationWeeks?: number | null;
  @Field(() => Float, { nullable: true, description: 'In the destination currency, at most two decimals, up to 500' }) hourlyWage?: number | null;
  @Field(() => Int, { nullable: true, description: '1 to 84' }) hoursPerWeek?: number | null;
  @Field(() => Boolean, { nullable: true }) housingProvided?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Required (5 to 1000 characters) when housing is provided; null clears it' })
  housingDescription?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Must stay true' }) employerPaysRecruitment?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Must stay true' }) employerPaysTravel?: boolean | null;
}

@InputType()
export class CancelJobOrderInput {
  @Field(() => ID) jobOrderId!: string;
  @Field({ description: 'Why, 10 to 2000 characters; the employer and the selected workers are told.' }) reason!: string;
}

@InputType()
export class RejectJobOrderInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'Why, 10 to 2000 characters; shown to the employer.' }) reason!: string;
}

@InputType()
export class JobOrderFilterInput {
  @Field(() => JobOrderStatusEnum, { nullable: true }) status?: JobOrderStatus | null;
  @Field(() => ID, { nullable: true }) employerId?: string | null;
  @Field(() => String, { nullable: true }) iscoCode?: string | null;
  @Field(() => CountryEnum, { nullable: true }) country?: 'US' | 'CA' | null;
  @Field(() => String, { nullable: true }) workRegionCode?: string | null;
}
