import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderService } from '../job-order.service';
import { JobOrderConnection, JobOrderModel, JobOrderStatusCountModel } from './job-order.model';
import { CreateJobOrderInput, JobOrderFilterInput, RejectJobOrderInput, UpdateJobOrderInput } from './job-order.input';
import { toJobOrderModel } from './job-order.mapper';

@Resolver(() => JobOrderModel)
export class JobOrderResolver {
  constructor(
    private readonly orders: JobOrderService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.EMPLOYER)
  @Mutation(() => JobOrderModel, { description: 'Drafts a job order for your employer.' })
  async createJobOrder(@CurrentActor() actor: Actor, @Args('input') input: CreateJobOrderInput): Promise<JobOrderModel> {
    return this.model(await this.orders.create(actor, input));
  }

  @Roles(Role.EMPLOYER, Role.COORDINATOR)
  @Mutation(() => JobOrderModel, {
    description: 'Corrects a DRAFT or REJECTED order (an employer its own): only the fields given change. A rejected order becomes a DRAFT again, to be submitted anew.',
  })
  async updateJobOrder(@CurrentActor() actor: Actor, @Args('input') input: UpdateJobOrderInput): Promise<JobOrderModel> {
    const { jobOrderId, ...changes } = input;
    return this.model(await this.orders.update(actor, jobOrderId, changes));
  }

  @Roles(Role.EMPLOYER)
  @Mutation(() => JobOrderModel, { description: 'Sends a draft to the ministry for approval. Your employer must be verified.' })
  async submitJobOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<JobOrderModel> {
    return this.model(await this.orders.submit(actor, id));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => JobOrderModel, { description: 'Approves a submitted order: it opens for matching.' })
  async approveJobOrder(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<JobOrderModel> {
    return this.model(await this.orders.approve(actor, id));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => JobOrderModel)
  async rejectJobOrder(@CurrentActor() actor: Actor, @Args('input') input: RejectJobOrderInput): Promise<JobOrderModel> {
    return this.model(await this.orders.reject(actor, input.id, input.reason));
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

  private async model(order: Parameters<typeof toJobOrderModel>[0]): Promise<JobOrderModel> {
    return toJobOrderModel(order, await this.reference.data());
  }
}
