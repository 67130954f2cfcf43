import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, DomainException, enumObject, Role } from '@puente/common';
import { ContingentsService, ContingentView } from '../contingents.service';
import { TravelService, WITHDRAWAL_REASONS, WithdrawalReason } from '../travel.service';
import { TravelStepEntity } from '../contingent.entity';
import { STEP_KINDS, StepKind } from '../timeline.policy';
import { CONTINGENT_STATUSES, PLACEMENT_STATUSES, STEP_STATUSES } from '../contingent.state-machine';
import { TRAVELLER_STATUSES } from '../contingent.entity';

export const ContingentStatusEnum = enumObject(CONTINGENT_STATUSES);
registerEnumType(ContingentStatusEnum, { name: 'ContingentStatus' });

@ObjectType('Contingent', { description: 'Workers of one destination region and start date travelling together.' })
export class ContingentModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'CT-<region>-<start date>-<sequence>.' }) reference!: string;
  @Field() regionCode!: string;
  @Field(() => GraphQLLocalDate) startDate!: string;
  @Field(() => GraphQLLocalDate) departureDate!: string;
  @Field(() => ContingentStatusEnum) status!: string;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Travellers seated, of every order in the contingent.' }) seated!: number;
  @Field(() => GraphQLLocalDate, { nullable: true }) departedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) arrivedOn!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) returnedOn!: string | null;
}

export const TravellerStatusEnum = enumObject(TRAVELLER_STATUSES);
registerEnumType(TravellerStatusEnum, { name: 'TravellerStatus' });
export const PlacementStatusEnum = enumObject(PLACEMENT_STATUSES);
registerEnumType(PlacementStatusEnum, { name: 'PlacementStatus' });

export const StepKindEnum = enumObject(STEP_KINDS);
export const StepStatusEnum = enumObject(STEP_STATUSES);
registerEnumType(StepKindEnum, { name: 'StepKind' });
registerEnumType(StepStatusEnum, { name: 'StepStatus' });

@ObjectType('TravelStep', { description: 'One pre-departure step of one worker, with its due date.' })
export class TravelStepModel {
  @Field(() => ID) id!: string;
  @Field(() => StepKindEnum) kind!: string;
  @Field(() => GraphQLLocalDate) dueDate!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) remindOn!: string | null;
  @Field(() => StepStatusEnum) status!: string;
  @Field({ description: 'Missing it keeps the worker from travelling.' }) blocking!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the date is not the planned one, or why the step cannot be done in time.' })
  note!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
}

@ObjectType('ContingentMember', { description: 'A worker with a seat in the contingent, and their steps.' })
export class ContingentMemberModel {
  @Field(() => ID) applicantId!: string;
  @Field() name!: string;
  @Field(() => ID) jobOrderId!: string;
  @Field(() => TravellerStatusEnum) status!: string;
  @Field(() => ID, { nullable: true, description: 'Their placement, from the day they departed (the id an evaluation names).' }) placementId!: string | null;
  @Field(() => PlacementStatusEnum, { nullable: true }) placementStatus!: string | null;
  @Field(() => [TravelStepModel]) steps!: TravelStepModel[];
}

@ObjectType('ContingentStep', { description: 'One step of the contingent\'s timeline, over its seated workers.' })
export class ContingentStepModel {
  @Field(() => StepKindEnum) step!: string;
  @Field(() => GraphQLLocalDate, { description: 'The earliest due date among the workers (a replacement may have a later one).' }) dueDate!: string;
  @Field(() => Int) done!: number;
  @Field(() => Int, { description: 'Pending, overdue or infeasible.' }) open!: number;
  @Field(() => Int) overdue!: number;
}

@InputType()
export class CompleteStepInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => ID) applicantId!: string;
  @Field(() => StepKindEnum) step!: StepKind;
}

export const WithdrawalReasonEnum = enumObject(WITHDRAWAL_REASONS);
registerEnumType(WithdrawalReasonEnum, {
  name: 'WithdrawalReason',
  valuesMap: { WITHDREW: { description: 'The worker withdrew.' }, MISSED_BLOCKING_STEP: { description: 'A step that blocks travel will not be done in time.' } },
});

@InputType()
export class WithdrawTravellerInput {
  @Field(() => ID) applicantId!: string;
  @Field(() => WithdrawalReasonEnum) reason!: WithdrawalReason;
  @Field({ description: 'What happened, for the record (10 to 2000 characters).' }) note!: string;
}

@ObjectType('Withdrawal', { description: 'A worker taken off a contingent before it left, and who took the seat.' })
export class WithdrawalModel {
  @Field(() => ContingentModel) contingent!: ContingentView;
  @Field(() => ID, { nullable: true, description: 'The reserve selected and seated instead; null when the order had none left.' })
  replacementApplicantId!: string | null;
}

@InputType()
export class RecordTravelInput {
  @Field(() => ID) contingentId!: string;
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      "When it happened (El Salvador's date); today if omitted. Never in the future, never before the contingent was planned, in order (departure, arrival, return).",
  })
  on?: string;
  @Field({
    nullable: true,
    description:
      'Why the date is far from the plan (a departure more than 7 days from the planned one, an arrival more than 3 days after the departure, a return more than 14 days from the contract end or before the contract started); 10 to 2000 characters, kept in the audit trail.',
  })
  reason?: string;
}

export const toStepModel = (s: TravelStepEntity): TravelStepModel => ({
  id: s.id,
  kind: s.kind,
  dueDate: s.dueDate,
  remindOn: s.remindOn,
  status: s.status,
  blocking: s.blocking,
  note: s.note,
  completedAt: s.completedAt,
});

@ObjectType('ContingentScheduling', { description: 'A queued seating of an order\'s selected workers; the worker does it.' })
export class ContingentSchedulingModel {
  @Field(() => ID) jobOrderId!: string;
  @Field(() => Int, { description: 'Selected applicants of the order waiting for a seat when it was queued.' }) waiting!: number;
}

@Resolver(() => ContingentModel)
export class ContingentsResolver {
  constructor(
    private readonly service: ContingentsService,
    private readonly travel: TravelService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentSchedulingModel, {
    description: 'Queues the seating of the order\'s selected workers (with those of other orders of the same region and start date) in contingents; repeating it seats nobody twice.',
  })
  async scheduleContingents(@CurrentActor() actor: Actor, @Args('jobOrderId', { type: () => ID }) jobOrderId: string): Promise<ContingentSchedulingModel> {
    return { jobOrderId, waiting: await this.service.requestSchedule(actor, jobOrderId) };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, {
    description: 'Moves a contingent to a new departure date: every step not done is planned again, and its reminder moves with it.',
  })
  async rescheduleContingent(
    @Args('id', { type: () => ID }) id: string,
    @Args('departureDate', { type: () => GraphQLLocalDate }) departureDate: string,
  ): Promise<ContingentView> {
    return this.view((await this.service.reschedule(id, departureDate)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TravelStepModel, { description: 'Records a pre-departure step of a seated worker as done.' })
  async completeStep(@CurrentActor() actor: Actor, @Args('input') input: CompleteStepInput): Promise<TravelStepModel> {
    return toStepModel(await this.service.completeStep(actor, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => WithdrawalModel, {
    description: "Takes a seated worker off their contingent before it leaves; the order's best free reserve takes the seat with steps of their own.",
  })
  async withdrawTraveller(@Args('input') input: WithdrawTravellerInput): Promise<WithdrawalModel> {
    const withdrawal = await this.travel.withdraw(input);
    return { contingent: await this.view(withdrawal.contingentId), replacementApplicantId: withdrawal.replacementApplicantId };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Confirms the flight once every seated worker has done every blocking step.' })
  async confirmContingent(@Args('id', { type: () => ID }) id: string): Promise<ContingentView> {
    return this.view((await this.travel.confirm(id)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a confirmed contingent left: its workers are deployed and their placements begin.' })
  async recordDeparture(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordDeparture(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a departed contingent arrived.' })
  async recordArrival(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordArrival(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => ContingentModel, { description: 'Records that a contingent came home: its placements are completed.' })
  async recordReturn(@CurrentActor() actor: Actor, @Args('input') input: RecordTravelInput): Promise<ContingentView> {
    return this.view((await this.travel.recordReturn(actor, input.contingentId, input.on, input.reason)).id);
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @Query(() => ContingentModel, { description: 'A contingent; an employer sees only one that carries its workers.' })
  async contingent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ContingentView> {
    const contingent = await this.service.contingentById(id, actor.role === Role.EMPLOYER ? actor.employerId : undefined);
    if (!contingent) throw DomainException.notFound('Contingent');
    return contingent;
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => [ContingentMemberModel], { description: 'Its workers, seated or travelling; an employer sees only its own.' })
  async members(@CurrentActor() actor: Actor, @Parent() contingent: ContingentView): Promise<ContingentMemberModel[]> {
    const members = await this.service.membersOf(contingent.id, actor.role === Role.EMPLOYER ? actor.employerId : undefined);
    return members.map((m) => ({ ...m, steps: m.steps.map(toStepModel) }));
  }

  @Roles(Role.COORDINATOR, Role.EMPLOYER)
  @ResolveField(() => [ContingentStepModel], { description: 'Its timeline, step by step, with how many workers have done each.' })
  steps(@Parent() contingent: ContingentView): Promise<ContingentStepModel[]> {
    return this.service.timelineOf(contingent.id);
  }

  private async view(id: string): Promise<ContingentView> {
    return (await this.service.contingentById(id))!;
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [TravelStepModel], { description: "The pre-departure steps of an applicant's current seat, in due order." })
  async travelSteps(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<TravelStepModel[]> {
    return (await this.service.stepsOf(applicantId)).map(toStepModel);
  }
}
