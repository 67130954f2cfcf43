import type { DynamicModule, ForwardReference, INestApplicationContext, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AuthService } from '@puente/auth';
import { PuenteConfigModule } from '@puente/config';
import { DatabaseModule } from '@puente/database';
import { JobProducer, QueuesModule } from '@puente/queue';
import { QueueName } from '@puente/queue-contracts';
import { ApplicantsModule } from '@puente/domain/applicants';
import { ContingentsModule } from '@puente/domain/contingents';
import { EmployersModule } from '@puente/domain/employers';
import { JobOrdersModule } from '@puente/domain/job-orders';
import { MatchingModule } from '@puente/domain/matching';
import { RehireReadPortsModule } from '@puente/domain/rehire';

type Imported = Type<unknown> | DynamicModule | ForwardReference;

/** What the factories go through, always booted: a test names only the modules it is about (a platform library's test none). */
const FACTORY_MODULES = [ApplicantsModule, EmployersModule, JobOrdersModule, MatchingModule, ContingentsModule];

/**
 * Boots the given modules, and those the factories need, as the api and the worker do: the configuration of the environment, the run's own
 * database (DATABASE_URL) and the real queues under the run's prefix (QUEUE_PREFIX) behind the real JobProducer,
 * the event emitter (an approval queues its matching through it) and, as the apps compose them, the read ports
 * rehire provides to the domains below it (matching's season history, contingents' season outcome). Nothing
 * processes the queued jobs: a test reads them on the queue, or calls the service method a processor would.
 * `close()` in afterAll.
 */
export function bootTestModule(...imports: Imported[]): Promise<INestApplicationContext> {
  return bootTestModuleWith(imports);
}

/**
 * `bootTestModule` with providers replaced where a test stands in for the outside world, e.g.
 * `(b) => b.overrideProvider(NOTIFICATION_CHANNEL).useValue(channel)`. Never the producer or the queues.
 */
export async function bootTestModuleWith(imports: Imported[], configure: (builder: TestingModuleBuilder) => TestingModuleBuilder = (b) => b): Promise<INestApplicationContext> {
  const builder = Test.createTestingModule({
    imports: [PuenteConfigModule, DatabaseModule.forRoot(), EventEmitterModule.forRoot(), QueuesModule.forRoot(), RehireReadPortsModule, ...FACTORY_MODULES, ...imports],
  });
  const app = await (await configure(builder).compile()).init();
  // As the api does at boot: the configured administrator exists before any test adds staff of its own, so an api
  // started later by an end-to-end suite on the same database still finds it.
  await app.get(AuthService).ensureBootstrapAdmin();
  return app;
}

/** The run's queue for a contract queue, through the booted producer (the same connection and prefix). */
export function queueOf(app: INestApplicationContext, name: QueueName) {
  return app.get(JobProducer).queue(name);
}
