import type { Request } from 'express';
import type { Actor } from '@app/common';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: Request;
  actor: Actor | null;
  /** A token was sent but is invalid or expired. */
  tokenRejected: boolean;
  loaders: Loaders;
}
