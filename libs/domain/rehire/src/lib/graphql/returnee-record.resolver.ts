import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { ReturneeRecordService, ReturneeRecordView } from '../returnee-record.service';
import { ReturneeRecordModel, ReturneeToReferConnection } from './returnee-record.model';
import { RecordReturneeInput, ReferReturneeInput, ReturneesToReferFilter } from './returnee-record.input';

@Resolver()
export class ReturneeRecordResolver {
  constructor(private readonly returnees: ReturneeRecordService) {}

  @Roles(Role.APPLICANT, Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => ReturneeRecordModel, {
    description:
      "Records what a worker brought home from a placement once they are home (the worker their own, staff any), or corrects it: the call states the whole record. Amounts in the job order's currency.",
  })
  recordReturneeRecord(@CurrentActor() actor: Actor, @Args('input') input: RecordReturneeInput): Promise<ReturneeRecordView> {
    return this.returnees.record(actor, input);
  }

  @Roles(Role.APPLICANT, Role.COORDINATOR, Role.ADMIN)
  @Query(() => ReturneeRecordModel, { nullable: true, description: "A placement's returnee record, null while none; the worker their own placement's, staff any." })
  returneeRecord(@CurrentActor() actor: Actor, @Args('placementId', { type: () => ID }) placementId: string): Promise<ReturneeRecordView | null> {
    return this.returnees.recordForActor(actor, placementId);
  }

  @Roles(Role.APPLICANT)
  @Query(() => [ReturneeRecordModel], { description: 'What you told us after each season, newest first, and where you were referred.' })
  myReturneeRecords(@CurrentActor() actor: Actor): Promise<ReturneeRecordView[]> {
    return this.returnees.myRecords(actor);
  }

  @Roles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => ReturneeToReferConnection, {
    description: 'Returnees with skills to certify or interested in domestic jobs or training, newest records first, by department, occupation and referred or not.',
  })
  async returneesToRefer(
    @CurrentActor() actor: Actor,
    @Args() pageArgs: PageArgs,
    @Args('filter', { nullable: true }) filter?: ReturneesToReferFilter,
  ): Promise<ReturneeToReferConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.returnees.toRefer(actor, filter ?? {}, page), page, (r) => r);
  }

  @Roles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => ReturneeRecordModel, { description: 'Refers a returnee for certification (e.g. to INSAFORP), once; the worker is told where. A later correction of the record keeps it.' })
  referReturneeForCertification(@CurrentActor() actor: Actor, @Args('input') input: ReferReturneeInput): Promise<ReturneeRecordView> {
    return this.returnees.refer(actor, input);
  }
}
