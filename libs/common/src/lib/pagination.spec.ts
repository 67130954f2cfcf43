import { DomainException } from './domain.exception';
import { decodeCursor, encodeCursor, parsePage, toConnection } from './pagination';

describe('parsePage', () => {
  it.each([0, -1, 101, 1_000_000, 2.5])('refuses first = %p with BAD_USER_INPUT', (first) => {
    expect(() => parsePage({ first })).toThrow(DomainException);
    expect(() => parsePage({ first })).toThrow(/between 1 and 100/);
  });

  it('defaults to 20 and accepts 1 and 100', () => {
    expect(parsePage({}).limit).toBe(20);
    expect(parsePage({ first: 1 }).limit).toBe(1);
    expect(parsePage({ first: 100 }).limit).toBe(100);
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const row = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '8f0c1e0a-4c2b-4a57-9d1e-3b5f6a7c8d9e' };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    // The format clients hold: base64url of "<epoch ms>|<id>".
    expect(encodeCursor(row)).toBe('MTc2NzMyMzA0NTY3OHw4ZjBjMWUwYS00YzJiLTRhNTctOWQxZS0zYjVmNmE3YzhkOWU');
    // Cursors handed out before it, base64url of "<ISO instant>|<id>", still decode to the same place.
    expect(decodeCursor('MjAyNi0wMS0wMlQwMzowNDowNS42NzhafDhmMGMxZTBhLTRjMmItNGE1Ny05ZDFlLTNiNWY2YTdjOGQ5ZQ')).toEqual(row);
    expect(() => parsePage({ first: 5, after: 'not-a-cursor' })).toThrow(/cursor is not valid/);
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    expect(() => decodeCursor(forged(`99999999999999999999|${row.id}`))).toThrow(/cursor is not valid/);
    expect(() => decodeCursor(forged('1767323045678|not-an-id'))).toThrow(/cursor is not valid/);
    expect(decodeCursor(forged(`-86400000|${row.id}`)).createdAt.toISOString()).toBe('1969-12-31T00:00:00.000Z');
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(2026, 0, n), id: `00000000-0000-4000-8000-00000000000${n}` }));

  it('says there is a next page when the extra row came back', () => {
    const c = toConnection(rows, { limit: 2, after: null }, (r) => r.id);
    expect(c.edges.map((e) => e.node)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(c.pageInfo.endCursor!)).toEqual(rows[1]);
  });

  it('ends the list when no extra row came back', () => {
    const c = toConnection(rows, { limit: 3, after: null }, (r) => r.id);
    expect(c.pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], { limit: 3, after: null }, (r) => r).pageInfo.endCursor).toBeNull();
  });
});
