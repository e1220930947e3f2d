import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The browser app is same-origin and loads nothing from elsewhere, so the policy allows only
 * itself; no inline scripts (Vite emits none) and no framing.
 */
export const WEB_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** The content type a file name calls for. */
export const contentType = (path: string): string => TYPES[extname(path)] ?? 'application/octet-stream';

interface WebFile {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  immutable: boolean;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Reads the built app once: a Vite build is a few files, served from memory, compressed ahead. */
export function loadWebFiles(dir: string): Map<string, WebFile> | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, WebFile>();
  for (const path of listFiles(dir)) {
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    const body = readFileSync(path);
    const type = contentType(path);
    const compressible = /^(text\/|application\/(json|manifest)|image\/svg)/.test(type) && body.length > 1024;
    files.set(url, {
      body,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      // Vite puts content-hashed names under /assets: they never change, so cache them for good.
      immutable: url.startsWith('/assets/'),
      br: compressible
        ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
        : undefined,
      gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
    });
  }
  return files;
}

function send(request: FastifyRequest, reply: FastifyReply, file: WebFile): FastifyReply {
  reply.headers(WEB_SECURITY_HEADERS);
  reply.header('content-type', file.type);
  reply.header('etag', file.etag);
  reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (file.br && /\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(file.br);
  if (file.gzip && /\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

/**
 * Serves the built browser app at / from the API's own origin: its files, and index.html for
 * every other path without a file extension (the app routes in the browser). /graphql and
 * /health are routes of their own and win over this wildcard. Returns false when the app is
 * not built (the API still runs).
 */
export function registerWebApp(fastify: FastifyInstance, dir: string): boolean {
  const files = loadWebFiles(dir);
  if (!files) return false;
  const index = files.get('/index.html')!;
  fastify.get('/*', (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      return reply.code(400).header('content-type', 'text/plain; charset=utf-8').send('Bad request');
    }
    const file = files.get(path);
    if (file && path !== '/index.html') return send(request, reply, file);
    if (extname(path) !== '' && path !== '/index.html') {
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
    }
    return send(request, reply, index);
  });
  return true;
}
