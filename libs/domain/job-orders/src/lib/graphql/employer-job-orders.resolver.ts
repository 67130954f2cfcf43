import { Args, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { EmployerModel } from '@puente/domain/employers';
import { ReferenceService } from '@puente/domain/reference';
import { JobOrderService } from '../job-order.service';
import { JobOrderConnection } from './job-order.model';

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
