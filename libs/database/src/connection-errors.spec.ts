import { createServer, type AddressInfo } from 'node:net';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { GraphQLError } from 'graphql';
import { isConnectionError } from './connection-errors';

const pgError = (code: string, message = 'from the server'): DatabaseError => {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
};

describe('isConnectionError', () => {
  it.each([
    ['57P01 admin_shutdown (pg_terminate_backend, a restart)', pgError('57P01')],
    ['57P02 crash_shutdown', pgError('57P02')],
    ['57P03 cannot_connect_now (starting up)', pgError('57P03')],
    ['08006 connection_failure', pgError('08006')],
    ['08P01 protocol_violation', pgError('08P01')],
    ['53300 too_many_connections', pgError('53300')],
    [
      'ECONNREFUSED',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg: Connection terminated', new Error('Connection terminated')],
    [
      'pg-pool: timeout exceeded when trying to connect',
      new Error('timeout exceeded when trying to connect'),
    ],
    [
      'TypeORM wrapping 57P01',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('57P01', 'terminating connection due to administrator command'),
      ),
    ],
    [
      'TypeORM wrapping a terminated connection',
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
    [
      'AggregateError of refused addresses (IPv4 and IPv6)',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed'),
    ],
    [
      'a GraphQL error made from one',
      new GraphQLError('Service unavailable', { originalError: pgError('57P01') }),
    ],
    ['an Error caused by one', new Error('outer', { cause: pgError('08006') })],
  ])('recognises %s', (_name, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['23505 unique_violation', pgError('23505')],
    ['22P05 untranslatable_character (NUL in text)', pgError('22P05')],
    ['40001 serialization_failure', pgError('40001')],
    ['57014 query_canceled (statement timeout)', pgError('57014')],
    ['TypeORM wrapping a syntax error', new QueryFailedError('SELEC', [], pgError('42601'))],
    ['an Error whose text only mentions ECONNREFUSED', new Error('connect ECONNREFUSED 10.1.2.3:5432')],
    ['an Error that merely starts like pg’s', new Error('Connection terminated by the user, on purpose')],
    ['a domain error code', Object.assign(new Error('Mentorship not found'), { code: 'NOT_FOUND' })],
    ['a plain object with a message', { message: 'Connection terminated' }],
    ['null', null],
    ['a string', 'ECONNREFUSED'],
  ])('does not take %s for one', (_name, error) => {
    expect(isConnectionError(error)).toBe(false);
  });

  it('recognises what pg throws connecting to a port nobody listens on', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new Client({ host: '127.0.0.1', port, user: 'nobody', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isConnectionError(error)).toBe(true);
  });
});
