import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { PuenteConfig } from '@puente/config';
import { databaseOptions } from '@puente/database';
import { RefreshTokenEntity } from './refresh-token.entity';
import { EndedSession, SessionService } from './session.service';
import { UserEntity } from './user.entity';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SessionService', () => {
  let ds: DataSource;
  let redis: Redis;
  let sessions: SessionService;
  const heard: EndedSession[] = [];
  const prefix = process.env.QUEUE_PREFIX!;
  const users: string[] = [];

  beforeAll(async () => {
    ds = await new DataSource({ ...databaseOptions(process.env.DATABASE_URL!, 2), entities: [UserEntity, RefreshTokenEntity] }).initialize();
    redis = new Redis(process.env.REDIS_URL!);
    const config = { redis: { url: process.env.REDIS_URL!, queuePrefix: prefix } } as PuenteConfig;
    sessions = new SessionService(ds, config);
    sessions.onEnded((e) => heard.push(e));
    await sleep(200); // the subscription is made
  });

  afterAll(async () => {
    await ds.query(`DELETE FROM app_user WHERE id = ANY($1::uuid[])`, [users]);
    await sessions.onModuleDestroy();
    redis.disconnect();
    await ds.destroy();
  });

  const newUser = async (): Promise<string> => {
    const [row] = (await ds.query(`INSERT INTO app_user (identifier, role) VALUES ($1, 'ADMIN') RETURNING id`, [`s-${randomUUID()}@puente.test`])) as { id: string }[];
    users.push(row!.id);
    return row!.id;
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
});
