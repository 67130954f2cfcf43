import ExcelJS from 'exceljs';
import { parseCsv } from '@puente/testing';
import type { CellValue } from './export.rules';
import { openWriter, SheetHead } from './export-writers';

/** Writes tables into memory, in chunks as the writer hands them over. */
async function write(format: 'CSV' | 'XLSX', tables: { head: SheetHead; rows: CellValue[][] }[], options: { sections?: boolean; language?: 'ES' | 'EN' } = {}) {
  const chunks: Buffer[] = [];
  const writer = openWriter(format, async (chunk) => void chunks.push(chunk), {
    language: options.language ?? 'ES',
    sections: options.sections ?? false,
    created: new Date('2026-12-02T12:00:00Z'),
  });
  for (const table of tables) {
    await writer.sheet(table.head);
    await writer.rows(table.rows);
  }
  await writer.close();
  return Buffer.concat(chunks);
}

const head: SheetHead = {
  title: 'Solicitantes',
  columns: [
    { header: 'Apellidos', type: 'text' },
    { header: 'Años', type: 'number' },
    { header: 'Nacimiento', type: 'date' },
    { header: 'Registrado', type: 'datetime' },
    { header: 'Vivienda', type: 'boolean' },
  ],
};
const rows: CellValue[][] = [
  ['Peña, "la Niña"', 4, '1990-05-06', new Date('2026-12-03T05:30:00Z'), true],
  ['=HYPERLINK("http://evil")', 0, null, null, false],
  ['línea\ncon salto', 12.5, '2001-01-31', new Date('2026-12-03T06:00:00Z'), null],
];

describe('export writers', () => {
  it('CSV: UTF-8 with a BOM, CRLF, RFC 4180 quoting, formulas guarded, yes/no in the language', async () => {
    const bytes = await write('CSV', [{ head, rows }]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"Peña, ""la Niña"""');
    expect(text.split('\r\n')[0]).toBe('\uFEFFApellidos,Años,Nacimiento,Registrado,Vivienda');
    const parsed = parseCsv(text);
    expect(parsed.bom).toBe(true);
    expect(parsed.rows).toEqual([
      ['Apellidos', 'Años', 'Nacimiento', 'Registrado', 'Vivienda'],
      ['Peña, "la Niña"', '4', '1990-05-06', '2026-12-02 23:30', 'Sí'],
      [`'=HYPERLINK("http://evil")`, '0', '', '', 'No'],
      ['línea\ncon salto', '12.5', '2001-01-31', '2026-12-03 00:00', ''],
    ]);
  });

  it('CSV in sections: each table under its title, a blank line between them', async () => {
    const other: SheetHead = { title: '=Totales', columns: [{ header: 'n', type: 'number' }] };
    const { rows: parsed } = parseCsv((await write('CSV', [{ head, rows: [] }, { head: other, rows: [[3]] }], { sections: true, language: 'EN' })).toString('utf8'));
    expect(parsed).toEqual([['Solicitantes'], ['Apellidos', 'Años', 'Nacimiento', 'Registrado', 'Vivienda'], [''], [`'=Totales`], ['n'], ['3']]);
  });

  it('XLSX: typed cells, a bold frozen header row, one sheet per table', async () => {
    const bytes = await write('XLSX', [
      { head, rows },
      { head: { title: 'Totales: 2026', columns: [{ header: 'n', type: 'number' }] }, rows: [[7]] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Solicitantes', 'Totales 2026']);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Apellidos', 'Años', 'Nacimiento', 'Registrado', 'Vivienda']);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Peña, "la Niña"');
    expect(first.getCell(2).value).toBe(4);
    expect(first.getCell(3).value).toEqual(new Date('1990-05-06T00:00:00Z'));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(4).value).toEqual(new Date('2026-12-02T23:30:00Z'));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(5).value).toBe(true);
    // A string cell is text, never a formula: nothing to guard.
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://evil")');
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).getCell(2).value).toBe(12.5);
    expect(sheet.rowCount).toBe(4);
    expect(book.worksheets[1]!.getRow(2).getCell(1).value).toBe(7);
    expect(book.creator).toBe('Puente');
    expect(book.created).toEqual(new Date('2026-12-02T12:00:00Z'));
  });

  it('hands a failure of the sink back to the caller instead of hanging', async () => {
    for (const format of ['CSV', 'XLSX'] as const) {
      const writer = openWriter(format, async () => Promise.reject(new Error('disk full')), { language: 'EN', sections: false, created: new Date() });
      const many = Array.from({ length: 5000 }, (_, i) => [`row ${i} ${'x'.repeat(200)}`, i, null, null, null] as CellValue[]);
      await expect(
        (async () => {
          await writer.sheet(head);
          for (let i = 0; i < 20; i++) await writer.rows(many);
          await writer.close();
        })(),
      ).rejects.toThrow();
    }
  });
});
