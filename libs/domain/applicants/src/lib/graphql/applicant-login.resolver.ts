import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountService, RequestContext, Roles } from '@puente/auth';
import { Role } from '@puente/common';
import { ApplicantModel } from './applicant.model';

const LOGIN_BY_APPLICANT = Symbol('loginByApplicant');

/** The applicant's login, for the staff who deactivate or reactivate it (`deactivateUser` takes a User.id). */
@Resolver(() => ApplicantModel)
export class ApplicantLoginResolver {
  constructor(private readonly accounts: AccountService) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @ResolveField(() => ID, {
    nullable: true,
    description: "The applicant's login (User.id), for deactivateUser and reactivateUser; null when they have none. Staff only.",
  })
  async loginId(@Parent() applicant: ApplicantModel, @Context() ctx: RequestContext): Promise<string | null> {
    const loader = ctx.loaders.get<string, string | null>(LOGIN_BY_APPLICANT, (ids) => this.accounts.loginIdsOfApplicants(ids));
    return loader.load(applicant.id);
  }
}
