import { cleanText, isE164, isEmail, isIsoDate, Problems, requireReason } from './validators';

describe('validators', () => {
  it.each(['maria.lopez@gmail.com', 'rh@ferme-labelle.ca', 'a+tag@sub.example.org'])('accepts e-mail %s', (v) =>
    expect(isEmail(v)).toBe(true),
  );
  it.each(['maria', 'maria@', '@example.com', 'maria@example', 'ma ria@example.com', 'a@b..com'])('refuses e-mail %s', (v) =>
    expect(isEmail(v)).toBe(false),
  );
  it.each(['+50371234567', '+15551234567', '+14165550123'])('accepts E.164 %s', (v) => expect(isE164(v)).toBe(true));
  it.each(['50371234567', '+503 7123 4567', '+0123456789', '+5037', '+5037123456789012'])('refuses phone %s', (v) =>
    expect(isE164(v)).toBe(false),
  );
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
  });
  it('collects problems', () => {
    const p = new Problems().check(true, 'a', 'x').check(false, 'b', 'is wrong');
    expect(p.list).toEqual([{ field: 'b', message: 'is wrong' }]);
    expect(cleanText('  María   José ')).toBe('María José');
  });
  it('asks for a reason of 10 to 2000 characters, naming the input field it came in', () => {
    expect(requireReason('  Left   the farm early. ', 'for x')).toBe('Left the farm early.');
    expect(() => requireReason('too short', 'for x')).toThrow(expect.objectContaining({ fields: [{ field: 'reason', message: 'must be 10 to 2000 characters' }] }));
    expect(() => requireReason('x'.repeat(2001), 'for x', 'note')).toThrow(expect.objectContaining({ fields: [{ field: 'note', message: 'must be 10 to 2000 characters' }] }));
  });
});
