import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Connected, enumObject, LocalDateScalar } from '@puente/common';

export const RehireOutcomeEnum = enumObject(['ELIGIBLE', 'INELIGIBLE', 'PENDING'] as const);
registerEnumType(RehireOutcomeEnum, { name: 'RehireOutcome' });
export const EndFaultEnum = enumObject(['WORKER', 'EMPLOYER', 'NONE'] as const);
registerEnumType(EndFaultEnum, { name: 'EndFault', description: 'Whose fault an early end was.' });
export const EarlyEndEnum = enumObject(['TERMINATED_EARLY', 'ABANDONED'] as const);
registerEnumType(EarlyEndEnum, { name: 'EarlyEnd' });

@ObjectType('RehireReason', { description: 'One rule of the rehire policy and how the worker stands on it.' })
export class RehireReasonModel {
  @Field() code!: string;
  @Field(() => Boolean, { nullable: true, description: 'Met, not met, or null while not known yet.' }) met!: boolean | null;
  @Field() message!: string;
}

@ObjectType('RehireEligibility', { description: 'The current rehire decision of a worker, with every reason and what it was made from.' })
export class RehireEligibilityModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => RehireOutcomeEnum) outcome!: string;
  @Field({ description: 'Eligible, but the passport must be renewed before the next season.' }) needsPassportRenewal!: boolean;
  @Field(() => [RehireReasonModel]) reasons!: RehireReasonModel[];
  @Field() policyVersion!: string;
  @Field(() => GraphQLJSON, { description: 'The facts the decision used.' }) inputs!: unknown;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When it will be decided again because an input changes meaning.' }) recheckOn!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('Placement', { description: 'One worker at one employer for one order.' })
export class PlacementModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field() status!: string;
  @Field(() => LocalDateScalar) departedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) returnedOn!: string | null;
  @Field(() => EndFaultEnum, { nullable: true }) endFault!: string | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
}

@ObjectType('EvaluationReceipt')
export class EvaluationReceiptModel {
  @Field(() => ID) evaluationId!: string;
}

@ObjectType('NamedWorkersRequest', { description: 'Workers asked for by name; the matching run queued places them first.' })
export class NamedWorkersRequestModel {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => [ID]) applicantIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The run queued for an open order; null for one not approved yet, whose approval queues it.' })
  matchingRunId!: string | null;
}

@ObjectType('RehirePoolEntry', { description: 'A worker eligible to be hired again.' })
export class RehirePoolEntryModel {
  @Field(() => ID) applicantId!: string;
  @Field() name!: string;
  @Field(() => [String]) occupations!: string[];
  @Field({ description: 'Their stage now (AVAILABLE, or already selected for another order).' }) status!: string;
  @Field() needsPassportRenewal!: boolean;
  @Field(() => Int, { description: 'Placements ended so far.' }) seasons!: number;
  @Field() lastEmployerName!: string;
  @Field(() => Int, { nullable: true, description: "The last evaluation's overall score (for an employer, only its own)." }) lastOverall!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the last evaluation said it would rehire the worker (for an employer, only its own).' })
  lastWouldRehire!: boolean | null;
  @Field(() => Int, { description: 'The year the last placement (the one decided on) started.' }) lastSeason!: number;
  @Field() decidedAt!: Date;
}

@ObjectType()
export class RehirePoolConnection extends Connected(RehirePoolEntryModel) {}

export const RateGroupingEnum = enumObject(['EMPLOYER', 'SECTOR', 'DESTINATION'] as const);
registerEnumType(RateGroupingEnum, { name: 'RateGrouping' });

@ObjectType('RehireRate', { description: "One group's season: placements, eligible workers, and workers back the next season." })
export class RehireRateModel {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) season!: number;
  @Field(() => Int) placements!: number;
  @Field(() => Int) eligible!: number;
  @Field(() => Int, { description: 'Placed again the next season (with the same employer, when grouped by employer).' }) rehired!: number;
  @Field(() => Float) rehireRate!: number;
}

@ObjectType('NamedShare', { description: 'Per season, the share of placements that were workers asked for by name.' })
export class NamedShareModel {
  @Field(() => Int) season!: number;
  @Field(() => Int) placements!: number;
  @Field(() => Int) named!: number;
  @Field(() => Float) share!: number;
}

@ObjectType('PlacementEvaluation')
export class PlacementEvaluationModel {
  @Field(() => Int) overall!: number;
  @Field(() => Int) punctuality!: number;
  @Field(() => Int) quality!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int) teamwork!: number;
  @Field() wouldRehire!: boolean;
  @Field(() => String, { nullable: true }) comments!: string | null;
}

@ObjectType('PlacementDecision')
export class PlacementDecisionModel {
  @Field() outcome!: string;
  @Field() policyVersion!: string;
  @Field(() => [RehireReasonModel]) reasons!: RehireReasonModel[];
  @Field() createdAt!: Date;
}

@ObjectType('PlacementHistoryEntry', { description: 'One season of a worker: the placement, its evaluation and its rehire decision.' })
export class HistoryEntryModel {
  @Field(() => ID) placementId!: string;
  @Field() jobOrderReference!: string;
  @Field() employerName!: string;
  @Field() regionCode!: string;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => LocalDateScalar) endDate!: string;
  @Field() status!: string;
  @Field(() => LocalDateScalar) departedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) returnedOn!: string | null;
  @Field() named!: boolean;
  @Field(() => PlacementEvaluationModel, { nullable: true }) evaluation!: PlacementEvaluationModel | null;
  @Field(() => StaffEvaluationModel, { nullable: true, description: 'The evaluation with its contest, review and retaliation flag.' })
  evaluationReview!: StaffEvaluationModel | null;
  @Field(() => PlacementDecisionModel, { nullable: true }) decision!: PlacementDecisionModel | null;
}

export const EvaluationStateEnum = enumObject(['NOT_DUE', 'OPEN', 'EVALUATED', 'CLOSED'] as const);
registerEnumType(EvaluationStateEnum, {
  name: 'EvaluationState',
  description: 'NOT_DUE while the season runs; OPEN until evaluationClosesOn; EVALUATED once done; CLOSED when the window passed unevaluated.',
});

@ObjectType('EmployerPlacement', { description: "One of the employer's workers, their season, and where its evaluation stands." })
export class EmployerPlacementModel {
  @Field(() => ID) placementId!: string;
  @Field(() => ID) applicantId!: string;
  @Field() name!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field() jobOrderReference!: string;
  @Field() jobOrderTitle!: string;
  @Field() status!: string;
  @Field(() => LocalDateScalar, { description: "The contract's start." }) startDate!: string;
  @Field(() => LocalDateScalar, { description: "The contract's end." }) endDate!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endedOn!: string | null;
  @Field(() => EvaluationStateEnum) evaluationState!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day to evaluate (El Salvador); null while the season runs.' })
  evaluationClosesOn!: string | null;
  @Field(() => PlacementEvaluationModel, { nullable: true }) evaluation!: PlacementEvaluationModel | null;
}

@ObjectType()
export class EmployerPlacementConnection extends Connected(EmployerPlacementModel) {}

export const ContestStatusEnum = enumObject(['CONTESTED', 'UPHELD', 'OVERTURNED'] as const);
registerEnumType(ContestStatusEnum, { name: 'ContestStatus', description: 'CONTESTED while a coordinator decides; UPHELD (it stands) or OVERTURNED (void) once decided.' });
export const ContestDecisionEnum = enumObject(['UPHOLD', 'OVERTURN'] as const);
registerEnumType(ContestDecisionEnum, { name: 'ContestDecision', description: 'UPHOLD: the evaluation stands and counts; OVERTURN: it is void and never counts.' });
export const EvaluationStandingEnum = enumObject(['COUNTS', 'CONTESTED', 'UNDER_REVIEW', 'OVERTURNED'] as const);
registerEnumType(EvaluationStandingEnum, {
  name: 'EvaluationStanding',
  description:
    'COUNTS as given (or upheld); CONTESTED: pending, still counts; UNDER_REVIEW: flagged as possible retaliation, does not count until a coordinator upholds it; OVERTURNED: void.',
});

@ObjectType('RetaliationFlag', { description: "The worker's case against the employer that an evaluation followed, and the flag's review (coordinators only)." })
export class RetaliationFlagModel {
  @Field(() => ID) caseId!: string;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewReason!: string | null;
}

@ObjectType('Evaluation', {
  description: "An employer's evaluation of a worker as the worker and the coordinators see it: scores, comments, the worker's contest and its outcome, and whether it counts.",
})
export class EvaluationModel extends PlacementEvaluationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => ID) applicantId!: string;
  @Field() employerName!: string;
  @Field() jobOrderReference!: string;
  @Field({ description: 'When the employer submitted it.' }) createdAt!: Date;
  @Field(() => ContestStatusEnum, { nullable: true, description: 'Null while never contested.' }) contestStatus!: string | null;
  @Field(() => String, { nullable: true, description: "The worker's statement." }) contestStatement!: string | null;
  @Field(() => Date, { nullable: true }) contestedAt!: Date | null;
  @Field(() => Date, { nullable: true }) contestResolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The coordinator's reason for upholding or overturning the contest." }) contestResolutionReason!: string | null;
  @Field(() => LocalDateScalar, { description: 'The last day to contest it (El Salvador): ten working days after the day it was submitted.' }) contestableUntil!: string;
  @Field({ description: 'The worker may contest it now: never contested, not overturned, within the window.' }) contestable!: boolean;
  @Field({ description: 'Whether it counts for rehire and matching: not overturned, and not under a retaliation review.' }) counts!: boolean;
  @Field(() => EvaluationStandingEnum) standing!: string;
}

@ObjectType('StaffEvaluation', { description: 'An evaluation as coordinators see it: what the worker sees, and the retaliation flag.' })
export class StaffEvaluationModel extends EvaluationModel {
  @Field(() => RetaliationFlagModel, { nullable: true, description: 'Set when it followed a case the worker reported against the employer.' })
  retaliation!: RetaliationFlagModel | null;
}

@ObjectType('EvaluationToReview', { description: 'An evaluation awaiting a coordinator: contested, or flagged as possible retaliation, or both.' })
export class EvaluationToReviewModel extends StaffEvaluationModel {
  @Field() applicantName!: string;
}

@ObjectType()
export class EvaluationToReviewConnection extends Connected(EvaluationToReviewModel) {}

@ObjectType('NamedAgainComparison', {
  description: "Of an employer's former workers: those who reported a case against it and the others, and how many of each it named again on an order.",
})
export class NamedAgainComparisonModel {
  @Field(() => ID) employerId!: string;
  @Field() employerName!: string;
  @Field(() => Int, { description: 'Former workers who reported a case against the employer (misconduct findings left out).' }) reporters!: number;
  @Field(() => Int) reportersNamedAgain!: number;
  @Field(() => Float, { nullable: true, description: 'Null when no former worker reported a case.' }) reporterRate!: number | null;
  @Field(() => Int, { description: 'Former workers who did not.' }) others!: number;
  @Field(() => Int) othersNamedAgain!: number;
  @Field(() => Float, { nullable: true }) otherRate!: number | null;
}
