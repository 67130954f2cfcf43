import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { CasesService } from '../cases.service';
import { CaseConnection, CaseModel } from './case.model';
import { CaseFilterInput, ReportCaseInput, UpdateCaseInput } from './case.input';

@Resolver(() => CaseModel)
export class CasesResolver {
  constructor(private readonly service: CasesService) {}

  @Roles(Role.APPLICANT, Role.COORDINATOR, Role.CONSUL)
  @Mutation(() => CaseModel, {
    description:
      'Reports a protection case about a placement: the worker about their own (while it runs and up to a year after coming home), a coordinator or a consul (in their jurisdiction) on the worker\'s behalf. Triaged at once.',
  })
  reportCase(@CurrentActor() actor: Actor, @Args('input') input: ReportCaseInput): Promise<CaseModel> {
    return this.service.report(actor, input);
  }

  @Roles(Role.COORDINATOR, Role.CONSUL)
  @Mutation(() => CaseModel, { description: 'Moves a case, adds a note, assigns it or raises its severity (consuls within their jurisdiction; deciding and closing a case is a coordinator\'s).' })
  updateCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateCaseInput): Promise<CaseModel> {
    const { transition, ...rest } = input;
    return this.service.update(actor, id, { ...rest, event: transition });
  }

  @Roles(Role.COORDINATOR, Role.CONSUL, Role.APPLICANT, Role.EMPLOYER)
  @Query(() => CaseModel, { description: 'One case, as much of it as you may see; NOT_FOUND outside your scope.' })
  case(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<CaseModel> {
    return this.service.findForActor(actor, id);
  }

  @Roles(Role.COORDINATOR, Role.CONSUL, Role.APPLICANT, Role.EMPLOYER)
  @Query(() => CaseConnection, {
    description: 'Cases newest first: coordinators all, a consul those of their jurisdiction, the worker their own, an employer those against it (filtered by status only). Events are left out of a list: read them with case(id).',
  })
  async cases(@CurrentActor() actor: Actor, @Args() pageArgs: PageArgs, @Args('filter', { nullable: true }) filter?: CaseFilterInput): Promise<CaseConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.service.listForActor(actor, filter ?? {}, page), page, (c) => c);
  }
}
