import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { CancelJobOrderInput, JobOrderModel, JobOrderService } from '@puente/domain/job-orders';
import { ReferenceService } from '@puente/domain/reference';
import { ContingentQueriesService, ContingentView } from '../contingent-queries.service';
import { ContingentOfficeService } from '../office.service';
import { CompletedStepsModel, ContingentConnection, ContingentModel, TravelStepModel } from './contingent.model';
import { CancelContingentInput, CompleteStepsInput, ContingentFilterInput, WaiveStepInput } from './contingent.input';
import { toStepModel } from './contingent.mapper';

/** The office's operations on orders, contingents and steps that cross the job-order and travel libraries. */
@Resolver()
export class ContingentOfficeResolver {
  constructor(
    private readonly office: ContingentOfficeService,
    private readonly queries: ContingentQueriesService,
    private readonly reference: ReferenceService,
    private readonly orders: JobOrderService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => JobOrderModel, {
    description:
      'Cancels a DRAFT, SUBMITTED, OPEN or FILLED order (an employer its own) with a reason: its candidates and selections are released, selected workers made available again and told, their seats in contingents not yet left cancelled.',
  })
  async cancelJobOrder(@CurrentActor() actor: Actor, @Args('input') input: CancelJobOrderInput, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    const order = await this.office.cancelJobOrder(actor, input);
    // Answered as the job-order queries read it, its employer joined when asked.
    return this.orders.read(actor, order.id, selectionOf(info), await this.reference.data());
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, {
    description:
      'Cancels a PLANNED or CONFIRMED contingent with a reason: its workers come off (steps cancelled) but stay selected, to be seated again by scheduleContingents in a new contingent.',
  })
  async cancelContingent(@CurrentActor() actor: Actor, @Args('input') input: CancelContingentInput): Promise<ContingentView> {
    const k = await this.office.cancelContingent(actor, input);
    return (await this.queries.contingentById(k.id))!;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TravelStepModel, { description: "Waives a seated worker's office step, with a reason: it no longer blocks confirmation." })
  async waiveStep(@CurrentActor() actor: Actor, @Args('input') input: WaiveStepInput): Promise<TravelStepModel> {
    return toStepModel(await this.office.waiveStep(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => CompletedStepsModel, { description: 'Records one office step as done for every seated worker of a contingent (or those listed), at once.' })
  async completeSteps(@CurrentActor() actor: Actor, @Args('input') input: CompleteStepsInput): Promise<CompletedStepsModel> {
    return { completed: await this.office.completeSteps(actor, input) };
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER, Role.CONSUL)
  @Query(() => ContingentConnection, {
    description: 'Contingents, newest first: coordinators see all; an employer only those carrying its workers; a consul those going to a region of their jurisdiction.',
  })
  async contingents(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Args('filter', { nullable: true }) filter?: ContingentFilterInput,
  ): Promise<ContingentConnection> {
    const page = parsePage(pageArgs);
    const rows = await this.queries.listForActor(actor, filter ?? {}, page);
    return toConnection(rows, page, (row) => row);
  }
}
