import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequestContext, Roles } from '@puente/auth';
import { Actor, DomainException, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { EmployerModel, toEmployerModel } from '@puente/domain/employers';
import { JobOrderModel } from '@puente/domain/job-orders';
import { ReferenceService } from '@puente/domain/reference';
import { StandingService, StoredStanding } from '../standing.service';
import { EmployerRatingConnection, EmployerRatingReceiptModel, EmployerStandingModel, PlacementToRateModel } from './standing.model';
import { ClearEmployerHoldInput, RateEmployerInput } from './standing.input';
import { toStandingModel } from './standing.mapper';

const STANDING_BY_EMPLOYER = Symbol('standingByEmployer');

@Resolver()
export class StandingResolver {
  constructor(
    private readonly standing: StandingService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.APPLICANT)
  @Mutation(() => EmployerRatingReceiptModel, {
    description: 'A worker rates the employer of their own placement once they are home, once per placement. Employers see only aggregates over five or more placements, never who rated; comments go to the ministry only.',
  })
  rateEmployer(@CurrentActor() actor: Actor, @Args('input') input: RateEmployerInput): Promise<EmployerRatingReceiptModel> {
    return this.standing.rateEmployer(actor, input);
  }

  @Roles(Role.APPLICANT)
  @Query(() => [PlacementToRateModel], { description: 'Your placements, newest first, and whether you may rate each employer (rateEmployer).' })
  myPlacementsToRate(@CurrentActor() actor: Actor): Promise<PlacementToRateModel[]> {
    return this.standing.placementsToRate(actor);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => EmployerStandingModel, { description: "An employer's standing with every reason and, over five or more rated placements, the workers' rating aggregate. Coordinators any; an employer its own." })
  async employerStanding(@CurrentActor() actor: Actor, @Args('employerId', { type: () => ID }) employerId: string): Promise<EmployerStandingModel> {
    return toStandingModel(await this.standing.standingForActor(actor, employerId));
  }

  @Roles(Role.COORDINATOR)
  @Query(() => EmployerRatingConnection, { description: "Workers' ratings of an employer one by one, with their comments, newest first: the ministry only." })
  async employerRatings(@CurrentActor() actor: Actor, @Args('employerId', { type: () => ID }) employerId: string, @Args() pageArgs: PageArgs): Promise<EmployerRatingConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.standing.ratingsForStaff(actor, employerId, page), page, (r) => r);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => EmployerModel, {
    description: "Lifts the approval hold a substantiated critical case placed on an employer, with a reason the audit trail keeps: its orders can be approved again. suspendEmployer is the other decision.",
  })
  async clearEmployerHold(@CurrentActor() actor: Actor, @Args('input') input: ClearEmployerHoldInput): Promise<EmployerModel> {
    return toEmployerModel(await this.standing.clearHold(actor, input), await this.reference.data());
  }
}

/** The order's employer's standing, for the coordinator approving it and the employer itself; batched per request. */
@Resolver(() => JobOrderModel)
export class JobOrderStandingResolver {
  constructor(private readonly standing: StandingService) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => EmployerStandingModel, { description: "The standing of the order's employer, as shown at approval." })
  async employerStanding(@Parent() order: JobOrderModel, @CurrentActor() actor: Actor, @Context() ctx: RequestContext): Promise<EmployerStandingModel> {
    const loader = ctx.loaders.get<string, StoredStanding | null>(STANDING_BY_EMPLOYER, (ids) => this.standing.standingsForActor(actor, ids));
    const standing = await loader.load(order.employerId);
    if (!standing) throw DomainException.notFound('Employer');
    return toStandingModel(standing);
  }
}
