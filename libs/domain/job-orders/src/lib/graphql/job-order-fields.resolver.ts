import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, RequestContext, Roles } from '@puente/auth';
import { Actor, DomainException, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { EmployerEntity, EmployerModel, EmployerService, toEmployerModel } from '@puente/domain/employers';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderService } from '../job-order.service';
import { JobOrderConnection, JobOrderModel } from './job-order.model';

const EMPLOYER_BY_ID = Symbol('employerById');

/** The employer of an order, batched per request: a page of 100 orders costs one employer query. */
@Resolver(() => JobOrderModel)
export class JobOrderFieldsResolver {
  constructor(
    private readonly employers: EmployerService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => EmployerModel)
  async employer(@Parent() order: JobOrderModel, @Context() ctx: RequestContext): Promise<EmployerModel> {
    // Joined by the read that answered the order (JOB_ORDER_READ) when the query asked for it.
    if (order.employer) return order.employer;
    const loader = ctx.loaders.get<string, EmployerEntity | null>(EMPLOYER_BY_ID, (ids) => this.employers.findByIds(ids));
    const [employer, ref] = await Promise.all([loader.load(order.employerId), this.reference.data()]);
    if (!employer) throw DomainException.notFound('Employer');
    return toEmployerModel(employer, ref);
  }
}

/** An employer's orders, as a connection on Employer (the employers library cannot see job orders). */
@Resolver(() => EmployerModel)
export class EmployerJobOrdersResolver {
  constructor(
    private readonly orders: JobOrderService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => JobOrderConnection)
  async jobOrders(@Parent() employer: EmployerModel, @CurrentActor() actor: Actor, @Args() pageArgs: PageArgs, @Info() info: GraphQLResolveInfo): Promise<JobOrderConnection> {
    const page = parsePage(pageArgs);
    const rows = await this.orders.readList(actor, { employerId: employer.id }, page, selectionOf(info, ['edges', 'node']), await this.reference.data());
    return toConnection(rows, page, (o) => o);
  }
}
