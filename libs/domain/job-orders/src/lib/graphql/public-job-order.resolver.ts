import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, PublicThrottleGuard } from '@puente/auth';
import { PageArgs } from '@puente/common';
import { PublicJobOrderService } from '../public-job-order.service';
import { EMPLOYER_PAYS, PublicJobOrderConnection, PublicJobOrderModel } from './public-job-order.model';
import { PublicJobOrderFilterInput } from './public-job-order.input';

@Resolver(() => PublicJobOrderModel)
export class PublicJobOrderResolver {
  constructor(private readonly orders: PublicJobOrderService) {}

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Query(() => PublicJobOrderConnection, {
    description:
      'Public, no sign-in: the open job orders, to check that a job offered abroad is real. Open means approved by the ministry ' +
      'and still recruiting (status OPEN: not filled, started, completed or cancelled), starting after today, of a verified ' +
      'employer. The most recently approved first; narrowed by occupation, country, region and first day. Answers may be up ' +
      `to a minute old; limited per address. ${EMPLOYER_PAYS}`,
  })
  publicJobOrders(@Args() pageArgs: PageArgs, @Args('filter', { nullable: true }) filter?: PublicJobOrderFilterInput): Promise<PublicJobOrderConnection> {
    return this.orders.open(filter ?? {}, pageArgs);
  }
}
