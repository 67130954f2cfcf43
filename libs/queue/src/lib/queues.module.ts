import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PuenteConfig } from '@puente/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@puente/queue-contracts';
import { queueTelemetry } from '@puente/telemetry';
import { JobProducer } from './job-producer';
import { JobOutbox } from './outbox/job-outbox';
import { JobOutboxEntity } from './outbox/job-outbox.entity';
import { UnitOfWork } from './outbox/unit-of-work';
import { StatusEvents } from './status-events';

/**
 * BullMQ on Redis with every queue of the contract registered, the typed producer, status events, and the unit of
 * work with its job outbox (which needs the app's DatabaseModule).
 */
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [PuenteConfig],
          useFactory: (config: PuenteConfig) => ({
            connection: { url: config.redis.url },
            prefix: config.redis.queuePrefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
            // Traces cross the queue: a job carries its producer's trace context, and the worker's job span
            // continues it (the queues' workers take this option too). Undefined while tracing is off.
            telemetry: queueTelemetry(),
          }),
        }),
        // Producers fail fast while Redis is gone (BullMQ's advice for queues): an add is refused at once instead
        // of waiting in ioredis' offline queue, so a change that committed answers promptly and its jobs wait in the
        // job outbox for the sweep. The worker's consumers keep the default connection (queue-processors.ts).
        BullModule.registerQueueAsync(
          ...Object.values(QueueName).map((name) => ({
            name,
            inject: [PuenteConfig],
            useFactory: (config: PuenteConfig) => ({ connection: { url: config.redis.url, enableOfflineQueue: false } }),
          })),
        ),
        TypeOrmModule.forFeature([JobOutboxEntity]),
      ],
      providers: [JobProducer, StatusEvents, JobOutbox, UnitOfWork],
      exports: [JobProducer, StatusEvents, JobOutbox, UnitOfWork, BullModule],
    };
  }
}
