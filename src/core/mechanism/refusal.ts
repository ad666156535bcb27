import { ParleyError, type ErrorCode } from '../errors/index.js';

/**
 * Refuse a step. Machines throw rather than return errors so that a refused step cannot be
 * mistaken for a new state; the caller catches one ParleyError and stores nothing.
 */
export function refuse(code: ErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new ParleyError(code, message, details);
}

/** The `never` check of an exhaustive switch (STYLE rule 3): adding an event kind without handling it fails to compile. */
export function unhandled(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** Refuses a step taken by a side that is not a party to the thing. */
export function requireParty(parties: readonly string[], side: string, what: string): void {
  if (!parties.includes(side)) refuse('E_WRONG_SIDE', `${side} is not a party to ${what}.`, { side });
}
