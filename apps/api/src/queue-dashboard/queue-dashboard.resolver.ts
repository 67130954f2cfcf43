import { Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles } from '@puente/auth';
import { Actor, Role } from '@puente/common';
import { QueueDashboardAccess } from './queue-dashboard.service';

@ObjectType({ description: "A link that opens the queue dashboard in the administrator's browser." })
export class QueueDashboardLink {
  @Field({
    description:
      'The link, relative to the api\'s origin: /admin/queues?token=…. Opening it sets a cookie for /admin/queues (15 minutes) and shows the dashboard; it works for this administrator only, until expiresAt or until their sessions end.',
  })
  url!: string;
  @Field({ description: 'When the link stops working (15 minutes after it was made).' }) expiresAt!: Date;
}

@Resolver()
export class QueueDashboardResolver {
  constructor(private readonly access: QueueDashboardAccess) {}

  // A mutation, not a query: each call signs a new credential (and is in the audit trail as such).
  @Roles(Role.ADMIN)
  @Mutation(() => QueueDashboardLink, {
    description:
      'A 15-minute link to the queue dashboard (/admin/queues: every queue, its jobs, retry and clean), for administrators. NOT_FOUND when the server has it turned off.',
  })
  queueDashboardLink(@CurrentActor() actor: Actor): Promise<QueueDashboardLink> {
    return this.access.link(actor);
  }
}
