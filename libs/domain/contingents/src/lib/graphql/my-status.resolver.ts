import { Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentActor, RequestContext, Roles } from '@puente/auth';
import { Actor, DomainException, Role } from '@puente/common';
import { StatusEvents } from '@puente/queue';
import { ApplicantStatusService, MyStatus } from '../applicant-status.service';
import { MyStatusModel } from './my-status.model';

/** Applicants follow their own status: a query, and a subscription that hears only their own changes. */
@Resolver()
export class MyStatusResolver {
  constructor(
    private readonly status: ApplicantStatusService,
    private readonly events: StatusEvents,
  ) {}

  @Roles(Role.APPLICANT)
  @Query(() => MyStatusModel, { description: 'Your stage, next steps with due dates, job order and contingent.' })
  myStatus(@CurrentActor() actor: Actor): Promise<MyStatus> {
    return this.read(actor);
  }

  @Roles(Role.APPLICANT)
  @Subscription(() => MyStatusModel, {
    description: 'Your status, each time it changes (over graphql-ws; sign in with connectionParams { authorization: "Bearer <accessToken>" }).',
    resolve(this: MyStatusResolver, _change: unknown, _args: unknown, context: RequestContext) {
      return this.read(context.actor!);
    },
  })
  myStatusChanged(@CurrentActor() actor: Actor): AsyncIterableIterator<unknown> {
    return this.events.changesOf(actor.applicantId!);
  }

  private async read(actor: Actor): Promise<MyStatus> {
    const status = await this.status.forActor(actor);
    if (!status) throw DomainException.notFound('Applicant');
    return status;
  }
}
