import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ParleyError } from '../../core/index.js';

/**
 * Where `vite build` puts the browser app (src/web/dist): seen from this file in the sources
 * (src/node/server) or compiled (dist/node/server).
 */
const BUILD_CANDIDATES = ['../../web/dist/', '../../../src/web/dist/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** Paths that are the node's own, never the app's: an unknown one is a JSON 404, not the app's page. */
const NODE_PATHS = /^\/(v1|link|healthz|readyz)(\/|$)/;

// The app loads nothing from outside its node (it must work offline); the browser is told so.
const CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export function webAppBuild(): string | null {
  return BUILD_CANDIDATES.find((dir) => existsSync(`${dir}index.html`)) ?? null;
}

/**
 * Serves the browser app to this side at `/`, if it has been built: its files as they are
 * (hashed assets cached for good), and its index page for every other GET, so an app address
 * such as /links/beijing can be opened or reloaded. The API's routes are matched first: a
 * wildcard route never wins over a named one.
 */
export async function registerWebApp(app: FastifyInstance, root: string | null = webAppBuild()): Promise<void> {
  if (root === null) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Vite names every asset by its content hash: a new build has new names, so caching is safe.
    maxAge: '365d',
    immutable: true,
    globIgnore: ['index.html'],
  });
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (NODE_PATHS.test(path) || (path !== '/index.html' && /\.[a-z0-9]+$/i.test(path))) {
      throw new ParleyError('E_NOT_FOUND', `No route GET ${path} on this node.`);
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .sendFile('index.html', { cacheControl: false });
  });
}
