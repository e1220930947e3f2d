import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@app/common';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
  actor: Actor | null;
  /** A token was sent but is invalid or expired. */
  tokenRejected: boolean;
  loaders: Loaders;
}
