import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Role } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { bootTestModule, TestFactories } from '@puente/testing';
import { EndedSession, SessionService } from './session.service';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SessionService', () => {
  let app: INestApplicationContext;
  let make: TestFactories;
  let ds: DataSource;
  let redis: Redis;
  let sessions: SessionService;
  const heard: EndedSession[] = [];
  const prefix = process.env.QUEUE_PREFIX!;
  const users: string[] = [];

  beforeAll(async () => {
    app = await bootTestModule();
    make = new TestFactories(app);
    ds = app.get(DataSource);
    redis = new Redis(process.env.REDIS_URL!);
    sessions = app.get(SessionService);
    sessions.onEnded((e) => heard.push(e));
    await sleep(200); // the subscription is made
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM app_user WHERE id = ANY($1::uuid[])`, [users]);
    redis.disconnect();
    await app.close();
  });

  const newUser = async (): Promise<string> => {
    // A coordinator: an administrator of a test's own would keep a later api from creating the configured one.
    const { id } = await make.staffUser(Role.COORDINATOR);
    users.push(id);
    return id;
  };
  const cached = (userId: string) => redis.get(`${prefix}:session:${userId}`);
  const stored = async (userId: string) => ((await ds.query(`SELECT session_version FROM app_user WHERE id = $1`, [userId])) as { session_version: number }[])[0]!.session_version;

  it('reads a version from PostgreSQL once on a miss and keeps it in Redis', async () => {
    const userId = await newUser();
    expect(await cached(userId)).toBeNull();
    expect(await sessions.currentVersion(userId)).toBe(0);
    expect(await cached(userId)).toBe('0');
    expect(await sessions.currentVersion(randomUUID())).toBeNull();
  });

  it('bumps the version in the caller’s transaction and announces it only after the commit', async () => {
    const userId = await newUser();
    await sessions.currentVersion(userId);
    await ds.transaction(async (em) => {
      const [ended] = await sessions.end(em, [userId], 'deactivated');
      expect(ended).toEqual({ userId, version: 1, reason: 'deactivated' });
      // Not yet committed: the cache and the other processes have not heard.
      expect(await cached(userId)).toBe('0');
    });
    expect(await cached(userId)).toBe('1');
    expect(await stored(userId)).toBe(1);
    await sleep(200);
    expect(heard).toContainEqual({ userId, version: 1, reason: 'deactivated' });
  });

  it('announces nothing and changes nothing when the transaction rolls back', async () => {
    const userId = await newUser();
    await sessions.currentVersion(userId);
    await expect(
      ds.transaction(async (em) => {
        await sessions.end(em, [userId], 'password-changed');
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    expect(await stored(userId)).toBe(0);
    expect(await cached(userId)).toBe('0');
    await sleep(200);
    expect(heard.filter((e) => e.userId === userId)).toEqual([]);
  });

  it('never writes an older version over a newer one in the cache (two announcements crossing)', async () => {
    const userId = await newUser();
    await redis.set(`${prefix}:session:${userId}`, '5');
    await ds.transaction((em) => sessions.end(em, [userId], 'password-changed'));
    expect(await cached(userId)).toBe('5');
    await redis.set(`${prefix}:session:${userId}`, '0');
    await ds.transaction((em) => sessions.end(em, [userId], 'password-changed'));
    expect(await cached(userId)).toBe('2');
  });

  it('keeps a version it read for a second; the process that ends the sessions refuses the old version at once', async () => {
    const userId = await newUser();
    expect(await sessions.currentVersion(userId)).toBe(0);
    // The copy answers, not Redis (a value no announcement wrote, put there by hand).
    await redis.set(`${prefix}:session:${userId}`, '7');
    expect(await sessions.currentVersion(userId)).toBe(0);
    await redis.set(`${prefix}:session:${userId}`, '0');
    await ds.transaction((em) => sessions.end(em, [userId], 'password-changed'));
    expect(await sessions.currentVersion(userId)).toBe(1);
  });

  it('drops its copy when another process announces ended sessions, well before the copy expires', async () => {
    // Another api process: its own service, hearing the channel, not told of this process's commits.
    const other = new SessionService(ds, app.get(PuenteConfig));
    ds.subscribers.splice(ds.subscribers.indexOf(other), 1);
    try {
      const userId = await newUser();
      expect(await other.currentVersion(userId)).toBe(0);
      await sleep(200); // it hears the channel now, and keeps what it reads
      expect(await other.currentVersion(userId)).toBe(0);
      await ds.transaction((em) => sessions.end(em, [userId], 'deactivated'));
      const started = Date.now();
      while ((await other.currentVersion(userId)) !== 1 && Date.now() - started < 2000) await sleep(10);
      expect(await other.currentVersion(userId)).toBe(1);
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      await other.onModuleDestroy();
    }
  });
});
