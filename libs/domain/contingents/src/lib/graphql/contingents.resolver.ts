import { Args, Field, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, enumObject, Role } from '@puente/common';
import { ContingentsService } from '../contingents.service';
import { TravelStepEntity } from '../contingent.entity';
import { STEP_KINDS } from '../timeline.policy';
import { CONTINGENT_STATUSES, STEP_STATUSES } from '../contingent.state-machine';

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
}

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

const toStepModel = (s: TravelStepEntity): TravelStepModel => ({
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

@Resolver()
export class ContingentsResolver {
  constructor(private readonly service: ContingentsService) {}

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
  ): Promise<ContingentModel> {
    const contingent = await this.service.reschedule(id, departureDate);
    return (await this.service.contingentById(contingent.id))!;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => TravelStepModel, { description: 'Records a pre-departure step of a worker as done.' })
  async completeStep(@CurrentActor() actor: Actor, @Args('stepId', { type: () => ID }) stepId: string): Promise<TravelStepModel> {
    return toStepModel(await this.service.completeStep(actor, stepId));
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [TravelStepModel], { description: "The pre-departure steps of an applicant's current seat, in due order." })
  async travelSteps(@Args('applicantId', { type: () => ID }) applicantId: string): Promise<TravelStepModel[]> {
    return (await this.service.stepsOf(applicantId)).map(toStepModel);
  }

  @Roles(Role.COORDINATOR)
  @Query(() => [ContingentModel], { description: 'The contingents the workers of an order travel in.' })
  contingents(@Args('jobOrderId', { type: () => ID }) jobOrderId: string): Promise<ContingentModel[]> {
    return this.service.contingentsOf(jobOrderId);
  }
}
