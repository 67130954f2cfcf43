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
import { JobOrdersGraphqlModule } from '@puente/domain/job-orders';
import { ContingentsGraphqlModule } from '@puente/domain/contingents';
import { RehireGraphqlModule } from '@puente/domain/rehire';
import { CasesGraphqlModule } from '@puente/domain/cases';
import { StandingGraphqlModule } from '@puente/domain/standing';
import { MatchingGraphqlModule } from '@puente/domain/matching';
import { QueuesModule } from '@puente/queue';
import { ReferenceGraphqlModule } from '@puente/domain/reference';
import { HealthModule } from '@puente/health';
import { DomainExceptionFilter } from './graphql/domain-exception.filter';
import { graphqlOptions } from './graphql/graphql-options';
import { RequestContextFactory } from './graphql/request-context.factory';
import { SocketSessions } from './graphql/socket-sessions';
import { AuditModule } from './audit/audit.module';
import { HealthController } from './health/health.controller';
import { loggerParams } from './logging';

@Module({ imports: [AuthModule], providers: [RequestContextFactory, SocketSessions], exports: [RequestContextFactory, SocketSessions] })
class RequestContextModule {}

/** The GraphQL API: composes the domain libraries' GraphQL modules behind one default-deny guard. */
@Module({
  imports: [
    PuenteConfigModule,
    LoggerModule.forRootAsync({ inject: [PuenteConfig], useFactory: (c: PuenteConfig) => loggerParams(c.logLevel, 'api') }),
    DatabaseModule,
    EventEmitterModule.forRoot(),
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RequestContextModule],
      inject: [PuenteConfig, RequestContextFactory, GraphQLSchemaHost, SocketSessions],
      useFactory: graphqlOptions,
    }),
    AuthModule,
    AuthGraphqlModule,
    ReferenceGraphqlModule,
    ApplicantsGraphqlModule,
    EmployersGraphqlModule,
    JobOrdersGraphqlModule,
    QueuesModule.forRoot(),
    MatchingGraphqlModule,
    ContingentsGraphqlModule,
    RehireGraphqlModule,
    CasesGraphqlModule,
    StandingGraphqlModule,
    HealthModule,
    AuditModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
  ],
})
export class AppModule {}
