import { z } from 'zod';
import type { MechanismEventKind } from '../../core/index.js';
import type { CommandContext } from './link-commands.js';
import { unknownSubject } from './mechanism-state.js';
import type { ProjectionView } from './link-projection.js';
import type { Presentation } from './present-traffic.js';

/**
 * The mechanism's API as data: each route's path, what it does, the zod schema of its input
 * (derived from the catalogue's body schemas, so the API, the record and the web app check one
 * definition) and the function that acts or answers. Registration and the OpenAPI document are
 * both generated from these tables, so the two cannot drift.
 */
export const ActorSchema = z.string().min(1).max(200).describe('Who on this side takes the step, e.g. washington/duty-officer');

export interface CommandRoute {
  readonly method: 'POST';
  /** Below `/v1/links/:peer`. */
  readonly path: string;
  readonly summary: string;
  readonly kind: MechanismEventKind;
  readonly input: z.ZodType<{ actor: string }>;
  readonly build: (input: Record<string, unknown>, params: Readonly<Record<string, string>>, context: CommandContext) => unknown;
}

export interface QueryContext {
  readonly view: ProjectionView;
  readonly p: Presentation;
}

export interface QueryRoute {
  readonly method: 'GET';
  readonly path: string;
  readonly summary: string;
  readonly query: z.ZodType | null;
  readonly answer: (context: QueryContext, params: Readonly<Record<string, string>>, query: Record<string, unknown>) => unknown;
}

/** A command route; the input schema gets the actor field every command carries. */
export function command<S extends z.ZodObject>(
  kind: MechanismEventKind, path: string, summary: string, input: S,
  build: (input: z.infer<S>, params: Readonly<Record<string, string>>, context: CommandContext) => unknown,
): CommandRoute {
  return { method: 'POST', path, summary, kind, input: z.strictObject({ ...input.shape, actor: ActorSchema }) as never, build: build as CommandRoute['build'] };
}

export function query<S extends z.ZodType | null>(
  path: string, summary: string, schema: S,
  answer: (context: QueryContext, params: Readonly<Record<string, string>>, query: S extends z.ZodType ? z.infer<S> : Record<string, never>) => unknown,
): QueryRoute {
  return { method: 'GET', path, summary, query: schema, answer: answer as QueryRoute['answer'] };
}

/** The thing an id names, or a 404 naming what is missing. */
export const found = <T>(value: T | undefined, what: string, id: string): T => value ?? unknownSubject(what, id);
