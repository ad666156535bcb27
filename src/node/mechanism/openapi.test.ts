import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyNode } from '../server/index.js';
import { startNode, writePair } from '../testing/node-pair.js';
import { MECHANISM_COMMANDS } from './register-mechanism.js';

let node: ParleyNode;
let document: { openapi: string; paths: Record<string, Record<string, { summary: string; requestBody?: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required?: string[] } } } }; 'x-parley-undocumented'?: boolean }>> };

beforeAll(async () => {
  node = await startNode((await writePair()).us);
  document = (await (await fetch(`${node.url}/api/openapi.json`)).json()) as typeof document;
}, 30_000);
afterAll(async () => node.stop());

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

describe('the OpenAPI document at /api/openapi.json', () => {
  it('is OpenAPI 3.1 and describes every /v1 route the node registered', () => {
    expect(document.openapi).toBe('3.1.0');
    const registered = node.mechanism.routes.filter((r) => r.url.startsWith('/v1/') && r.method !== 'HEAD');
    expect(registered.length).toBeGreaterThan(MECHANISM_COMMANDS.length);
    for (const { method, url } of registered) {
      const operation = document.paths[openApiPath(url)]?.[method.toLowerCase()];
      expect(operation, `${method} ${url}`).toBeDefined();
      expect(operation!['x-parley-undocumented'], `${method} ${url} has no description`).toBeUndefined();
    }
  });

  it('gives each command the input schema its route validates with, from the catalogue', () => {
    const send = document.paths['/v1/links/{peer}/messages']!.post!;
    const schema = send.requestBody!.content['application/json'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['actor', 'channel', 'content', 'message', 'precedence']);
    expect(schema.properties.precedence).toMatchObject({ enum: ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'] });
    const suspend = document.paths['/v1/links/{peer}/channels/suspension']!.post!;
    expect(suspend.requestBody!.content['application/json'].schema.required?.sort()).toEqual(['actor', 'reason', 'scope']);
  });
});
