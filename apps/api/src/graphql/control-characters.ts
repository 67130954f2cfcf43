import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';
import { DomainException, ErrorCode, FieldProblem } from '@puente/common';

/**
 * NUL and the other C0 control characters (tab, newline and carriage return excepted) have no place in any
 * text a person types; PostgreSQL refuses a NUL outright, which used to turn a mistyped (or hostile) input into
 * a failed query. Every string an operation carries is checked here once, before anything runs: the inline
 * arguments of the document and the variables, on HTTP (an Apollo plugin) and on graphql-ws (the same
 * function, called from onSubscribe).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const MESSAGE = 'must not contain control characters (such as a NUL byte)';

/** `input.identifier` reads `identifier`, as the domain names the fields of an operation's input object. */
const display = (path: string) => path.replace(/^input\./, '') || path;

function walkValue(node: ValueNode, path: string, found: Map<string, string>, variableUses: Map<string, string>): void {
  switch (node.kind) {
    case Kind.STRING:
      if (CONTROL.test(node.value)) found.set(display(path), MESSAGE);
      return;
    case Kind.VARIABLE:
      if (!variableUses.has(node.name.value)) variableUses.set(node.name.value, path);
      return;
    case Kind.LIST:
      node.values.forEach((value, i) => walkValue(value, `${path}[${i}]`, found, variableUses));
      return;
    case Kind.OBJECT:
      for (const field of node.fields) walkValue(field.value, `${path}.${field.name.value}`, found, variableUses);
      return;
    default:
      return;
  }
}

function walkJson(value: unknown, path: string, found: Map<string, string>, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) found.set(display(path), MESSAGE);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkJson(item, `${path}[${i}]`, found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${CONTROL.test(key) ? '?' : key}`;
      if (CONTROL.test(key)) found.set(display(at), MESSAGE);
      walkJson(item, at, found, depth + 1);
    }
  }
}

/**
 * Every string in the document's arguments (and variable defaults) and in the variables that contains a
 * control character, named by its argument path (`identifier` for `login(input: { identifier })`, `reason`,
 * `skills[2]`); a variable is named by where the operation uses it.
 */
export function controlCharacterProblems(document: DocumentNode, variables: Record<string, unknown> | null | undefined): FieldProblem[] {
  const { problems, variableUses } = documentProblems(document);
  const found = new Map(problems);
  for (const [name, value] of Object.entries(variables ?? {})) {
    walkJson(value, variableUses.get(name) ?? `$${name}`, found);
  }
  return [...found].map(([field, message]) => ({ field, message }));
}

interface DocumentScan {
  problems: [string, string][];
  variableUses: Map<string, string>;
}

/** A document's own strings and where it uses each variable, found once per document (Apollo keeps one per query text). */
const scans = new WeakMap<DocumentNode, DocumentScan>();

function documentProblems(document: DocumentNode): DocumentScan {
  let scan = scans.get(document);
  if (!scan) {
    const found = new Map<string, string>();
    const variableUses = new Map<string, string>();
    visit(document, {
      Argument(node) {
        walkValue(node.value, node.name.value, found, variableUses);
        return false;
      },
      VariableDefinition(node) {
        if (node.defaultValue) walkValue(node.defaultValue, `$${node.variable.name.value}`, found, variableUses);
        return false;
      },
    });
    scan = { problems: [...found], variableUses };
    scans.set(document, scan);
  }
  return scan;
}

/** The refusal, as the domain would throw it: BAD_USER_INPUT naming each field. */
export function controlCharacterError(problems: FieldProblem[]): DomainException {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new DomainException(ErrorCode.BAD_USER_INPUT, `Please correct the input. ${summary}`, problems);
}

/**
 * The HTTP side: refuses the operation once it is parsed and validated and before it executes. The error
 * carries HTTP 400, which the status plugin turns into 200 for clients that accept only application/json.
 */
export const controlCharacterPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const problems = controlCharacterProblems(document, request.variables);
        if (!problems.length) return;
        const refusal = controlCharacterError(problems);
        throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
      },
    };
  },
};
