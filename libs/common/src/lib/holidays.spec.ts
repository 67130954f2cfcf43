import { easterSunday, holidayOn, nationalHolidays } from './holidays';

describe("El Salvador's national holidays", () => {
  it('computes Easter Sunday by the Gregorian computus', () => {
    const known: Record<number, string> = {
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2038: '2038-04-25', // the latest possible date
      2285: '2285-03-22', // the earliest possible date
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('lists the fixed and the Holy Week holidays of a year, in order', () => {
    expect(nationalHolidays(2027)).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-03-25', name: 'Holy Thursday' },
      { date: '2027-03-26', name: 'Good Friday' },
      { date: '2027-03-27', name: 'Holy Saturday' },
      { date: '2027-05-01', name: 'Labour Day' },
      { date: '2027-05-10', name: "Mother's Day" },
      { date: '2027-06-17', name: "Father's Day" },
      { date: '2027-08-06', name: 'Divino Salvador del Mundo' },
      { date: '2027-09-15', name: 'Independence Day' },
      { date: '2027-11-02', name: 'All Souls’ Day' },
      { date: '2027-12-25', name: 'Christmas Day' },
    ]);
    expect(nationalHolidays(2026).filter((h) => h.name.startsWith('Holy') || h.name === 'Good Friday').map((h) => h.date)).toEqual([
      '2026-04-02',
      '2026-04-03',
      '2026-04-04',
    ]);
  });

  it('names the holiday on a date, and nothing on an ordinary day or a local festivity', () => {
    expect(holidayOn('2028-04-14')).toBe('Good Friday');
    expect(holidayOn('2025-04-17')).toBe('Holy Thursday');
    expect(holidayOn('2026-09-15')).toBe('Independence Day');
    expect(holidayOn('2026-09-16')).toBeNull();
    expect(holidayOn('2025-04-21')).toBeNull(); // Easter Monday is not a holiday in El Salvador
    expect(holidayOn('2026-08-05')).toBeNull(); // San Salvador's festivities are local
    expect(holidayOn('2026-08-06')).toBe('Divino Salvador del Mundo');
  });
});
