import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('answers from the cache until the TTL has passed, then loads again', async () => {
    const cache = new TtlCache<number>(60_000, 10, clock);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now += 59_999;
    expect(await cache.get('k', load)).toBe(1);
    now += 1;
    expect(await cache.get('k', load)).toBe(2);
    expect(await cache.get('other', load)).toBe(3);
  });

  it('shares one load among concurrent callers of a key', async () => {
    const cache = new TtlCache<string>(1_000, 10, clock);
    let loads = 0;
    let release!: (v: string) => void;
    const load = () => {
      loads++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([cache.get('k', load), cache.get('k', load)]);
    release('answer');
    expect(await both).toEqual(['answer', 'answer']);
    expect(loads).toBe(1);
  });

  it('keeps no failed load: the next caller tries again', async () => {
    const cache = new TtlCache<string>(1_000, 10, clock);
    await expect(cache.get('k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => 'back')).toBe('back');
  });

  it('holds at most maxEntries keys, dropping the oldest loaded first', async () => {
    const cache = new TtlCache<string>(1_000, 2, clock);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 'b2')).toBe('b1');
    expect(await cache.get('a', async () => 'a2')).toBe('a2');
  });

  it('keeps nothing with a TTL of 0, and forgets everything on clear()', async () => {
    const none = new TtlCache<number>(0, 10, clock);
    let loads = 0;
    await none.get('k', async () => ++loads);
    await none.get('k', async () => ++loads);
    expect(loads).toBe(2);
    const cache = new TtlCache<number>(1_000, 10, clock);
    await cache.get('k', async () => 1);
    cache.clear();
    expect(await cache.get('k', async () => 2)).toBe(2);
  });
});
