import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { DatabaseError } from 'pg';
import { ErrorCode } from '@app/common';
import { retryReadsOnConnectionLoss, serviceUnavailable, unavailableStatusPlugin } from './connection-loss';
import { formatError } from './graphql.options';

const terminated = (): DatabaseError => {
  const error = new DatabaseError('terminating connection due to administrator command', 0, 'error');
  error.code = '57P01';
  return error;
};

/** Resolvers that fail the first `failures` calls in the way given, then answer. */
function flaky(fail: (n: number) => unknown, failures = 1) {
  let calls = 0;
  const resolve = () => {
    calls++;
    return calls <= failures ? fail(calls) : `answer ${calls}`;
  };
  return { resolve, calls: () => calls };
}

function schemaWith(resolvers: {
  read: () => unknown;
  write?: () => unknown;
  nested?: () => unknown;
  optional?: () => unknown;
}): GraphQLSchema {
  const schema = buildSchema(`
    type Node { value: String! }
    type Query { read: String! node: Node! optional: String }
    type Mutation { write: String! }
  `);
  const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
  fields('Query').read.resolve = resolvers.read;
  fields('Query').node.resolve = () => ({});
  fields('Query').optional.resolve = resolvers.optional ?? (() => 'x');
  fields('Node').value.resolve = resolvers.nested ?? (() => 'v');
  fields('Mutation').write.resolve = resolvers.write ?? (() => 'w');
  return retryReadsOnConnectionLoss(schema, 1);
}

async function run(schema: GraphQLSchema, query: string) {
  const server = new ApolloServer({ schema, formatError, plugins: [unavailableStatusPlugin] });
  await server.start();
  try {
    const res = await server.executeOperation({ query });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return { status: res.http.status, ...res.body.singleResult };
  } finally {
    await server.stop();
  }
}

describe('retryReadsOnConnectionLoss', () => {
  it.each<[string, (n: number) => unknown]>([
    [
      'throws synchronously',
      () => {
        throw terminated();
      },
    ],
    ['rejects', () => Promise.reject(terminated())],
    // Nest's exception filter hands the mapped error back as the resolver's value.
    ['returns the filter’s SERVICE_UNAVAILABLE', () => Promise.resolve(serviceUnavailable(terminated()))],
  ])(
    'answers a query whose resolver %s on a lost connection, by running it once more',
    async (_how, fail) => {
      const read = flaky(fail);
      const res = await run(schemaWith({ read: read.resolve }), '{ read }');
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ read: 'answer 2' });
      expect(read.calls()).toBe(2);
    },
  );

  it('retries a nested field of a query too', async () => {
    const nested = flaky(() => Promise.reject(terminated()));
    const res = await run(schemaWith({ read: () => 'r', nested: nested.resolve }), '{ node { value } }');
    expect(res.data).toEqual({ node: { value: 'answer 2' } });
  });

  it('tries once more only: a connection lost twice answers SERVICE_UNAVAILABLE, HTTP 503', async () => {
    const read = flaky(() => Promise.reject(terminated()), 5);
    const res = await run(schemaWith({ read: read.resolve }), '{ read }');
    expect(read.calls()).toBe(2);
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({ path: ['read'], extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }),
    ]);
    expect(res.status).toBe(503);
  });

  it('never runs a mutation twice', async () => {
    const write = flaky(() => Promise.reject(terminated()));
    const res = await run(schemaWith({ read: () => 'r', write: write.resolve }), 'mutation { write }');
    expect(write.calls()).toBe(1);
    expect(res.errors?.[0]?.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE });
    expect(res.status).toBe(503);
  });

  it('does not retry other errors', async () => {
    const read = flaky(() => Promise.reject(new Error('syntax error at or near "SELEC"')));
    const res = await run(schemaWith({ read: read.resolve }), '{ read }');
    expect(read.calls()).toBe(1);
    expect(res.errors?.[0]?.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
  });

  it('answers 200 when some data came back (a nullable field failed)', async () => {
    const optional = flaky(() => Promise.reject(terminated()), 5);
    const res = await run(schemaWith({ read: () => 'r', optional: optional.resolve }), '{ read optional }');
    expect(res.data).toEqual({ read: 'r', optional: null });
    expect(res.errors?.[0]?.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE });
    expect(res.status ?? 200).toBe(200);
  });
});

describe('formatError on a lost connection', () => {
  it('names a raw one (field resolvers run without Nest’s filter) SERVICE_UNAVAILABLE, hiding its text', () => {
    const error = new GraphQLError('Connection terminated unexpectedly', {
      path: ['node', 'value'],
      originalError: new Error('Connection terminated unexpectedly'),
    });
    const out = formatError(
      { message: error.message, path: ['node', 'value'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(out).toEqual({
      message: expect.stringMatching(/try again/),
      path: ['node', 'value'],
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    });
  });
});
