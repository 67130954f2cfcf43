import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Connected, LocalDateScalar } from '@puente/common';
import { CountryEnum, OccupationModel, RegionModel } from '@puente/domain/reference';
import { VerifiedEmployerModel } from '@puente/domain/employers';

/** The Employer Pays Principle, as the public types and the feeds say it. */
export const EMPLOYER_PAYS =
  'Employer Pays Principle: the employer pays recruitment and travel, and a worker never pays a fee to anyone ' +
  '(the ministry, a recruiter, the employer or a go-between) to get or keep this job. Whoever asks a worker for money for it ' +
  'is committing fraud: report it to the Ministry of Labour.';

/**
 * An open job order as anyone may read it, without signing in, to check that a job offer is real: the job, where,
 * the pay and dates, and its verified employer. Nothing about a person (no contact, user, applicant or worker) and
 * no count of people selected or placed.
 */
@ObjectType('PublicJobOrder', {
  description:
    'An open job order, public: approved by the ministry and still recruiting (status OPEN: not a draft, not waiting for or ' +
    'refused approval, not filled, started, completed or cancelled), starting after today, of a verified employer. ' +
    `No personal data. ${EMPLOYER_PAYS}`,
})
export class PublicJobOrderModel {
  @Field({ description: 'The ministry’s reference, e.g. JO-2026-000123: quote it to the ministry to check an offer.' }) reference!: string;
  @Field({ description: 'The job, as the employer titled it.' }) title!: string;
  @Field(() => OccupationModel, { description: 'The ISCO-08 occupation.' }) occupation!: OccupationModel;
  @Field({ description: 'NOC_2021 (Canada) or ONET_SOC (United States)' }) destinationOccupationSystem!: string;
  @Field({ description: 'The occupation in the destination’s classification, as on its work-permit certification.' }) destinationOccupationCode!: string;
  @Field(() => CountryEnum) country!: string;
  @Field(() => RegionModel, { description: 'The state or province of the workplace.' }) workRegion!: RegionModel;
  @Field() workCity!: string;
  @Field(() => Float, { description: 'Gross, per hour, in `currency`.' }) hourlyWage!: number;
  @Field({ description: 'USD or CAD' }) currency!: string;
  @Field(() => Int) hoursPerWeek!: number;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => LocalDateScalar) endDate!: string;
  @Field(() => Int) durationWeeks!: number;
  @Field(() => Int, { description: 'Positions the employer asked for.' }) positions!: number;
  @Field() housingProvided!: boolean;
  @Field(() => String, { nullable: true }) housingDescription!: string | null;
  @Field({ description: `The employer pays all recruitment costs. ${EMPLOYER_PAYS}` }) employerPaysRecruitment!: boolean;
  @Field({ description: 'The employer pays travel to the workplace and back home.' }) employerPaysTravel!: boolean;
  @Field(() => LocalDateScalar, { description: 'The day the ministry approved it (El Salvador’s calendar).' }) approvedOn!: string;
  @Field(() => VerifiedEmployerModel) employer!: VerifiedEmployerModel;
  /** When it was approved, for the feeds' dates; not a GraphQL field. */
  approvedAt!: Date;
}

@ObjectType()
export class PublicJobOrderConnection extends Connected(PublicJobOrderModel) {}
