import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuthJobsModule, AuthReadPortsModule } from '@puente/auth';
import { ApplicantsReadPortsModule } from '@puente/domain/applicants';
import { ContingentsJobsModule } from '@puente/domain/contingents';
import { RehireJobsModule } from '@puente/domain/rehire';
import { CasesJobsModule } from '@puente/domain/cases';
import { StandingJobsModule } from '@puente/domain/standing';
import { ExportsJobsModule } from '@puente/domain/exports';
import { StatisticsJobsModule } from '@puente/domain/statistics';
import { MatchingJobsModule } from '@puente/domain/matching';
import { PuenteConfig, PuenteConfigModule } from '@puente/config';
import { DatabaseModule } from '@puente/database';
import { HealthModule } from '@puente/health';
import { OutboxJobsModule, QueuesModule } from '@puente/queue';
import { NotificationJobsModule } from '@puente/notifications';
import { JobDispatcher } from './jobs/job-dispatcher';
import { QUEUE_PROCESSORS } from './jobs/queue-processors';
import { Schedules } from './jobs/schedules';
import { WORKER_LOGGER, workerLogger } from './logger';
import type { Logger as PinoRoot } from 'pino';

/** The domain layer without GraphQL: each library's jobs module, one BullMQ worker per queue. */
@Module({
  imports: [
    PuenteConfigModule,
    LoggerModule.forRootAsync({
      inject: [WORKER_LOGGER],
      useFactory: (logger: PinoRoot) => ({ pinoHttp: { logger } }),
      providers: [{ provide: WORKER_LOGGER, inject: [PuenteConfig], useFactory: workerLogger }],
    }),
    DatabaseModule.forRoot(),
    EventEmitterModule.forRoot(),
    QueuesModule.forRoot(),
    DiscoveryModule,
    HealthModule,
    AuthJobsModule,
    MatchingJobsModule,
    ContingentsJobsModule,
    RehireJobsModule,
    CasesJobsModule,
    StandingJobsModule,
    ExportsJobsModule,
    StatisticsJobsModule,
    // The SMTP channel's recipient directory: the addresses auth and the applicants library keep.
    AuthReadPortsModule,
    ApplicantsReadPortsModule,
    NotificationJobsModule,
    OutboxJobsModule,
  ],
  providers: [
    { provide: WORKER_LOGGER, inject: [PuenteConfig], useFactory: workerLogger },
    JobDispatcher,
    Schedules,
    ...QUEUE_PROCESSORS,
  ],
})
export class WorkerModule {}
