import { GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateScalar } from './local-date';

describe('LocalDateScalar', () => {
  it('answers a day written as YYYY-MM-DD as it is', () => {
    expect(LocalDateScalar.serialize('2026-12-03')).toBe('2026-12-03');
  });

  it("answers anything else through graphql-scalars' own check", () => {
    const date = new Date('2026-12-03T00:00:00Z');
    expect(() => GraphQLLocalDate.serialize(date)).toThrow('Value is not string');
    expect(() => LocalDateScalar.serialize(date)).toThrow('Value is not string');
    expect(() => LocalDateScalar.serialize('3 December 2026')).toThrow();
    expect(() => LocalDateScalar.serialize(20261203)).toThrow();
  });

  it('parses what clients send as strictly as the library: no day that is not in the calendar', () => {
    expect(LocalDateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
    expect(() => LocalDateScalar.parseValue('2026-02-30')).toThrow();
    expect(() => LocalDateScalar.parseValue('2026-2-3')).toThrow();
    expect(LocalDateScalar.name).toBe('LocalDate');
  });
});
