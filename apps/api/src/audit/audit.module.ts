import { Module } from '@nestjs/common';
import { AuditLogResolver } from './graphql/audit-log.resolver';
import { AuditTrailService } from './audit-trail.service';
import { MutationAuditPlugin } from './mutation-audit.plugin';

/**
 * The audit trail of requests: every mutation (an Apollo plugin, so refusals by the guard are recorded too), every
 * staff read of applicants' personal data (auditPersonalDataReads, wrapped into the schema by the GraphQL options), and
 * `auditLog` for administrators.
 */
@Module({
  providers: [AuditTrailService, MutationAuditPlugin, AuditLogResolver],
  exports: [AuditTrailService],
})
export class AuditModule {}
