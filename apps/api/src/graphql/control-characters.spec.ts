import { parse } from 'graphql';
import { controlCharacterProblems } from './control-characters';

const fieldsOf = (query: string, variables?: Record<string, unknown>) => controlCharacterProblems(parse(query), variables).map((p) => p.field);

describe('controlCharacterProblems', () => {
  it('names a variable by the argument path where the operation uses it (input. left out)', () => {
    expect(fieldsOf('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { identifier: 'a\u0000', password: 'ok' } })).toEqual(['identifier']);
    expect(fieldsOf('mutation($id: String!) { login(input: { identifier: $id, password: "p" }) { accessToken } }', { id: '\u001b[2J' })).toEqual(['identifier']);
    expect(fieldsOf('query($id: ID!) { applicant(id: $id) { id } }', { id: 'x\u0007' })).toEqual(['id']);
  });

  it('finds inline literals, list items, nested objects and variable defaults', () => {
    expect(fieldsOf('{ applicants(filter: { skills: ["a", "b\\u0000"] }) { totalCount } }')).toEqual(['filter.skills[1]']);
    expect(fieldsOf('query($s: String = "\\u0001") { applicants(filter: { nationalId: $s }) { totalCount } }')).toEqual(['$s']);
    expect(fieldsOf('{ a: applicant(id: "\\u0000") { id } b: applicant(id: "\\u0002") { id } }')).toEqual(['id']);
  });

  it('checks variables the document does not use and keys of objects', () => {
    expect(fieldsOf('{ me { id } }', { stray: 'x\u0000' })).toEqual(['$stray']);
    expect(fieldsOf('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { 'bad\u0000key': 1 } })).toEqual(['?']);
  });

  it('lets tab, newline, carriage return and ordinary text (accents, emoji) through', () => {
    expect(fieldsOf('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { identifier: 'María\tJosé\r\n😀', password: 'ñ' } })).toEqual([]);
    expect(fieldsOf('{ applicant(id: "abc") { id } }')).toEqual([]);
  });

  it('judges each request by its own variables when one parsed document is asked again', () => {
    const document = parse(`mutation($r: String!) { decide(input: { reason: $r, note: "ok\u0000" }) { id } }`);
    expect(controlCharacterProblems(document, { r: 'bad\u0001' }).map((p) => p.field).sort()).toEqual(['note', 'reason']);
    expect(controlCharacterProblems(document, { r: 'fine' }).map((p) => p.field)).toEqual(['note']);
  });
});
