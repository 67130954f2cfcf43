import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { PuenteConfig } from '@puente/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@puente/queue-contracts';
import { JobProducer } from './job-producer';

/** BullMQ on Redis with every queue of the contract registered, and the typed producer. */
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
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [JobProducer],
      exports: [JobProducer, BullModule],
    };
  }
}
