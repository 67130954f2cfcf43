import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderService } from '../job-order.service';
import { JobOrderConnection, JobOrderModel, JobOrderStatusCountModel } from './job-order.model';
import { CreateJobOrderInput, JobOrderFilterInput, RejectJobOrderInput, UpdateJobOrderInput } from './job-order.input';

@Resolver(() => JobOrderModel)
export class JobOrderResolver {
  constructor(
    private readonly orders: JobOrderService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.EMPLOYER)
  @Mutation(() => JobOrderModel, { description: 'Drafts a job order for your employer.' })
  async createJobOrder(@CurrentActor() actor: Actor, @Args('input') input: CreateJobOrderInput, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.answer(actor, await this.orders.create(actor, input), info);
  }

  @Roles(Role.EMPLOYER, Role.COORDINATOR)
  @Mutation(() => JobOrderModel, {
    description: 'Corrects a DRAFT or REJECTED order (an employer its own): only the fields given change. A rejected order becomes a DRAFT again, to be submitted anew.',
  })
  async updateJobOrder(@CurrentActor() actor: Actor, @Args('input') input: UpdateJobOrderInput, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    const { jobOrderId, ...changes } = input;
    return this.answer(actor, await this.orders.update(actor, jobOrderId, changes), info);
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => JobOrderModel, { description: 'Sends a draft to the ministry for approval. Your employer must be verified.' })
  async submitJobOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.answer(actor, await this.orders.submit(actor, id), info);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => JobOrderModel, { description: 'Approves a submitted order: it opens for matching.' })
  async approveJobOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.answer(actor, await this.orders.approve(actor, id), info);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => JobOrderModel)
  async rejectJobOrder(@CurrentActor() actor: Actor, @Args('input') input: RejectJobOrderInput, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.answer(actor, await this.orders.reject(actor, input.id, input.reason), info);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => JobOrderModel)
  async jobOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Info() info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.orders.read(actor, id, selectionOf(info), await this.reference.data());
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => JobOrderConnection, { description: 'Coordinators see all orders; an employer only its own.' })
  async jobOrders(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true }) filter?: JobOrderFilterInput,
  ): Promise<JobOrderConnection> {
    const page = parsePage(pageArgs);
    const rows = await this.orders.readList(actor, filter ?? {}, page, selectionOf(info, ['edges', 'node']), await this.reference.data());
    return toConnection(rows, page, (o) => o);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => [JobOrderStatusCountModel], {
    description: 'How many orders are in each status (statuses with none are left out): coordinators all, an employer its own.',
  })
  jobOrderCounts(@CurrentActor() actor: Actor): Promise<JobOrderStatusCountModel[]> {
    return this.orders.countByStatus(actor);
  }

  /** A mutation answers with the order as the queries read it: what the selection asks for, its employer joined. */
  private async answer(actor: Actor, order: { id: string }, info: GraphQLResolveInfo): Promise<JobOrderModel> {
    return this.orders.read(actor, order.id, selectionOf(info), await this.reference.data());
  }
}
