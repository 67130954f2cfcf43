import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, LocalDateScalar, PageArgs, parsePage, Role, toConnection, todayIso } from '@puente/common';
import { RehireService, StoredDecision } from '../rehire.service';
import { EvaluationService } from '../evaluation.service';
import { NamedWorkersService } from '../named-workers.service';
import { EmployerPlacement, EvaluationView, HistoryEntry, NamedAgainComparison, NamedShare, PoolEntry, RehireRate, TrackingService } from '../tracking.service';
import {
  EmployerPlacementConnection,
  EvaluationModel,
  EvaluationToReviewConnection,
  NamedAgainComparisonModel,
  StaffEvaluationModel,
  EvaluationReceiptModel,
  HistoryEntryModel,
  NamedShareModel,
  NamedWorkersRequestModel,
  PlacementModel,
  RateGroupingEnum,
  RehireEligibilityModel,
  RehirePoolConnection,
  RehireRateModel,
} from './rehire.model';
import { ContestEvaluationInput, EndPlacementInput, EvaluationInputModel, RehirePoolFilter, RequestNamedWorkersInput, ResolveEvaluationContestInput } from './rehire.input';
import { toPlacement } from './rehire.mapper';

@Resolver()
export class RehireResolver {
  constructor(
    private readonly rehire: RehireService,
    private readonly evaluations: EvaluationService,
    private readonly namedWorkers: NamedWorkersService,
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
    return toConnection(await this.tracking.employerPlacements(actor, page), page, (p: EmployerPlacement) => ({ ...p, placementId: p.id }));
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
    return toPlacement(await this.evaluations.endPlacement(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PlacementModel, { description: 'Records the day a worker whose placement ended came home.' })
  async recordWorkerReturn(
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('returnedOn', { type: () => LocalDateScalar }) returnedOn: string,
  ): Promise<PlacementModel> {
    return toPlacement(await this.evaluations.recordWorkerReturn(placementId, returnedOn));
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => EvaluationReceiptModel, { description: "The employer's evaluation of a worker whose placement ended: once, within the window." })
  async submitEvaluation(
    @CurrentActor() actor: Actor,
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('input') input: EvaluationInputModel,
  ): Promise<EvaluationReceiptModel> {
    return { evaluationId: (await this.evaluations.submitEvaluation(actor, placementId, input)).evaluationId };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => PlacementModel, { description: 'Reopens (or extends) the evaluation window of a placement until a date.' })
  async reopenEvaluation(
    @Args('placementId', { type: () => ID }) placementId: string,
    @Args('until', { type: () => LocalDateScalar }) until: string,
  ): Promise<PlacementModel> {
    return toPlacement(await this.evaluations.reopenEvaluation(placementId, until));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => NamedWorkersRequestModel, {
    description: 'Asks for former workers by name on an open, draft or submitted order; they are placed first by the next matching run (on approval for one not open yet).',
  })
  requestNamedWorkers(@CurrentActor() actor: Actor, @Args('input') input: RequestNamedWorkersInput): Promise<NamedWorkersRequestModel> {
    return this.namedWorkers.requestNamedWorkers(actor, input);
  }

  @Roles(Role.APPLICANT)
  @Query(() => [EvaluationModel], { description: 'Every evaluation of you, newest first: scores, comments, until when you may contest it, your contest and its outcome.' })
  myEvaluations(@CurrentActor() actor: Actor): Promise<EvaluationView[]> {
    return this.tracking.myEvaluations(actor);
  }

  @Roles(Role.APPLICANT)
  @Mutation(() => EvaluationModel, {
    description: 'Contests an evaluation of you, once, with a statement, within 10 working days (El Salvador) of it; it still counts until a coordinator decides.',
  })
  async contestEvaluation(@CurrentActor() actor: Actor, @Args('input') input: ContestEvaluationInput): Promise<EvaluationView> {
    // The service refused anyone but the evaluation's own worker: read it back as they see it.
    const { evaluationId } = await this.evaluations.contestEvaluation(actor, input);
    return (await this.tracking.evaluationById(evaluationId, todayIso(), false))!;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => StaffEvaluationModel, {
    description: 'Upholds or overturns an evaluation that was contested or flagged as possible retaliation, with a reason the worker reads; the rehire decision is made again.',
  })
  async resolveEvaluationContest(@Args('input') input: ResolveEvaluationContestInput, @CurrentActor() actor: Actor): Promise<EvaluationView> {
    const { evaluationId } = await this.evaluations.resolveEvaluationContest(actor, input);
    return (await this.tracking.evaluationById(evaluationId))!;
  }

  @Roles(Role.COORDINATOR)
  @Query(() => EvaluationToReviewConnection, { description: 'Evaluations awaiting a coordinator (contested, or flagged as possible retaliation), newest first.' })
  async evaluationsToReview(@Args() pageArgs: PageArgs): Promise<EvaluationToReviewConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.tracking.evaluationsToReview(page), page, (e: EvaluationView) => ({ ...e, applicantName: e.applicantName ?? '', retaliation: e.retaliation ?? null }));
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [NamedAgainComparisonModel], {
    description: "Per employer: how often its former workers who reported a case against it were named again, against those who did not (counts and rates).",
  })
  namedAgainComparison(@Args('employerId', { type: () => ID, nullable: true }) employerId?: string): Promise<NamedAgainComparison[]> {
    return this.tracking.namedAgainComparison(employerId);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => RehireEligibilityModel, { nullable: true, description: "A worker's current rehire decision; null when none was made yet." })
  async rehireEligibility(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<StoredDecision | null> {
    return this.rehire.eligibilityOf(applicantId);
  }
}
