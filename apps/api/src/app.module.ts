import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthGraphqlModule, AuthGuard, AuthModule } from '@puente/auth';
import { PuenteConfig, PuenteConfigModule } from '@puente/config';
import { DatabaseModule } from '@puente/database';
import { ApplicantsGraphqlModule } from '@puente/domain/applicants';
import { EmployersGraphqlModule } from '@puente/domain/employers';
import { JobOrderFeedModule, JobOrdersGraphqlModule } from '@puente/domain/job-orders';
import { ContingentsGraphqlModule } from '@puente/domain/contingents';
import { RehireGraphqlModule } from '@puente/domain/rehire';
import { CasesGraphqlModule } from '@puente/domain/cases';
import { StandingGraphqlModule } from '@puente/domain/standing';
import { ExportsGraphqlModule } from '@puente/domain/exports';
import { StatisticsGraphqlModule } from '@puente/domain/statistics';
import { MatchingGraphqlModule } from '@puente/domain/matching';
import { QueuesModule } from '@puente/queue';
import { ReferenceGraphqlModule } from '@puente/domain/reference';
import { HealthModule } from '@puente/health';
import { DomainExceptionFilter } from './graphql/domain-exception.filter';
import { graphqlOptions } from './graphql/graphql-options';
import { RequestContextFactory } from './graphql/request-context.factory';
import { SocketSessions } from './graphql/socket-sessions';
import { AuditModule } from './audit/audit.module';
import { AuditTrailService } from './audit/audit-trail.service';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { HealthController } from './health/health.controller';
import { loggerParams } from './logging';

@Module({ imports: [AuthModule], providers: [RequestContextFactory, SocketSessions], exports: [RequestContextFactory, SocketSessions] })
class RequestContextModule {}

/** The GraphQL API: composes the domain libraries' GraphQL modules behind one default-deny guard. */
@Module({
  imports: [
    PuenteConfigModule,
    LoggerModule.forRootAsync({ inject: [PuenteConfig], useFactory: (c: PuenteConfig) => loggerParams(c.logLevel) }),
    DatabaseModule.forRoot({ boundedConnectionWait: true }),
    EventEmitterModule.forRoot(),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RequestContextModule, AuditModule],
      inject: [PuenteConfig, RequestContextFactory, GraphQLSchemaHost, SocketSessions, AuditTrailService],
      useFactory: graphqlOptions,
    }),
    AuthModule,
    AuthGraphqlModule,
    ReferenceGraphqlModule,
    ApplicantsGraphqlModule,
    EmployersGraphqlModule,
    JobOrdersGraphqlModule,
    // The public feeds of the open orders: GET /feeds/job-orders.rss and .json, no sign-in.
    JobOrderFeedModule,
    QueuesModule.forRoot(),
    MatchingGraphqlModule,
    ContingentsGraphqlModule,
    RehireGraphqlModule,
    CasesGraphqlModule,
    StandingGraphqlModule,
    // requestExport, export, myExports, and the download route GET /exports/:id/file?token=….
    ExportsGraphqlModule,
    StatisticsGraphqlModule,
    HealthModule,
    AuditModule,
    // queueDashboardLink, and the access checks of /admin/queues (mounted in bootstrap.ts).
    QueueDashboardModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
  ],
})
export class AppModule {}
