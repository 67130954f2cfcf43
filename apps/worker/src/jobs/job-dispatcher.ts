import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER, JobBindings, JobHandler } from '@puente/queue';
import { JobName, processorCoverageProblems } from '@puente/queue-contracts';

export class ProcessorCoverageError extends Error {
  constructor(problems: string[]) {
    super(`The worker cannot start: ${problems.join('; ')}.`);
    this.name = 'ProcessorCoverageError';
  }
}

/**
 * Finds what carries out each job: the @JobProcessor providers and the jobs bound to service methods
 * (`bindJobs`), and routes each job name to its one handler.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers = new Map<string, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const providers = this.discovery.getProviders();
    const processors = providers
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(JOB_HANDLER, w.metatype))
      .map((w) => ({ name: Reflect.getMetadata(JOB_HANDLER, w.metatype!) as string, handler: w.instance as JobHandler<JobName> }));
    const bound = providers
      .filter((w) => w.instance instanceof JobBindings)
      .flatMap((w) => Object.entries((w.instance as JobBindings).jobs).map(([name, handle]) => ({ name, handler: { handle } as JobHandler<JobName> })));
    const found = [...processors, ...bound];
    const problems = processorCoverageProblems(found.map((f) => f.name));
    if (problems.length) throw new ProcessorCoverageError(problems);
    for (const { name, handler } of found) this.handlers.set(name, handler);
    this.logger.log({ jobs: [...this.handlers.keys()] }, 'Job processors registered');
  }

  handlerFor(name: string): JobHandler<JobName> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No processor for job "${name}"`);
    return handler;
  }
}
