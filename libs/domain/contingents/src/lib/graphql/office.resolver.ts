import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, Connected, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { CancelJobOrderInput, JobOrderModel, toJobOrderModel } from '@puente/domain/job-orders';
import { ReferenceService } from '@puente/domain/reference';
import { ContingentsService, ContingentView } from '../contingents.service';
import { ContingentOfficeService } from '../office.service';
import { ContingentStatus } from '../contingent.state-machine';
import { StepKind } from '../timeline.policy';
import { ContingentModel, ContingentStatusEnum, StepKindEnum, toStepModel, TravelStepModel } from './contingents.resolver';

@ObjectType()
export class ContingentConnection extends Connected(ContingentModel) {}

@InputType()
export class ContingentFilterInput {
  @Field(() => ContingentStatusEnum, { nullable: true }) status?: ContingentStatus | null;
  @Field(() => String, { nullable: true, description: 'Destination region, e.g. CA-QC' }) regionCode?: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Departing on or after this date' }) departureFrom?: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Departing on or before this date' }) departureTo?: string | null;
  @Field(() => ID, { nullable: true, description: 'Carrying (or having carried) workers of this order' }) jobOrderId?: string | null;
}

@InputType()
export class CancelContingentInput {
  @Field(() => ID) contingentId!: string;
  @Field({ description: 'Why, 10 to 2000 characters; its workers and the coordinators are told.' }) reason!: string;
}

@InputType()
export class WaiveStepInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => StepKindEnum, { description: 'An office step (not DEPARTURE or ARRIVAL).' }) step!: StepKind;
  @Field({ description: 'Why the step is not needed, 10 to 2000 characters; kept in the audit trail.' }) reason!: string;
}

@InputType()
export class CompleteStepsInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => StepKindEnum, { description: 'An office step (not DEPARTURE or ARRIVAL).' }) step!: StepKind;
  @Field(() => [ID], { nullable: true, description: 'Only these seated workers; everyone seated when omitted.' }) applicantIds?: string[] | null;
}

@ObjectType('CompletedSteps')
export class CompletedStepsModel {
  @Field(() => Int, { description: 'Steps that changed to DONE by this call (those already done or waived are left alone).' }) completed!: number;
}

/** The office's operations on orders, contingents and steps that cross the job-order and travel libraries. */
@Resolver()
export class ContingentOfficeResolver {
  constructor(
    private readonly office: ContingentOfficeService,
    private readonly service: ContingentsService,
    private readonly reference: ReferenceService,
  ) {}

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Mutation(() => JobOrderModel, {
    description:
      'Cancels a DRAFT, SUBMITTED, OPEN or FILLED order (an employer its own) with a reason: its candidates and selections are released, selected workers made available again and told, their seats in contingents not yet left cancelled.',
  })
  async cancelJobOrder(@CurrentActor() actor: Actor, @Args('input') input: CancelJobOrderInput): Promise<JobOrderModel> {
    return toJobOrderModel(await this.office.cancelJobOrder(actor, input), await this.reference.data());
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, {
    description:
      'Cancels a PLANNED or CONFIRMED contingent with a reason: its workers come off (steps cancelled) but stay selected, to be seated again by scheduleContingents in a new contingent.',
  })
  async cancelContingent(@CurrentActor() actor: Actor, @Args('input') input: CancelContingentInput): Promise<ContingentView> {
    const k = await this.office.cancelContingent(actor, input);
    return (await this.service.contingentById(k.id))!;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TravelStepModel, { description: "Waives a seated worker's office step, with a reason: it no longer blocks confirmation." })
  async waiveStep(@CurrentActor() actor: Actor, @Args('input') input: WaiveStepInput): Promise<TravelStepModel> {
    return toStepModel(await this.office.waiveStep(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => CompletedStepsModel, { description: 'Records one office step as done for every seated worker of a contingent (or those listed), at once.' })
  async completeSteps(@CurrentActor() actor: Actor, @Args('input') input: CompleteStepsInput): Promise<CompletedStepsModel> {
    return { completed: await this.office.completeSteps(actor, input) };
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => ContingentConnection, { description: 'Contingents, newest first: coordinators see all; an employer only those carrying its workers.' })
  async contingents(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Args('filter', { nullable: true }) filter?: ContingentFilterInput,
  ): Promise<ContingentConnection> {
    const page = parsePage(pageArgs);
    if (actor.role === Role.EMPLOYER && !actor.employerId) return toConnection([], page, (row) => row);
    const rows = await this.service.list(filter ?? {}, page, actor.role === Role.EMPLOYER ? actor.employerId : null);
    return toConnection(rows, page, (row) => row);
  }
}
