import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER, JobHandler } from '@puente/queue';
import { JobName, processorCoverageProblems } from '@puente/queue-contracts';

export class ProcessorCoverageError extends Error {
  constructor(problems: string[]) {
    super(`The worker cannot start: ${problems.join('; ')}.`);
    this.name = 'ProcessorCoverageError';
  }
}

/** Finds the @JobProcessor providers and routes each job name to its one handler. */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly handlers = new Map<string, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && Reflect.getMetadata(JOB_HANDLER, w.metatype))
      .map((w) => ({ name: Reflect.getMetadata(JOB_HANDLER, w.metatype!) as string, handler: w.instance as JobHandler<JobName> }));
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
