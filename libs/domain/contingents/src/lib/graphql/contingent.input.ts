import { Field, ID, InputType } from '@nestjs/graphql';
import type { WithdrawalReason } from '../withdrawal.service';
import type { StepKind } from '../timeline.policy';
import type { ContingentStatus } from '../contingent.state-machine';
import { ContingentStatusEnum, StepKindEnum, WithdrawalReasonEnum } from './contingent.model';
import { LocalDateScalar } from '@puente/common';

@InputType()
export class CompleteStepInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => StepKindEnum) step!: StepKind;
}

@InputType()
export class WithdrawTravellerInput {
  @Field(() => ID) applicantId!: string;
  @Field(() => WithdrawalReasonEnum) reason!: WithdrawalReason;
  @Field({ description: 'What happened, for the record (10 to 2000 characters).' }) note!: string;
}

@InputType()
export class RecordTravelInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "When it happened (El Salvador's date); today if omitted. Never in the future, never before the contingent was planned, in order (departure, arrival, return).",
  })
  on?: string;
  @Field({
    nullable: true,
    description:
      'Why the date is far from the plan (a departure more than 7 days from the planned one, an arrival more than 3 days after the departure, a return more than 14 days from the contract end or before the contract started); 10 to 2000 characters, kept in the audit trail.',
  })
  reason?: string;
}

@InputType()
export class ContingentFilterInput {
  @Field(() => ContingentStatusEnum, { nullable: true }) status?: ContingentStatus | null;
  @Field(() => String, { nullable: true, description: 'Destination region, e.g. CA-QC' }) regionCode?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Departing on or after this date' }) departureFrom?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Departing on or before this date' }) departureTo?: string | null;
  @Field(() => ID, { nullable: true, description: 'Carrying (or having carried) workers of this order' }) jobOrderId?: string | null;
}

@InputType()
export class CancelContingentInput {
  @Field(() => ID) contingentId!: string;
  @Field({ description: 'Why, 10 to 2000 characters; its workers and the coordinators are told.' }) reason!: string;
}

@InputType()
export class WaiveStepInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => StepKindEnum, { description: 'An office step (not DEPARTURE or ARRIVAL).' }) step!: StepKind;
  @Field({ description: 'Why the step is not needed, 10 to 2000 characters; kept in the audit trail.' }) reason!: string;
}

@InputType()
export class CompleteStepsInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => StepKindEnum, { description: 'An office step (not DEPARTURE or ARRIVAL).' }) step!: StepKind;
  @Field(() => [ID], { nullable: true, description: 'Only these seated workers; everyone seated when omitted.' }) applicantIds?: string[] | null;
}
