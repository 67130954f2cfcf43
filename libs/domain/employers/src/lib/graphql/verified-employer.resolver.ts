import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, PublicThrottleGuard } from '@puente/auth';
import { PageArgs } from '@puente/common';
import { PublicEmployerService } from '../public-employer.service';
import { VerifiedEmployerConnection, VerifiedEmployerModel } from './verified-employer.model';
import { VerifiedEmployerFilterInput } from './verified-employer.input';

@Resolver(() => VerifiedEmployerModel)
export class VerifiedEmployerResolver {
  constructor(private readonly employers: PublicEmployerService) {}

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Query(() => VerifiedEmployerConnection, {
    description:
      'Public, no sign-in: the employers the ministry has verified, to check that the employer of a job offer is real ' +
      '(a pending or suspended employer is not listed). The most recently verified first; narrowed by any part of the ' +
      'name (case and accents aside), country, region and sector. Answers may be up to a minute old; limited per address.',
  })
  verifiedEmployers(@Args() pageArgs: PageArgs, @Args('filter', { nullable: true }) filter?: VerifiedEmployerFilterInput): Promise<VerifiedEmployerConnection> {
    return this.employers.verified(filter ?? {}, pageArgs);
  }
}
