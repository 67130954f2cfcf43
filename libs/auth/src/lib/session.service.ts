import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, EntityManager, EntitySubscriberInterface, IsNull, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { PuenteConfig } from '@puente/config';
import { RefreshTokenEntity } from './refresh-token.entity';

/** Why sessions ended; sockets are closed with it, HTTP callers read a message for it. */
export type SessionEndReason = 'password-changed' | 'password-reset' | 'temporary-password' | 'deactivated' | 'employer-suspended' | 'two-factor-changed';

/** A user whose sessions ended: tokens of an older version than this one are refused. */
export interface EndedSession {
  userId: string;
  version: number;
  reason: SessionEndReason;
}

/** How long a cached version lives without being read again; a miss reads PostgreSQL once and fills it. */
const CACHE_TTL_SECONDS = 3600;

/**
 * How long this process trusts its own copy of a version it read. The announcement of an ended session (its own,
 * or another process's on the channel) drops the copy at once; this bounds one missed while the channel was down.
 */
const LOCAL_TTL_MS = 1000;
/** Copies kept at most (one per user seen in the last second, in practice). */
const LOCAL_MAX = 50_000;

/** Writes a version only over an older one (or none), so two bumps announced out of order leave the newer. */
const SET_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if (not current) or tonumber(current) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
end
return 1`;

/**
 * The session version of each login: carried in its access tokens, checked on every request against a copy in
 * Redis (no database query while it is cached), bumped in the caller's transaction by whatever must end a user's
 * sessions at once. After that transaction commits (a TypeORM transaction subscriber, so no caller can forget),
 * the new version is written to the cache and published on one Redis channel, so every api process closes the
 * user's sockets within moments, whichever process handled the change. A rolled-back bump announces nothing.
 * Each process also keeps the versions it read for a second, while it hears the channel: a request then costs no
 * Redis round trip, and an announcement drops the copy before anyone can use it again.
 */
@Injectable()
export class SessionService implements EntitySubscriberInterface, OnModuleDestroy {
  private readonly logger = new Logger('sessions');
  private readonly pending = new WeakMap<QueryRunner, EndedSession[]>();
  private client?: Redis;
  private subscriber?: Redis;
  private readonly listeners = new Set<(ended: EndedSession) => void>();
  /** Versions read in the last second, while the channel is heard (see LOCAL_TTL_MS). */
  private readonly local = new Map<string, { version: number; until: number }>();
  /** Whether the channel is heard now; copies are kept only while it is. */
  private hearing = false;
  /** Counts announcements heard: a read that began before one may not keep what it read. */
  private heard = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: PuenteConfig,
  ) {
    if (!dataSource.subscribers.includes(this)) dataSource.subscribers.push(this);
  }

  /**
   * Ends every session of these users inside the caller's transaction: their version is bumped and their refresh
   * tokens revoked. The announcement (cache and sockets) follows the commit.
   */
  async end(em: EntityManager, userIds: readonly string[], reason: SessionEndReason): Promise<EndedSession[]> {
    if (!userIds.length) return [];
    const rows: { id: string; session_version: number }[] = await em.query(
      `UPDATE app_user SET session_version = session_version + 1 WHERE id = ANY($1::uuid[]) RETURNING id, session_version`,
      [[...userIds]],
    );
    const ended = (Array.isArray(rows[0]) ? (rows[0] as typeof rows) : rows).map((r) => ({ userId: r.id, version: r.session_version, reason }));
    for (const userId of userIds) await em.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...ended]);
    else await this.announce(ended);
    return ended;
  }

  /** Ends the sessions of every login of an employer (on suspension). */
  async endForEmployer(em: EntityManager, employerId: string, reason: SessionEndReason): Promise<EndedSession[]> {
    const users: { id: string }[] = await em.query(`SELECT id FROM app_user WHERE employer_id = $1`, [employerId]);
    return this.end(
      em,
      users.map((u) => u.id),
      reason,
    );
  }

  /**
   * The current version of a user's sessions: this process's copy of the last second, else from Redis, else from
   * PostgreSQL once on a miss (or when Redis fails).
   */
  async currentVersion(userId: string): Promise<number | null> {
    const copy = this.local.get(userId);
    if (copy && copy.until > Date.now()) return copy.version;
    this.subscribe();
    const heardBefore = this.heard;
    const version = await this.sharedVersion(userId);
    if (version !== null && this.hearing && this.heard === heardBefore) {
      if (this.local.size >= LOCAL_MAX) this.local.clear();
      this.local.set(userId, { version, until: Date.now() + LOCAL_TTL_MS });
    }
    return version;
  }

  private async sharedVersion(userId: string): Promise<number | null> {
    const key = this.key(userId);
    try {
      const cached = await this.redis().get(key);
      if (cached !== null) return Number(cached);
    } catch (error) {
      this.logger.warn({ err: error }, 'Session cache unavailable; reading the version from the database');
      return this.versionFromDatabase(userId);
    }
    const version = await this.versionFromDatabase(userId);
    // NX: an announcement written meanwhile (a newer version) is not overwritten by this older read.
    if (version !== null) await this.redis().set(key, String(version), 'EX', CACHE_TTL_SECONDS, 'NX').catch(() => undefined);
    return version;
  }

  /**
   * A user's role, whether the login is active, and its current session version, read from PostgreSQL (no cache):
   * for a check that must see a deactivation or an ended session at once (the queue dashboard's, every request).
   */
  async accessOf(userId: string): Promise<{ role: string; active: boolean; sessionVersion: number } | null> {
    const rows: { role: string; active: boolean; session_version: number }[] = await this.dataSource.query(
      `SELECT role, active, session_version FROM app_user WHERE id = $1`,
      [userId],
    );
    const row = rows[0];
    return row ? { role: row.role, active: row.active, sessionVersion: row.session_version } : null;
  }

  /** Calls back for every ended session announced by any process (the api closes sockets with it). */
  onEnded(listener: (ended: EndedSession) => void): () => void {
    this.subscribe();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears the channel of ended sessions; while it is not heard (connecting, reconnecting), no copy is kept. */
  private subscribe(): void {
    if (this.subscriber) return;
    const subscriber = (this.subscriber = new Redis(this.config.redis.url));
    const deaf = () => {
      this.hearing = false;
      this.local.clear();
    };
    subscriber.on('close', deaf);
    subscriber.on('reconnecting', deaf);
    // On every connection, the first and each after a drop: copies are kept again once the channel is heard.
    subscriber.on('ready', () => {
      subscriber
        .subscribe(this.channel())
        .then(() => void (this.hearing = true))
        .catch((error: unknown) => this.logger.error({ err: error }, 'Cannot subscribe to ended sessions'));
    });
    subscriber.on('message', (_channel: string, message: string) => {
      let ended: EndedSession;
      try {
        ended = JSON.parse(message) as EndedSession;
      } catch {
        return;
      }
      this.forget([ended]);
      for (const l of this.listeners) l(ended);
    });
  }

  /** Drops this process's copies of these users' versions (they ended), and any read under way. */
  private forget(ended: readonly EndedSession[]): void {
    this.heard += 1;
    for (const e of ended) this.local.delete(e.userId);
  }

  /** TypeORM calls this after every commit; sessions ended in that transaction are announced now. */
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released, not the commit
    const ended = this.pending.get(event.queryRunner);
    if (!ended) return;
    this.pending.delete(event.queryRunner);
    await this.announce(ended);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  async onModuleDestroy(): Promise<void> {
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    this.subscriber?.disconnect();
    this.client?.disconnect();
  }

  private async announce(ended: EndedSession[]): Promise<void> {
    if (!ended.length) return;
    this.forget(ended);
    const pipeline = this.redis().pipeline();
    for (const e of ended) {
      pipeline.eval(SET_IF_NEWER, 1, this.key(e.userId), String(e.version), String(CACHE_TTL_SECONDS));
      pipeline.publish(this.channel(), JSON.stringify(e));
    }
    try {
      await pipeline.exec();
    } catch (error) {
      // The cache key is then stale until it expires; drop it so the next check reads the database.
      this.logger.error({ err: error, users: ended.length }, 'Ended sessions not announced');
      await this.redis()
        .del(...ended.map((e) => this.key(e.userId)))
        .catch(() => undefined);
    }
  }

  private async versionFromDatabase(userId: string): Promise<number | null> {
    const rows: { session_version: number }[] = await this.dataSource.query(`SELECT session_version FROM app_user WHERE id = $1`, [userId]);
    return rows[0]?.session_version ?? null;
  }

  private key(userId: string): string {
    return `${this.config.redis.queuePrefix}:session:${userId}`;
  }

  private channel(): string {
    return `${this.config.redis.queuePrefix}:sessions-ended`;
  }

  private redis(): Redis {
    return (this.client ??= new Redis(this.config.redis.url, { maxRetriesPerRequest: 2 }));
  }
}
