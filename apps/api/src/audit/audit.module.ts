import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogResolver } from './graphql/audit-log.resolver';
import { AuditTrailService } from './audit-trail.service';
import { MutationAuditPlugin } from './mutation-audit.plugin';
import { PersonalDataReadInterceptor } from './personal-data-read.interceptor';

/**
 * The audit trail of requests: every mutation (an Apollo plugin, so refusals by the guard are recorded too), every
 * staff read of applicants' personal data (an interceptor, on HTTP and WebSocket), and `auditLog` for administrators.
 */
@Module({
  providers: [AuditTrailService, MutationAuditPlugin, AuditLogResolver, { provide: APP_INTERCEPTOR, useClass: PersonalDataReadInterceptor }],
})
export class AuditModule {}
