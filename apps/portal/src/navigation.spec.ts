import { safeNext } from './navigation';

describe('safeNext', () => {
  it.each(['/', '/orders/42', '/orders/42/shortlist?x=1', '/account?mustChange=1'])('keeps the path %s of this site', (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'orders'])(
    'sends %s to the dashboard instead',
    (next) => {
      expect(safeNext(next)).toBe('/');
    },
  );
});
