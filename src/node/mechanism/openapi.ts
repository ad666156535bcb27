import { z } from 'zod';
import type { CommandRoute, QueryRoute } from './route-table.js';

/** A route registered on the node, as Fastify reports it. */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

/**
 * Routes described outside the mechanism's tables (docs/protocol.md has the details). Kept here
 * so the document covers every route of the node; a route missing from both is still listed,
 * marked undocumented, and the test on this file names it.
 */
const OTHER_ROUTES: Readonly<Record<string, { summary: string; tag: string }>> = {
  'GET /v1/node': { summary: 'This node\'s identity and public keys (no token)', tag: 'node' },
  'GET /v1/links': { summary: 'Every link\'s state: up/down, backlog, last receipt, trust', tag: 'links' },
  'GET /v1/links/:peer': { summary: 'One link\'s state', tag: 'links' },
  'POST /v1/links/:peer/events': { summary: 'Record a raw event {kind, actor, body} on our log towards the peer', tag: 'links' },
  'GET /v1/links/:peer/events': { summary: 'Read either log of a link (log=own|peer, from, limit)', tag: 'links' },
  'GET /v1/links/:peer/checkpoint': { summary: 'The latest checkpoint of a log as a signed note with its cosignatures', tag: 'links' },
  'GET /v1/links/:peer/proof/inclusion': { summary: 'RFC 9162 inclusion proof', tag: 'links' },
  'GET /v1/links/:peer/proof/consistency': { summary: 'RFC 9162 consistency proof', tag: 'links' },
  'GET /v1/incidents': { summary: 'Incidents: link down, missed link tests, equivocation, expired requests, overdue and escalated messages', tag: 'incidents' },
  'POST /v1/incidents/:id/close': { summary: 'Close an incident once it is dealt with (it stays listed, closed)', tag: 'incidents' },
  'GET /v1/search': { summary: 'Search the record of every link in both languages (q, peer, kind, channel, level, from, to, limit)', tag: 'search' },
  'GET /v1/live': { summary: 'WebSocket of {type: "record", origin, size} hints', tag: 'live' },
  'POST /v1/link/sync': { summary: 'The node-to-node exchange (signed by the peer node, not the operator token)', tag: 'link protocol' },
};

const MECHANISM_PREFIX = '/v1/links/:peer';
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const pathParameters = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } }));
const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const TIME = {
  type: 'object', description: 'A time in UTC and on each side\'s clock',
  properties: { utc: { type: 'string', format: 'date-time' }, local: { type: 'object', additionalProperties: { type: 'object', properties: { zone: { type: 'string' }, text: { type: 'string' } } } } },
};
const ERROR = { type: 'object', required: ['code', 'message', 'hint', 'details'], properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, details: { type: 'object' } } };
const RECORDED = {
  type: 'object', properties: { recorded: { type: 'object', properties: {
    kind: { type: 'string' }, scope: { enum: ['shared', 'internal'] }, log: { type: 'string' }, seq: { type: 'integer' }, hash: { type: 'string' }, ts: { $ref: '#/components/schemas/Time' },
  } } },
};
const errors = { default: { description: 'A refusal with its code (docs/errors.md)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } };

function queryParameters(schema: z.ZodType | null) {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({ name, in: 'query', required: false, schema: jsonSchema(field) }));
}

/** The OpenAPI 3.1 document of this side's API, from the same zod schemas the routes validate with. */
export function openApiDocument(commands: readonly CommandRoute[], queries: readonly QueryRoute[], registered: readonly RegisteredRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (method: string, url: string, operation: Record<string, unknown>) => {
    (paths[toOpenApiPath(url)] ??= {})[method.toLowerCase()] = { ...operation, parameters: [...pathParameters(url), ...((operation.parameters as unknown[]) ?? [])], security: [{ operator: [] }] };
  };
  for (const route of commands) {
    add('POST', MECHANISM_PREFIX + route.path, {
      summary: route.summary, tags: [route.kind.split('.')[0]], 'x-parley-event-kind': route.kind,
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.input) } } },
      responses: { 201: { description: 'Recorded', content: { 'application/json': { schema: RECORDED } } }, ...errors },
    });
  }
  for (const route of queries) {
    add('GET', MECHANISM_PREFIX + route.path, {
      summary: route.summary, tags: [route.path.split('/')[1]], parameters: queryParameters(route.query),
      responses: { 200: { description: 'Every time is given as UTC and both sides\' local date-time (Time)', content: { 'application/json': { schema: { type: ['object', 'array'] } } } }, ...errors },
    });
  }
  for (const { method, url } of registered) {
    if (!url.startsWith('/v1/') || method === 'HEAD' || paths[toOpenApiPath(url)]?.[method.toLowerCase()]) continue;
    const known = OTHER_ROUTES[`${method} ${url}`];
    add(method, url, { summary: known?.summary ?? 'Undocumented', tags: [known?.tag ?? 'undocumented'], ...(known ? {} : { 'x-parley-undocumented': true }), responses: errors });
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Parley node: this side\'s API', version: '1', description: 'Behind Authorization: Bearer <operator token>. Shared steps are signed onto the link\'s record; internal ones stay on this node. See docs/api.md.' },
    paths,
    components: {
      schemas: { Time: TIME, Error: ERROR },
      securitySchemes: { operator: { type: 'http', scheme: 'bearer', description: 'The node\'s operator token (file operator.token)' } },
    },
  };
}
