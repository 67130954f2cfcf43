import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { PuenteConfig } from '@puente/config';

/** What a live subscriber hears: whose status changed and why. It carries no status; the subscriber reads it. */
export interface StatusChange {
  applicantId: string;
  reason: string;
  at: string;
}

/**
 * Tells live subscribers that applicants' status changed, across processes (the worker changes statuses, the
 * api holds the WebSockets) through Redis pub/sub, one channel per applicant under the queue prefix, so a
 * subscriber hears its own applicant and nobody else. Published after the change commits, from the job outbox: a
 * Redis error is thrown, so the outbox keeps the row and the sweep publishes it once Redis is back (a subscriber
 * may then hear one change twice, never miss it while its connection lasts).
 */
@Injectable()
export class StatusEvents implements OnModuleDestroy {
  private publisher?: Redis;
  private pubsub?: RedisPubSub;

  constructor(private readonly config: PuenteConfig) {}

  async publish(applicantIds: Iterable<string>, reason: string): Promise<void> {
    const ids = [...new Set(applicantIds)];
    if (!ids.length) return;
    const at = new Date().toISOString();
    const pipeline = this.connection().pipeline();
    for (const applicantId of ids) pipeline.publish(this.channel(applicantId), JSON.stringify({ applicantId, reason, at } satisfies StatusChange));
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error)?.[0];
    if (failed) throw failed;
  }

  /** The changes of one applicant, as an async iterator for a GraphQL subscription (api only). */
  changesOf(applicantId: string): AsyncIterableIterator<StatusChange> {
    // No ready check on the subscriber: its INFO can race the first SUBSCRIBE on a slow start, which ioredis then
    // refuses ("Connection in subscriber mode") as a fatal error and the subscription's first events are lost.
    this.pubsub ??= new RedisPubSub({ publisher: this.connection(), subscriber: new Redis(this.config.redis.url, { enableReadyCheck: false }) });
    return this.pubsub.asyncIterableIterator<StatusChange>(this.channel(applicantId));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pubsub?.close();
    this.publisher?.disconnect();
  }

  private channel(applicantId: string): string {
    return `${this.config.redis.queuePrefix}:status:${applicantId}`;
  }

  private connection(): Redis {
    return (this.publisher ??= new Redis(this.config.redis.url, { maxRetriesPerRequest: 2 }));
  }
}
