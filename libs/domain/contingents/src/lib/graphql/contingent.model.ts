import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connected, enumObject, LocalDateScalar } from '@puente/common';
import type { ContingentView } from '../contingent-queries.service';
import { WITHDRAWAL_REASONS } from '../withdrawal.service';
import { STEP_KINDS } from '../timeline.policy';
import { CONTINGENT_STATUSES, PLACEMENT_STATUSES, STEP_STATUSES } from '../contingent.state-machine';
import { TRAVELLER_STATUSES } from '../contingent.entity';

export const ContingentStatusEnum = enumObject(CONTINGENT_STATUSES);
registerEnumType(ContingentStatusEnum, { name: 'ContingentStatus' });

@ObjectType('Contingent', { description: 'Workers of one destination region and start date travelling together.' })
export class ContingentModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'CT-<region>-<start date>-<sequence>.' }) reference!: string;
  @Field() regionCode!: string;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => LocalDateScalar) departureDate!: string;
  @Field(() => ContingentStatusEnum) status!: string;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Travellers seated, of every order in the contingent.' }) seated!: number;
  @Field(() => LocalDateScalar, { nullable: true }) departedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) arrivedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) returnedOn!: string | null;
}

export const TravellerStatusEnum = enumObject(TRAVELLER_STATUSES);
registerEnumType(TravellerStatusEnum, { name: 'TravellerStatus' });
export const PlacementStatusEnum = enumObject(PLACEMENT_STATUSES);
registerEnumType(PlacementStatusEnum, { name: 'PlacementStatus' });

export const StepKindEnum = enumObject(STEP_KINDS);
export const StepStatusEnum = enumObject(STEP_STATUSES);
registerEnumType(StepKindEnum, { name: 'StepKind' });
registerEnumType(StepStatusEnum, { name: 'StepStatus' });

export const WithdrawalReasonEnum = enumObject(WITHDRAWAL_REASONS);
registerEnumType(WithdrawalReasonEnum, {
  name: 'WithdrawalReason',
  valuesMap: { WITHDREW: { description: 'The worker withdrew.' }, MISSED_BLOCKING_STEP: { description: 'A step that blocks travel will not be done in time.' } },
});

@ObjectType('TravelStep', { description: 'One pre-departure step of one worker, with its due date.' })
export class TravelStepModel {
  @Field(() => ID) id!: string;
  @Field(() => StepKindEnum) kind!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => LocalDateScalar, { nullable: true }) remindOn!: string | null;
  @Field(() => StepStatusEnum) status!: string;
  @Field({ description: 'Missing it keeps the worker from travelling.' }) blocking!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the date is not the planned one, or why the step cannot be done in time.' })
  note!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
}

@ObjectType('ContingentMember', { description: 'A worker with a seat in the contingent, and their steps.' })
export class ContingentMemberModel {
  @Field(() => ID) applicantId!: string;
  @Field() name!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field(() => TravellerStatusEnum) status!: string;
  @Field(() => ID, { nullable: true, description: 'Their placement, from the day they departed (the id an evaluation names).' }) placementId!: string | null;
  @Field(() => PlacementStatusEnum, { nullable: true }) placementStatus!: string | null;
  @Field(() => [TravelStepModel]) steps!: TravelStepModel[];
}

@ObjectType('ContingentStep', { description: 'One step of the contingent\'s timeline, over its seated workers.' })
export class ContingentStepModel {
  @Field(() => StepKindEnum) step!: string;
  @Field(() => LocalDateScalar, { description: 'The earliest due date among the workers (a replacement may have a later one).' }) dueDate!: string;
  @Field(() => Int) done!: number;
  @Field(() => Int, { description: 'Pending, overdue or infeasible.' }) open!: number;
  @Field(() => Int) overdue!: number;
}

@ObjectType('Withdrawal', { description: 'A worker taken off a contingent before it left, and who took the seat.' })
export class WithdrawalModel {
  @Field(() => ContingentModel) contingent!: ContingentView;
  @Field(() => ID, { nullable: true, description: 'The reserve selected and seated instead; null when the order had none left.' })
  replacementApplicantId!: string | null;
}

@ObjectType('ContingentScheduling', { description: 'A queued seating of an order\'s selected workers; the worker does it.' })
export class ContingentSchedulingModel {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => Int, { description: 'Selected applicants of the order waiting for a seat when it was queued.' }) waiting!: number;
}

@ObjectType()
export class ContingentConnection extends Connected(ContingentModel) {}

@ObjectType('CompletedSteps')
export class CompletedStepsModel {
  @Field(() => Int, { description: 'Steps that changed to DONE by this call (those already done or waived are left alone).' }) completed!: number;
}
