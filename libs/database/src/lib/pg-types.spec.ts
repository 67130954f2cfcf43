import { types } from 'pg';
import { parseTimestamptz, PG_TYPES } from './pg-types';

const pgParse = types.getTypeParser(1184, 'text') as (text: string) => Date;

describe('parseTimestamptz', () => {
  it.each([
    '2026-12-03 10:31:30+00',
    '2026-12-03 10:31:30.1+00',
    '2026-12-03 10:31:30.123+00',
    '2026-12-03 10:31:30.123999+00',
    '2026-12-03 00:00:00.000001-06',
    '2026-12-31 23:59:59.999999+05:30',
    '2027-03-26 04:15:00-03:30',
    '0050-06-01 12:00:00+00',
    '1969-12-31 23:59:59.5+00',
  ])('reads %s as pg does', (text) => {
    expect(parseTimestamptz(text).getTime()).toBe(pgParse(text).getTime());
  });

  it.each(['infinity', '-infinity', '2026-12-03 10:31:30 BC', '12026-01-01 00:00:00+00', '1890-01-01 00:00:00+00:19:32'])('leaves %s to pg', (text) => {
    expect(String(parseTimestamptz(text))).toBe(String(pgParse(text)));
  });

  it('is the parser of timestamptz, and only of it', () => {
    expect(PG_TYPES.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(PG_TYPES.getTypeParser(1082, 'text')).toBe(types.getTypeParser(1082, 'text'));
    expect(PG_TYPES.getTypeParser(23, 'text')).toBe(types.getTypeParser(23, 'text'));
  });
});
