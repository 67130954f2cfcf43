import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@puente/auth';
import { PageArgs, parsePage, Role, toConnection } from '@puente/common';
import { AuditTrailService } from '../audit-trail.service';
import { AuditEventConnection, toAuditEventModel } from './audit-event.model';
import { AuditLogFilterInput } from './audit-log.input';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly trail: AuditTrailService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first, for administrators.' })
  async auditLog(@Args() pageArgs: PageArgs, @Args('filter', { nullable: true }) filter?: AuditLogFilterInput): Promise<AuditEventConnection> {
    const page = parsePage(pageArgs);
    return toConnection(await this.trail.list(filter ?? {}, page), page, toAuditEventModel);
  }
}
