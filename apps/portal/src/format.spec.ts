import { formatDate, formatDateTime, formatMoney } from './format';

describe('formatting through Intl', () => {
  it('writes a calendar day in each language without moving it, whatever the machine zone', () => {
    expect(formatDate('2027-03-12', 'es', 'long')).toBe('12 de marzo de 2027');
    expect(formatDate('2027-03-12', 'en', 'long')).toBe('March 12, 2027');
    expect(formatDate('2027-01-01', 'en', 'long')).toBe('January 1, 2027');
  });

  it("shows instants in El Salvador's time", () => {
    // 05:30 UTC is still the evening before in San Salvador (UTC-6).
    expect(formatDateTime('2027-03-12T05:30:00Z', 'en')).toMatch(/Mar 11, 2027.*11:30/);
  });

  it('shows money with its currency code in the reader’s conventions', () => {
    expect(formatMoney(16.5, 'USD', 'en').replace(/\s/g, ' ')).toBe('USD 16.50');
    expect(formatMoney(1234.5, 'CAD', 'es').replace(/\s/g, ' ')).toBe('1234,50 CAD');
  });
});
