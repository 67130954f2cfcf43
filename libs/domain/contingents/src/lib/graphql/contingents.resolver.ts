import { Args, Field, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, enumObject, Role } from '@puente/common';
import { ContingentsService } from '../contingents.service';

export const ContingentStatusEnum = enumObject(['PLANNED', 'CONFIRMED', 'DEPARTED', 'ARRIVED', 'RETURNED', 'CANCELLED'] as const);
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
  @Query(() => [ContingentModel], { description: 'The contingents the workers of an order travel in.' })
  contingents(@Args('jobOrderId', { type: () => ID }) jobOrderId: string): Promise<ContingentModel[]> {
    return this.service.contingentsOf(jobOrderId);
  }
}
