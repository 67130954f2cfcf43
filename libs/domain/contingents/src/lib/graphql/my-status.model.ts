import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicantStatusEnum } from '@puente/domain/applicants';
import { ContingentStatusEnum, StepKindEnum, StepStatusEnum } from './contingent.model';
import { LocalDateScalar } from '@puente/common';

@ObjectType('MyStep', { description: 'A step still to do, with its due date.' })
export class MyStepModel {
  @Field(() => StepKindEnum) step!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => StepStatusEnum) status!: string;
  @Field({ description: 'Missing it keeps you from travelling.' }) blocking!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the date moved, or why it cannot be done in time.' }) note!: string | null;
}

@ObjectType('MyJobOrder', { description: 'The job you were selected for.' })
export class MyJobOrderModel {
  @Field() reference!: string;
  @Field() title!: string;
  @Field() employerName!: string;
  @Field() workCity!: string;
  @Field() workRegionCode!: string;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => LocalDateScalar) endDate!: string;
  @Field(() => Float) hourlyWage!: number;
  @Field() currency!: string;
  @Field(() => Int) hoursPerWeek!: number;
  @Field() housingProvided!: boolean;
}

@ObjectType('MyContingent', { description: 'The group you travel with.' })
export class MyContingentModel {
  @Field() reference!: string;
  @Field(() => LocalDateScalar) departureDate!: string;
  @Field(() => ContingentStatusEnum) status!: string;
}

@ObjectType('MyRehireReason')
export class MyRehireReasonModel {
  @Field() code!: string;
  @Field(() => Boolean, { nullable: true, description: 'Met, not met, or null while not known yet.' }) met!: boolean | null;
  @Field() message!: string;
}

@ObjectType('MyRehireEligibility', { description: 'Whether you can be hired again next season, and why.' })
export class MyRehireEligibilityModel {
  @Field({ description: 'ELIGIBLE, INELIGIBLE or PENDING.' }) outcome!: string;
  @Field({ description: 'Eligible, but renew your passport before the next season.' }) needsPassportRenewal!: boolean;
  @Field(() => [MyRehireReasonModel]) reasons!: MyRehireReasonModel[];
  @Field() decidedAt!: Date;
}

@ObjectType('MyEvaluation', { description: "Your last employer's evaluation of your work." })
export class MyEvaluationModel {
  @Field(() => ID, { description: 'What contestEvaluation takes (myEvaluations lists every evaluation of you).' }) id!: string;
  @Field(() => Int) overall!: number;
  @Field() wouldRehire!: boolean;
  @Field(() => String, { nullable: true }) comments!: string | null;
  @Field() employerName!: string;
  @Field() submittedAt!: Date;
  @Field(() => LocalDateScalar, { description: 'The last day you may contest it (El Salvador): ten working days after it was submitted.' }) contestableUntil!: string;
  @Field(() => String, { nullable: true, description: 'Null while never contested; CONTESTED, UPHELD or OVERTURNED.' }) contestStatus!: string | null;
  @Field({ description: 'Whether it counts for your next season (not overturned, not set aside for a review).' }) counts!: boolean;
}

@ObjectType('MyStatus', { description: "An applicant's own journey: stage, what to do next and by when, the job and the flight." })
export class MyStatusModel {
  @Field(() => ApplicantStatusEnum) stage!: string;
  @Field(() => [MyStepModel], { description: 'Steps not yet done, soonest first.' }) nextSteps!: MyStepModel[];
  @Field(() => MyJobOrderModel, { nullable: true }) jobOrder!: MyJobOrderModel | null;
  @Field(() => MyContingentModel, { nullable: true }) contingent!: MyContingentModel | null;
  @Field(() => MyRehireEligibilityModel, { nullable: true, description: 'Known once a season has ended.' }) rehireEligibility!: MyRehireEligibilityModel | null;
  @Field(() => MyEvaluationModel, { nullable: true }) lastEvaluation!: MyEvaluationModel | null;
  @Field() updatedAt!: Date;
}
