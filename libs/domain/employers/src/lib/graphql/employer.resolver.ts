import { UseGuards } from '@nestjs/common';
import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor, Public, PublicThrottleGuard, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, selectionOf, toConnection } from '@puente/common';
import { ReferenceService } from '@puente/domain/reference';
import { EmployerService } from '../employer.service';
import { EmployerConnection, EmployerModel } from './employer.model';
import { EmployerFilterInput, RegisterEmployerInput, SuspendEmployerInput } from './employer.input';
import { toEmployerModel } from './employer.mapper';

@Resolver(() => EmployerModel)
export class EmployerResolver {
  constructor(
    private readonly service: EmployerService,
    private readonly reference: ReferenceService,
  ) {}

  @Public()
  @UseGuards(PublicThrottleGuard)
  @Mutation(() => EmployerModel, { description: 'Public sign-up. The employer can draft job orders once a coordinator verifies it.' })
  async registerEmployer(@Args('input') input: RegisterEmployerInput): Promise<EmployerModel> {
    const { password, ...draft } = input;
    return toEmployerModel(await this.service.register(draft, password), await this.reference.data());
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => EmployerModel, {
    description: 'Verifies a newly registered employer, or reinstates a suspended one: its users may sign in again (sessions open before the suspension stay ended).',
  })
  async verifyEmployer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EmployerModel> {
    return toEmployerModel(await this.service.verify(actor, id), await this.reference.data());
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => EmployerModel, { description:
      'Suspends an employer, e.g. after substantiated abuse: it can no longer submit orders, every session of its users ends at once ' +
      '(HTTP refused, WebSockets closed) and they cannot sign in or refresh until verifyEmployer reinstates it.' })
  async suspendEmployer(@Args('input') input: SuspendEmployerInput): Promise<EmployerModel> {
    return toEmployerModel(await this.service.suspend(input.id, input.reason), await this.reference.data());
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => EmployerModel)
  async employer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Info() info: GraphQLResolveInfo): Promise<EmployerModel> {
    return this.service.read(actor, id, selectionOf(info), await this.reference.data());
  }

  @Roles(Role.COORDINATOR)
  @Query(() => EmployerConnection)
  async employers(
    @Args() pageArgs: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true }) filter?: EmployerFilterInput,
  ): Promise<EmployerConnection> {
    const page = parsePage(pageArgs);
    const rows = await this.service.readList(filter ?? {}, page, selectionOf(info, ['edges', 'node']), await this.reference.data());
    return toConnection(rows, page, (e) => e);
  }
}
