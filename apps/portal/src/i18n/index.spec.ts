import fs from 'node:fs';
import path from 'node:path';

/** Every string the portal shows exists in both languages: the two catalogues have the same namespaces and keys. */
const dir = __dirname;
const namespaces = (lang: string) =>
  fs
    .readdirSync(path.join(dir, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
const read = (lang: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, lang, file), 'utf8')) as Record<string, unknown>;

function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, v]],
    ),
  );
}
/** i18next plural forms differ by language (one/other in both here), so they are compared by their base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the Spanish and English catalogues', () => {
  it('have the same namespaces', () => {
    expect(namespaces('en')).toEqual(namespaces('es'));
    expect(namespaces('es')).toContain('common.json');
  });

  it.each(namespaces('es'))('%s has the same keys in both, none empty', (file) => {
    const es = flatten(read('es', file));
    const en = flatten(read('en', file));
    expect([...new Set(Object.keys(en).map(base))].sort()).toEqual([...new Set(Object.keys(es).map(base))].sort());
    for (const [key, value] of [...Object.entries(es), ...Object.entries(en)]) {
      expect({ key, ok: typeof value === 'string' && value.trim().length > 0 }).toEqual({ key, ok: true });
    }
  });

  it.each(namespaces('es'))('%s uses the same interpolations in both languages', (file) => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const es = flatten(read('es', file));
    const en = flatten(read('en', file));
    for (const key of Object.keys(es).filter((k) => k in en)) expect({ key, vars: vars(en[key]) }).toEqual({ key, vars: vars(es[key]) });
  });
});
