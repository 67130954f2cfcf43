import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext, Roles } from '@puente/auth';
import { Role } from '@puente/common';
import { ApplicantModel } from './applicant.model';

const LOGIN_BY_APPLICANT = Symbol('loginByApplicant');

/** The applicant's login, for the staff who deactivate or reactivate it (`deactivateUser` takes a User.id). */
@Resolver(() => ApplicantModel)
export class ApplicantLoginResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @ResolveField(() => ID, {
    nullable: true,
    description: "The applicant's login (User.id), for deactivateUser and reactivateUser; null when they have none. Staff only.",
  })
  async loginId(@Parent() applicant: ApplicantModel, @Context() ctx: RequestContext): Promise<string | null> {
    const loader = ctx.loaders.get<string, string | null>(LOGIN_BY_APPLICANT, async (ids) => {
      const rows: { id: string; applicant_id: string }[] = await this.dataSource.query(
        `SELECT id, applicant_id FROM app_user WHERE applicant_id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const byApplicant = new Map(rows.map((r) => [r.applicant_id, r.id]));
      return ids.map((id) => byApplicant.get(id) ?? null);
    });
    return loader.load(applicant.id);
  }
}
