import { Extensions, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { rolesOnly } from '@puente/auth';
import { Connected, enumObject, LocalDateScalar, Role } from '@puente/common';
import { RegionModel } from '@puente/domain/reference';
import { EmployerModel } from '@puente/domain/employers';
import { LanguageSkillModel } from '@puente/domain/applicants';
import { JOB_ORDER_STATUSES, JobOrderStatus } from '../job-order.state-machine';

export const JobOrderStatusEnum = enumObject(JOB_ORDER_STATUSES);
registerEnumType(JobOrderStatusEnum, { name: 'JobOrderStatus' });

@ObjectType('JobOrder', { description: "An employer's request for workers. Coordinators see all; an employer only its own." })
export class JobOrderModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. JO-2026-000123' }) reference!: string;
  @Field(() => ID) employerId!: string;
  @Field() title!: string;
  @Field({ description: 'ISCO-08 unit group' }) iscoCode!: string;
  @Field({ description: 'NOC_2021 (Canada) or ONET_SOC (United States)' }) destinationOccupationSystem!: string;
  @Field() destinationOccupationCode!: string;
  @Field(() => Int) positions!: number;
  @Field(() => [String]) requiredSkills!: string[];
  @Field(() => [String]) preferredSkills!: string[];
  @Field(() => [LanguageSkillModel], { description: 'Each at least this level' }) languages!: LanguageSkillModel[];
  @Field(() => Int) minExperienceYears!: number;
  @Field(() => RegionModel) workRegion!: RegionModel;
  @Field() workCity!: string;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => Int) durationWeeks!: number;
  @Field(() => LocalDateScalar) endDate!: string;
  @Field(() => Float) hourlyWage!: number;
  @Field() currency!: string;
  @Field(() => Int) hoursPerWeek!: number;
  @Field() housingProvided!: boolean;
  @Field(() => String, { nullable: true }) housingDescription!: string | null;
  @Field({ description: 'The employer pays all recruitment costs.' }) employerPaysRecruitment!: boolean;
  @Field({ description: 'The employer pays travel to and from the workplace.' }) employerPaysTravel!: boolean;
  @Field(() => JobOrderStatusEnum) status!: JobOrderStatus;
  @Field(() => String, { nullable: true, description: 'Why it was rejected.' }) statusReason!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field() createdAt!: Date;
  /** Joined by the read that answered the order (JOB_ORDER_READ) when the query asks for it; mutations answer by that read too. */
  @Field(() => EmployerModel) @Extensions(rolesOnly(Role.COORDINATOR, Role.EMPLOYER)) employer?: EmployerModel;
}

@ObjectType()
export class JobOrderConnection extends Connected(JobOrderModel) {}

@ObjectType('JobOrderStatusCount', { description: 'How many orders are in one status.' })
export class JobOrderStatusCountModel {
  @Field(() => JobOrderStatusEnum) status!: JobOrderStatus;
  @Field(() => Int) count!: number;
}
