import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@puente/auth';
import { Role } from '@puente/common';
import { EmployerApprovalHoldModel, EmployerModel } from './employer.model';

/** The approval hold, for coordinators: the employer reads its hold in its standing, in its own words. */
@Resolver(() => EmployerModel)
export class EmployerHoldResolver {
  @Roles(Role.COORDINATOR)
  @ResolveField(() => EmployerApprovalHoldModel, { nullable: true, description: "A hold on the approval of the employer's orders; null when none." })
  approvalHold(@Parent() employer: EmployerModel): EmployerApprovalHoldModel | null {
    return employer.hold;
  }
}
