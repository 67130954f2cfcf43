import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { ReferenceService } from '@puente/domain/reference';
import { ApplicantService } from '../applicant.service';
import { ApplicantIdentifiers } from '../applicant-identifiers';
import { ApplicantConnection, ApplicantModel, IssueTemporaryPasswordPayload, RegisterApplicantPayload } from './applicant.model';
import { ApplicantFilterInput, RegisterApplicantInput, UpdateApplicantInput } from './applicant.input';
import { toApplicantModel } from './applicant.mapper';

@Resolver(() => ApplicantModel)
export class ApplicantResolver {
  constructor(
    private readonly service: ApplicantService,
    private readonly reference: ReferenceService,
    private readonly identifiers: ApplicantIdentifiers,
  ) {}

  @Roles(Role.COORDINATOR)
  @Mutation(() => RegisterApplicantPayload, { description: 'Registers an applicant and opens their login.' })
  async registerApplicant(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegisterApplicantInput,
  ): Promise<RegisterApplicantPayload> {
    const { applicant, temporaryPassword } = await this.service.register(actor, input);
    return { applicant: toApplicantModel(applicant, await this.reference.data(), this.identifiers), temporaryPassword };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ApplicantModel, { description: 'Marks the documents verified; with a valid passport the applicant becomes AVAILABLE.' })
  async verifyApplicant(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApplicantModel> {
    return toApplicantModel(await this.service.verify(actor, id), await this.reference.data(), this.identifiers);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ApplicantModel, {
    description:
      'Corrects contacts, address, passport or profile (only the fields given). A passport added or renewed makes a VERIFIED applicant AVAILABLE.',
  })
  async updateApplicant(@CurrentActor() actor: Actor, @Args('input') input: UpdateApplicantInput): Promise<ApplicantModel> {
    const { id, ...changes } = input;
    return toApplicantModel(await this.service.update(actor, id, changes), await this.reference.data(), this.identifiers);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => IssueTemporaryPasswordPayload, {
    description: "A new temporary password for an applicant (read out at the desk; their login is opened if they have none). Signs out the applicant's sessions.",
  })
  async issueTemporaryPassword(
    @CurrentActor() actor: Actor,
    @Args('applicantId', { type: () => ID }) applicantId: string,
  ): Promise<IssueTemporaryPasswordPayload> {
    const { applicant, temporaryPassword } = await this.service.issueTemporaryPassword(actor, applicantId);
    return { applicant: toApplicantModel(applicant, await this.reference.data(), this.identifiers), temporaryPassword };
  }

  @Roles(Role.COORDINATOR, Role.APPLICANT)
  @Query(() => ApplicantModel, { description: 'Coordinators see any applicant; an applicant only themself.' })
  async applicant(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApplicantModel> {
    return toApplicantModel(await this.service.findForActor(actor, id), await this.reference.data(), this.identifiers);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => ApplicantConnection)
  async applicants(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Args('filter', { nullable: true }) filter?: ApplicantFilterInput,
  ): Promise<ApplicantConnection> {
    const page = parsePage(pageArgs);
    const [rows, ref] = await Promise.all([this.service.list(actor, filter ?? {}, page), this.reference.data()]);
    return toConnection(rows, page, (a) => toApplicantModel(a, ref, this.identifiers));
  }
}
