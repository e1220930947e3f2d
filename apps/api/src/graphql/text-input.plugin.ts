import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '@app/common';

/** A UTF-16 surrogate that is not half of a pair (with the u flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

type Path = ReadonlyArray<string | number>;

export interface TextProblem {
  /** The argument path as sent, e.g. `input.goals.2`. */
  field: string;
  message: string;
}

/** Why a text is refused: PostgreSQL stores no U+0000, and a lone surrogate is not Unicode. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it has an unpaired UTF-16 surrogate)';
  return null;
}

const fieldName = (path: Path): string => path.join('.');

/**
 * The first text in an operation's arguments that is not valid Unicode or holds a NUL, whether
 * written inline in the document or sent as a variable; named by the argument path it feeds.
 * Every text a client sends is one or the other, so this sees all of it before anything runs.
 */
export function findInvalidText(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): TextProblem | null {
  let found: TextProblem | null = null;
  const check = (value: string, path: Path): void => {
    const problem = found ? null : textProblem(value);
    if (problem) found = { field: fieldName(path), message: `${fieldName(path)} ${problem}` };
  };
  // Where each variable is used, so a problem inside it is named by the argument it feeds.
  const usedAt = new Map<string, Path>();
  const walkLiteral = (node: ValueNode, path: Path): void => {
    switch (node.kind) {
      case Kind.STRING:
        return check(node.value, path);
      case Kind.VARIABLE:
        if (!usedAt.has(node.name.value)) usedAt.set(node.name.value, path);
        return;
      case Kind.LIST:
        return node.values.forEach((item, i) => walkLiteral(item, [...path, i]));
      case Kind.OBJECT:
        return node.fields.forEach((f) => walkLiteral(f.value, [...path, f.name.value]));
      default:
        return;
    }
  };
  for (const definition of document.definitions) {
    if (definition !== operation && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    visit(definition, {
      Argument: (node) => {
        walkLiteral(node.value, [node.name.value]);
        return false;
      },
    });
  }
  const walkJson = (value: unknown, path: Path): void => {
    if (found) return;
    if (typeof value === 'string') return check(value, path);
    if (Array.isArray(value)) return value.forEach((item, i) => walkJson(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        check(key, [...path, key]);
        walkJson(item, [...path, key]);
      }
    }
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const path = usedAt.get(name) ?? [`$${name}`];
    if (definition.defaultValue) walkLiteral(definition.defaultValue, path);
    if (Object.hasOwn(variables, name)) walkJson(variables[name], path);
  }
  return found;
}

/**
 * Refuses an operation carrying a NUL or a lone surrogate in any text, with BAD_USER_INPUT naming
 * the field, once the operation is known and before any guard, pipe, resolver or service runs.
 * One check here rather than per resolver or in the validation pipe: the pipe only sees
 * arguments bound to a resolver parameter, and only after the guards have run on them.
 */
export const textInputPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ document, operation, request }) {
        const problem = operation && findInvalidText(document, operation, request.variables ?? {});
        if (problem) {
          throw new GraphQLError(problem.message, {
            extensions: {
              code: ErrorCode.BAD_USER_INPUT,
              field: problem.field,
              problems: [problem.message],
              http: { status: 400 },
            },
          });
        }
        return Promise.resolve();
      },
    });
  },
};
