import { renderFile } from 'ejs';
import { createReadStream, existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenService } from '@app/accounts';
import { Role, hasRole } from '@app/common';
import type { QueueDashboardServer } from '@app/queue';
import { contentType } from './web-app';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'mentorlink_queues';
/** A dashboard visit lasts an hour; the ticket that opens it, a minute. */
export const QUEUE_SESSION_SECONDS = 3600;
export const QUEUE_TICKET_SECONDS = 60;

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function cookieValue(request: FastifyRequest, name: string): string | null {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Mounts Bull Board at /admin/queues where the queue driver has a dashboard (BullMQ, services
 * mode), for admins only. Bull Board's server side for Fastify is written here rather than taken
 * from @bull-board/fastify, whose @fastify/static needs Node 22.
 * Browsers do not send bearer tokens on navigation, so the web app asks for a one-minute ticket
 * (openQueueDashboard) and opens /admin/queues/?ticket=…; the ticket becomes an HttpOnly,
 * SameSite=Strict cookie scoped to this path, valid for an hour. Returns false in-process.
 */
export function registerQueueDashboard(
  fastify: FastifyInstance,
  board: QueueDashboardServer | null,
  tokens: TokenService,
): boolean {
  if (!board) return false;

  // verifyFor also checks the token version: a demoted admin's ticket and cookie stop working.
  const isAdminSession = async (request: FastifyRequest): Promise<boolean> => {
    const session = cookieValue(request, COOKIE);
    const actor = session ? await tokens.verifyFor(session, 'queue-dashboard-session') : null;
    return Boolean(actor && hasRole(actor, Role.ADMIN));
  };

  void fastify.register(
    (scope, _options, done) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        reply.header('x-content-type-options', 'nosniff');
        reply.header('x-frame-options', 'DENY');
        reply.header('referrer-policy', 'same-origin');
        const ticket = (request.query as Record<string, unknown>)?.ticket;
        if (typeof ticket === 'string') {
          const actor = await tokens.verifyFor(ticket, 'queue-dashboard-ticket');
          if (!actor || !hasRole(actor, Role.ADMIN))
            return reply.code(401).send('The ticket is invalid or expired');
          const session = tokens.signFor(actor, 'queue-dashboard-session', QUEUE_SESSION_SECONDS);
          const secure = request.protocol === 'https' ? '; Secure' : '';
          reply.header(
            'set-cookie',
            `${COOKIE}=${encodeURIComponent(session)}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${QUEUE_SESSION_SECONDS}${secure}`,
          );
          // Drop the ticket from the address bar (and from history).
          return reply.code(303).header('location', `${QUEUE_DASHBOARD_PATH}/`).send();
        }
        if (!(await isAdminSession(request))) {
          return reply
            .code(401)
            .header('content-type', 'text/plain; charset=utf-8')
            .send(
              'Open the queue dashboard from the Mentorlink admin pages (Admin → E-mail outbox → Queue dashboard).',
            );
        }
      });

      const staticRoot = normalize(board.statics.path);
      scope.get(`${board.statics.route}/*`, (request, reply) => {
        const rest = (request.params as Record<string, string>)['*'] ?? '';
        const file = normalize(join(staticRoot, rest));
        if (!file.startsWith(staticRoot + sep) || !existsSync(file)) return reply.code(404).send('Not found');
        reply.header('content-type', contentType(file));
        reply.header('cache-control', 'public, max-age=86400');
        return reply.send(createReadStream(file));
      });

      for (const url of list(board.entry.route)) {
        scope.route({
          method: board.entry.method.toUpperCase() as 'GET',
          url,
          handler: async (_request, reply) => {
            const { name, params } = board.entry.handler({
              basePath: `${QUEUE_DASHBOARD_PATH}/`,
              uiConfig: board.uiConfig,
            });
            const html = await renderFile(join(board.viewsPath, name), params);
            return reply.header('content-type', 'text/html; charset=utf-8').send(html);
          },
        });
      }

      for (const route of board.apiRoutes) {
        for (const url of list(route.route)) {
          scope.route({
            method: list(route.method).map((m) => m.toUpperCase()) as Array<'GET' | 'POST' | 'PUT' | 'PATCH'>,
            url,
            handler: async (request, reply) => {
              const response = await route.handler({
                queues: board.queues,
                uiConfig: board.uiConfig,
                params: request.params as Record<string, string>,
                query: request.query as Record<string, string>,
                body: (request.body ?? {}) as Record<string, unknown>,
                headers: request.headers as Record<string, string | undefined>,
              });
              return reply.code(response.status ?? 200).send(response.body);
            },
          });
        }
      }
      scope.setErrorHandler((error, _request, reply) => {
        const response = board.errorHandler(error as Error);
        return reply.code(response.status ?? 500).send(response.body);
      });
      done();
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  return true;
}
