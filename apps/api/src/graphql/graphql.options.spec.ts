import { ApolloServer } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AccountErrorCode } from '@app/accounts';
import { DomainError, ErrorCode } from '@app/common';
import { MentorshipErrorCode } from '@app/mentorships';
import { formatError } from './graphql.options';

const typeDefs = `
  type Node { name: String, child: Node }
  type Query {
    node: Node
    crash: String
    coded(code: String!): String
  }
`;

const SECRET = 'connection to 10.0.0.5:5432 refused for user mentorlink_admin';

/** Resolvers throw what the app's exception filter produces: a GraphQLError with a code. */
const resolvers = {
  Query: {
    node: () => ({ name: 'root', child: { name: 'a', child: { name: 'b', child: null } } }),
    crash: () => {
      throw new Error(SECRET);
    },
    coded: (_: unknown, { code }: { code: string }) => {
      const domain = new DomainError(code, `Domain says ${code}`);
      throw new GraphQLError(domain.message, { extensions: { code: domain.code } });
    },
  },
};

describe('formatError through Apollo Server', () => {
  let server: ApolloServer;

  beforeAll(async () => {
    const armor = new ApolloArmor({ maxDepth: { n: 3 } }).protect();
    server = new ApolloServer({
      typeDefs,
      resolvers,
      validationRules: armor.validationRules,
      plugins: [...armor.plugins],
      // Stack traces on, to prove formatError strips them rather than relying on the setting.
      includeStacktraceInErrorResponses: true,
      formatError,
    });
    await server.start();
  });
  afterAll(() => server.stop());

  async function errorsOf(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLFormattedError[]> {
    const res = await server.executeOperation({ query, variables });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return [...(res.body.singleResult.errors ?? [])];
  }

  it('answers a query within the limits without errors', async () => {
    const res = await server.executeOperation({ query: '{ node { name child { name } } }' });
    expect(res.body.kind === 'single' && res.body.singleResult.errors).toBeFalsy();
  });

  it('reports a query deeper than the limit as QUERY_LIMIT_EXCEEDED', async () => {
    const errors = await errorsOf('{ node { child { child { child { child { name } } } } } }');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].extensions?.code).toBe(ErrorCode.QUERY_LIMIT_EXCEEDED);
    expect(errors[0].message).toMatch(/depth limit/i);
    expect(errors[0].message).not.toMatch(/^Syntax Error/);
  });

  it('masks an unexpected error: no original text, no stack', async () => {
    const errors = await errorsOf('{ crash }');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('Internal server error');
    expect(errors[0].extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(errors[0].path).toEqual(['crash']);
    expect(JSON.stringify(errors)).not.toContain('10.0.0.5');
  });

  it.each<string>([
    ErrorCode.NOT_FOUND,
    ErrorCode.FORBIDDEN,
    ErrorCode.BAD_USER_INPUT,
    // Features' own codes pass as well (rule 9: each feature owns its codes).
    AccountErrorCode.INVALID_CREDENTIALS,
    MentorshipErrorCode.CAPACITY_FULL,
  ])('keeps the message and code of a %s domain error and drops its stack trace', async (code) => {
    const errors = await errorsOf('query($code: String!) { coded(code: $code) }', { code });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(`Domain says ${code}`);
    expect(errors[0].extensions?.code).toBe(code);
    expect(errors[0].extensions).not.toHaveProperty('stacktrace');
    expect(errors[0].path).toEqual(['coded']);
  });

  it('keeps GraphQL validation errors as they are', async () => {
    const errors = await errorsOf('{ nope }');
    expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors[0].message).toContain('nope');
  });
});

describe('formatError', () => {
  it.each([
    ['Syntax Error: Query depth limit of 8 exceeded, found 12.', 'GRAPHQL_VALIDATION_FAILED'],
    ['Syntax Error: Aliases limit of 15 exceeded, found 16.', 'GRAPHQL_VALIDATION_FAILED'],
    ['Syntax Error: Directives limit of 20 exceeded, found 21.', 'GRAPHQL_VALIDATION_FAILED'],
    ['Syntax Error: Query Cost limit of 20000 exceeded, found 25000.', 'GRAPHQL_VALIDATION_FAILED'],
    // the token limit is enforced by the parser
    ['Syntax Error: Token limit of 2000 exceeded.', 'GRAPHQL_PARSE_FAILED'],
    // graphql-js's own wording (parseOptions.maxTokens), as Apollo reports it
    ['Syntax Error: Document contains more that 2000 tokens. Parsing aborted.', 'GRAPHQL_PARSE_FAILED'],
  ])('turns the limit violation "%s" (%s) into QUERY_LIMIT_EXCEEDED', (message, code) => {
    const out = formatError({ message, extensions: { code } });
    expect(out.extensions).toEqual({ code: ErrorCode.QUERY_LIMIT_EXCEEDED });
    expect(out.message).toBe(message.replace('Syntax Error: ', ''));
  });

  it('leaves an ordinary syntax error as a parse failure', () => {
    const out = formatError({
      message: 'Syntax Error: Expected Name, found "}".',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(out.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it.each<[string, GraphQLFormattedError]>([
    [
      'code INTERNAL_SERVER_ERROR',
      { message: SECRET, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
    ],
    ['no code', { message: SECRET }],
    ['no extensions code but other extensions', { message: SECRET, extensions: { detail: SECRET } }],
    ['an unknown code', { message: SECRET, extensions: { code: 'ECONNREFUSED' } }],
  ])('masks an error with %s', (_label, error) => {
    const out = formatError({ ...error, path: ['organization'] });
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(out.path).toEqual(['organization']);
    expect(JSON.stringify(out)).not.toContain('10.0.0.5');
  });

  it('keeps a NOT_FOUND error with its message, path and details, without the stack trace', () => {
    const out = formatError({
      message: 'Organization not found',
      path: ['organization'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: ErrorCode.NOT_FOUND, id: 'abc', stacktrace: ['Error: x', '    at y'] },
    });
    expect(out).toEqual({
      message: 'Organization not found',
      path: ['organization'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: ErrorCode.NOT_FOUND, id: 'abc' },
    });
  });
});
