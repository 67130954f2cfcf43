import type { DynamicModule, ForwardReference, INestApplicationContext, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { PuenteConfigModule } from '@puente/config';
import { DatabaseModule } from '@puente/database';
import { JobProducer, QueuesModule } from '@puente/queue';
import { QueueName } from '@puente/queue-contracts';

type Imported = Type<unknown> | DynamicModule | ForwardReference;

/**
 * Boots the given modules as the api and the worker do: the configuration of the environment, the run's own
 * database (DATABASE_URL) and the real queues under the run's prefix (QUEUE_PREFIX) behind the real JobProducer,
 * and the event emitter (an approval queues its matching through it). Nothing processes the queued jobs: a test
 * reads them on the queue, or calls the service method a processor would. `close()` in afterAll.
 */
export async function bootTestModule(...imports: Imported[]): Promise<INestApplicationContext> {
  const module = await Test.createTestingModule({
    imports: [PuenteConfigModule, DatabaseModule, EventEmitterModule.forRoot(), QueuesModule.forRoot(), ...imports],
  }).compile();
  return module.init();
}

/** The run's queue for a contract queue, through the booted producer (the same connection and prefix). */
export function queueOf(app: INestApplicationContext, name: QueueName) {
  return app.get(JobProducer).queue(name);
}
