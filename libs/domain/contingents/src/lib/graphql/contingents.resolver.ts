import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, LocalDateScalar, Role } from '@puente/common';
import { ContingentQueriesService, ContingentView } from '../contingent-queries.service';
import { SeatingService } from '../seating.service';
import { StepJobsService } from '../step-jobs.service';
import { ContingentOfficeService } from '../office.service';
import { TravelService } from '../travel.service';
import { WithdrawalService } from '../withdrawal.service';
import { ContingentMemberModel, ContingentModel, ContingentSchedulingModel, ContingentStepModel, TravelStepModel, WithdrawalModel } from './contingent.model';
import { CompleteStepInput, RecordTravelInput, WithdrawTravellerInput } from './contingent.input';
import { toStepModel } from './contingent.mapper';

@Resolver(() => ContingentModel)
export class ContingentsResolver {
  constructor(
    private readonly queries: ContingentQueriesService,
    private readonly seating: SeatingService,
    private readonly stepJobs: StepJobsService,
    private readonly office: ContingentOfficeService,
    private readonly travel: TravelService,
    private readonly withdrawals: WithdrawalService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentSchedulingModel, {
    description: 'Queues the seating of the order\'s selected workers (with those of other orders of the same region and start date) in contingents; repeating it seats nobody twice.',
  })
  async scheduleContingents(@CurrentActor() actor: Actor, @Args('jobOrderId', { type: () => ID }) jobOrderId: string): Promise<ContingentSchedulingModel> {
    return { jobOrderId, waiting: await this.seating.requestSchedule(actor, jobOrderId) };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, {
    description: 'Moves a contingent to a new departure date: every step not done is planned again, and its reminder moves with it.',
  })
  async rescheduleContingent(
    @Args('id', { type: () => ID }) id: string,
    @Args('departureDate', { type: () => LocalDateScalar }) departureDate: string,
  ): Promise<ContingentView> {
    return this.view((await this.stepJobs.reschedule(id, departureDate)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TravelStepModel, { description: 'Records a pre-departure step of a seated worker as done.' })
  async completeStep(@CurrentActor() actor: Actor, @Args('input') input: CompleteStepInput): Promise<TravelStepModel> {
    return toStepModel(await this.office.completeStep(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => WithdrawalModel, {
    description: "Takes a seated worker off their contingent before it leaves; the order's best free reserve takes the seat with steps of their own.",
  })
  async withdrawTraveller(@Args('input') input: WithdrawTravellerInput): Promise<WithdrawalModel> {
    const withdrawal = await this.withdrawals.withdraw(input);
    return { contingent: await this.view(withdrawal.contingentId), replacementApplicantId: withdrawal.replacementApplicantId };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Confirms the flight once every seated worker has done every blocking step.' })
  async confirmContingent(@Args('id', { type: () => ID }) id: string): Promise<ContingentView> {
    return this.view((await this.travel.confirm(id)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a confirmed contingent left: its workers are deployed and their placements begin.' })
  async recordDeparture(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordDeparture(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a departed contingent arrived.' })
  async recordArrival(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordArrival(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a contingent came home: its placements are completed.' })
  async recordReturn(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordReturn(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @Query(() => ContingentModel, {
    description: 'A contingent; an employer sees only one that carries its workers, a consul only one going to a region of their jurisdiction.',
  })
  async contingent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ContingentView> {
    return this.queries.findForActor(actor, id);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @ResolveField(() => [ContingentMemberModel], {
    description: 'Its workers, seated or travelling, with their placements; an employer sees only its own, a consul those of a contingent in their jurisdiction.',
  })
  async members(@CurrentActor() actor: Actor, @Parent() contingent: ContingentView): Promise<ContingentMemberModel[]> {
    const members = await this.queries.membersForActor(actor, contingent.id);
    return members.map((m) => ({ ...m, steps: m.steps.map(toStepModel) }));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @ResolveField(() => [ContingentStepModel], { description: 'Its timeline, step by step, with how many workers have done each.' })
  steps(@Parent() contingent: ContingentView): Promise<ContingentStepModel[]> {
    return this.queries.timelineOf(contingent.id);
  }

  private async view(id: string): Promise<ContingentView> {
    return (await this.queries.contingentById(id))!;
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [TravelStepModel], { description: "The pre-departure steps of an applicant's current seat, in due order." })
  async travelSteps(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<TravelStepModel[]> {
    return (await this.queries.stepsOf(applicantId)).map(toStepModel);
  }
}
