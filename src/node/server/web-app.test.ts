import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorReplies } from './error-replies.js';
import { registerWebApp } from './web-app.js';

async function serverWith(root: string | null) {
  const app = Fastify({ logger: false });
  registerErrorReplies(app);
  app.get('/v1/node', async () => ({ name: 'washington' }));
  await registerWebApp(app, root);
  return app;
}

function build(): string {
  const root = mkdtempSync(join(tmpdir(), 'parley-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parley</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  return root;
}

describe('the web app, served by the node', () => {
  it('serves the app at / and at its own addresses, its assets, and leaves the API first', async () => {
    const app = await serverWith(build());
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>Parley</title>');
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await app.inject({ url: '/links/beijing' })).body).toContain('<title>Parley</title>');
    const asset = await app.inject({ url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/v1/node' })).json()).toEqual({ name: 'washington' });
    for (const url of ['/v1/nothing', '/assets/missing.js']) {
      const missing = await app.inject({ url });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'E_NOT_FOUND' });
    }
    await app.close();
  });

  it('serves nothing when the app is not built', async () => {
    const app = await serverWith(null);
    expect((await app.inject({ url: '/' })).json()).toMatchObject({ code: 'E_NOT_FOUND' });
    await app.close();
  });
});
