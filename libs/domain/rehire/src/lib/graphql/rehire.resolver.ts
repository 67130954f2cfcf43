import { Args, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, Connected, enumObject, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { PlacementEntity } from '@puente/domain/contingents';
import { RehireService, StoredDecision } from '../rehire.service';
import { EmployerPlacement, HistoryEntry, NamedShare, PoolEntry, RehireRate, TrackingService } from '../tracking.service';

export const RehireOutcomeEnum = enumObject(['ELIGIBLE', 'INELIGIBLE', 'PENDING'] as const);
registerEnumType(RehireOutcomeEnum, { name: 'RehireOutcome' });
export const EndFaultEnum = enumObject(['WORKER', 'EMPLOYER', 'NONE'] as const);
registerEnumType(EndFaultEnum, { name: 'EndFault', description: 'Whose fault an early end was.' });
export const EarlyEndEnum = enumObject(['TERMINATED_EARLY', 'ABANDONED'] as const);
registerEnumType(EarlyEndEnum, { name: 'EarlyEnd' });

@ObjectType('RehireReason', { description: 'One rule of the rehire policy and how the worker stands on it.' })
class RehireReasonModel {
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
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When it will be decided again because an input changes meaning.' }) recheckOn!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('Placement', { description: 'One worker at one employer for one order.' })
class PlacementModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field() status!: string;
  @Field(() => GraphQLLocalDate) departedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) endedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) returnedOn!: string | null;
  @Field(() => EndFaultEnum, { nullable: true }) endFault!: string | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
}

@InputType()
class EndPlacementInput {
  @Field(() => ID) placementId!: string;
  @Field(() => EarlyEndEnum) outcome!: 'TERMINATED_EARLY' | 'ABANDONED';
  @Field(() => GraphQLLocalDate) endedOn!: string;
  @Field(() => EndFaultEnum, { nullable: true, description: 'Required for an early end.' }) fault?: 'WORKER' | 'EMPLOYER' | 'NONE';
  @Field({ description: 'What happened (10 to 2000 characters).' }) reason!: string;
}

@InputType()
class EvaluationInputModel {
  @Field(() => Int) punctuality!: number;
  @Field(() => Int) quality!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int) teamwork!: number;
  @Field(() => Int) overall!: number;
  @Field() wouldRehire!: boolean;
  @Field(() => String, { nullable: true }) comments?: string | null;
}

@ObjectType('EvaluationReceipt')
class EvaluationReceiptModel {
  @Field(() => ID) evaluationId!: string;
}

@InputType()
class RequestNamedWorkersInput {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => [ID], { description: 'Former workers of this employer, rehire-eligible.' }) applicantIds!: string[];
  @Field({ nullable: true, defaultValue: true, description: 'Whether the shortlist may offer someone else if a named worker cannot travel.' })
  substituteAcceptable?: boolean;
}

@ObjectType('NamedWorkersRequest', { description: 'Workers asked for by name; the matching run queued places them first.' })
class NamedWorkersRequestModel {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => [ID]) applicantIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The run queued for an open order; null for one not approved yet, whose approval queues it.' })
  matchingRunId!: string | null;
}

@ObjectType('RehirePoolEntry', { description: 'A worker eligible to be hired again.' })
class RehirePoolEntryModel {
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
class RehirePoolConnection extends Connected(RehirePoolEntryModel) {}

@InputType()
class RehirePoolFilter {
  @Field(() => String, { nullable: true, description: 'ISCO-08 code.' }) occupation?: string | null;
  @Field(() => ID, { nullable: true, description: 'Former workers of this employer (coordinators).' }) employerId?: string | null;
  @Field(() => Boolean, { nullable: true }) needsPassportRenewal?: boolean | null;
}

export const RateGroupingEnum = enumObject(['EMPLOYER', 'SECTOR', 'DESTINATION'] as const);
registerEnumType(RateGroupingEnum, { name: 'RateGrouping' });

@ObjectType('RehireRate', { description: "One group's season: placements, eligible workers, and workers back the next season." })
class RehireRateModel {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) season!: number;
  @Field(() => Int) placements!: number;
  @Field(() => Int) eligible!: number;
  @Field(() => Int, { description: 'Placed again the next season (with the same employer, when grouped by employer).' }) rehired!: number;
  @Field(() => Float) rehireRate!: number;
}

@ObjectType('NamedShare', { description: 'Per season, the share of placements that were workers asked for by name.' })
class NamedShareModel {
  @Field(() => Int) season!: number;
  @Field(() => Int) placements!: number;
  @Field(() => Int) named!: number;
  @Field(() => Float) share!: number;
}

@ObjectType('PlacementEvaluation')
class PlacementEvaluationModel {
  @Field(() => Int) overall!: number;
  @Field(() => Int) punctuality!: number;
  @Field(() => Int) quality!: number;
  @Field(() => Int) safety!: number;
  @Field(() => Int) teamwork!: number;
  @Field() wouldRehire!: boolean;
  @Field(() => String, { nullable: true }) comments!: string | null;
}

@ObjectType('PlacementDecision')
class PlacementDecisionModel {
  @Field() outcome!: string;
  @Field() policyVersion!: string;
  @Field(() => [RehireReasonModel]) reasons!: RehireReasonModel[];
  @Field() createdAt!: Date;
}

@ObjectType('PlacementHistoryEntry', { description: 'One season of a worker: the placement, its evaluation and its rehire decision.' })
class HistoryEntryModel {
  @Field(() => ID) placementId!: string;
  @Field() jobOrderReference!: string;
  @Field() employerName!: string;
  @Field() regionCode!: string;
  @Field(() => GraphQLLocalDate) startDate!: string;
  @Field(() => GraphQLLocalDate) endDate!: string;
  @Field() status!: string;
  @Field(() => GraphQLLocalDate) departedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) endedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) returnedOn!: string | null;
  @Field() named!: boolean;
  @Field(() => PlacementEvaluationModel, { nullable: true }) evaluation!: PlacementEvaluationModel | null;
  @Field(() => PlacementDecisionModel, { nullable: true }) decision!: PlacementDecisionModel | null;
}

export const EvaluationStateEnum = enumObject(['NOT_DUE', 'OPEN', 'EVALUATED', 'CLOSED'] as const);
registerEnumType(EvaluationStateEnum, {
  name: 'EvaluationState',
  description: 'NOT_DUE while the season runs; OPEN until evaluationClosesOn; EVALUATED once done; CLOSED when the window passed unevaluated.',
});

@ObjectType('EmployerPlacement', { description: "One of the employer's workers, their season, and where its evaluation stands." })
class EmployerPlacementModel {
  @Field(() => ID) placementId!: string;
  @Field(() => ID) applicantId!: string;
  @Field() name!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field() jobOrderReference!: string;
  @Field() jobOrderTitle!: string;
  @Field() status!: string;
  @Field(() => GraphQLLocalDate, { description: "The contract's start." }) startDate!: string;
  @Field(() => GraphQLLocalDate, { description: "The contract's end." }) endDate!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) endedOn!: string | null;
  @Field(() => EvaluationStateEnum) evaluationState!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The last day to evaluate (El Salvador); null while the season runs.' })
  evaluationClosesOn!: string | null;
  @Field(() => PlacementEvaluationModel, { nullable: true }) evaluation!: PlacementEvaluationModel | null;
}

@ObjectType()
class EmployerPlacementConnection extends Connected(EmployerPlacementModel) {}

const toPlacement = (p: PlacementEntity): PlacementModel => ({
  id: p.id,
  applicantId: p.applicantId,
  jobOrderId: p.jobOrderId,
  status: p.status,
  departedOn: p.departedOn,
  endedOn: p.endedOn,
  returnedOn: p.returnedOn,
  endFault: p.endFault,
  endReason: p.endReason,
});

@Resolver()
export class RehireResolver {
  constructor(
    private readonly rehire: RehireService,
    private readonly tracking: TrackingService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => RehirePoolConnection, { description: 'Rehire-eligible workers, newest decisions first; an employer sees only its own former workers.' })
  async rehirePool(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Args('filter', { nullable: true }) filter?: RehirePoolFilter,
  ): Promise<RehirePoolConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.tracking.pool(actor, filter ?? {}, page), page, (e: PoolEntry) => ({ ...e, decidedAt: e.createdAt }));
  }

  // The portal's evaluation page lists an employer's workers to evaluate; nothing else gave an employer its placements.
  @Roles(Role.EMPLOYER)
  @Query(() => EmployerPlacementConnection, { description: "The employer's own placements, newest first, with each evaluation's window and state." })
  async myPlacements(@CurrentActor() actor: Actor, @Args() pageArgs: PageArgs): Promise<EmployerPlacementConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.tracking.employerPlacements(actor.employerId ?? '', page), page, (p: EmployerPlacement) => ({ ...p, placementId: p.id }));
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [RehireRateModel], { description: 'Rehire rates per employer, sector or destination, season by season (the year a placement started).' })
  rehireRates(
    @Args('groupBy', { type: () => RateGroupingEnum }) groupBy: 'EMPLOYER' | 'SECTOR' | 'DESTINATION',
    @Args('season', { type: () => Int, nullable: true }) season?: number,
  ): Promise<RehireRate[]> {
    return this.tracking.rehireRates(groupBy, season);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [NamedShareModel], { description: 'The share of workers asked for by name, season by season.' })
  namedWorkerShare(): Promise<NamedShare[]> {
    return this.tracking.namedShare();
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [HistoryEntryModel], { description: "A worker's placements, newest first, with their evaluations and rehire decisions." })
  placementHistory(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<HistoryEntry[]> {
    return this.tracking.history(applicantId);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PlacementModel, { description: 'Ends a placement before the contract end: early (say whose fault) or abandoned. Its evaluation opens.' })
  async endPlacement(@CurrentActor() actor: Actor, @Args('input') input: EndPlacementInput): Promise<PlacementModel> {
    return toPlacement(await this.rehire.endPlacement(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PlacementModel, { description: 'Records the day a worker whose placement ended came home.' })
  async recordWorkerReturn(
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('returnedOn', { type: () => GraphQLLocalDate }) returnedOn: string,
  ): Promise<PlacementModel> {
    return toPlacement(await this.rehire.recordWorkerReturn(placementId, returnedOn));
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => EvaluationReceiptModel, { description: "The employer's evaluation of a worker whose placement ended: once, within the window." })
  async submitEvaluation(
    @CurrentActor() actor: Actor,
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('input') input: EvaluationInputModel,
  ): Promise<EvaluationReceiptModel> {
    return { evaluationId: (await this.rehire.submitEvaluation(actor, placementId, input)).evaluationId };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PlacementModel, { description: 'Reopens (or extends) the evaluation window of a placement until a date.' })
  async reopenEvaluation(
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('until', { type: () => GraphQLLocalDate }) until: string,
  ): Promise<PlacementModel> {
    return toPlacement(await this.rehire.reopenEvaluation(placementId, until));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => NamedWorkersRequestModel, {
    description: 'Asks for former workers by name on an open, draft or submitted order; they are placed first by the next matching run (on approval for one not open yet).',
  })
  requestNamedWorkers(@CurrentActor() actor: Actor, @Args('input') input: RequestNamedWorkersInput): Promise<NamedWorkersRequestModel> {
    return this.rehire.requestNamedWorkers(actor, input);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => RehireEligibilityModel, { nullable: true, description: "A worker's current rehire decision; null when none was made yet." })
  async rehireEligibility(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<StoredDecision | null> {
    return this.rehire.eligibilityOf(applicantId);
  }
}
