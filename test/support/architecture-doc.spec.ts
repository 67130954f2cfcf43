import { readFileSync, writeFileSync } from 'node:fs';
import { ARCHITECTURE_DOC, ownershipTable, renderArchitectureDoc, rulesTable } from './architecture-doc';
import { TABLE_OWNER } from '../../libs/database/src/lib/table-ownership';

describe('docs/architecture.md', () => {
  const current = readFileSync(ARCHITECTURE_DOC, 'utf8');

  it('lists every table with its owner, and every rule with its file, as the code has them (npm run docs rewrites them)', () => {
    const expected = renderArchitectureDoc(current);
    if (process.env['UPDATE_DOCS'] === '1' && expected !== current) writeFileSync(ARCHITECTURE_DOC, expected);
    else expect(current).toBe(expected);
  });

  it('names each table once, with its owner', () => {
    const table = ownershipTable();
    for (const [name, owner] of Object.entries(TABLE_OWNER)) expect(table).toContain(`| \`${name}\` | ${owner} |`);
    expect(table.split('\n')).toHaveLength(Object.keys(TABLE_OWNER).length + 2);
  });

  it('finds the rules where they are, with what they decide', () => {
    const table = rulesTable();
    expect(table).toMatch(/\| `evaluationWindowCloses` \| `libs\/domain\/rehire\/src\/lib\/rehire\.rules\.ts` \| \S/);
    expect(table).toMatch(/\| `assertConfirmable` \| `libs\/domain\/contingents\/src\/lib\/contingent\.rules\.ts` \|/);
  });

  it('refuses a document that has lost its markers', () => {
    expect(() => renderArchitectureDoc('# Architecture\n')).toThrow(/markers/);
  });
});
