import { ERROR_CODES, type ErrorCode } from './codes.js';

/**
 * Every refusal is a value with a stable code (see codes.ts). One class with a typed code,
 * rather than one subclass per code, keeps the registry the single place a code is defined;
 * callers branch on `err.code`, which the compiler checks against the registry.
 */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ParleyError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }

  /**
   * A refusal whose message and details are spelled out when first read. For refusals that are
   * often only counted or kept, never shown, and costly to spell out: a schema's list of every
   * field problem, in a fold over a log whose bodies the schema refuses.
   */
  static deferred(code: ErrorCode, spell: () => { readonly message: string; readonly details: Record<string, unknown> }): ParleyError {
    const error = new ParleyError(code, '');
    let spelled: { readonly message: string; readonly details: Record<string, unknown> } | undefined;
    const read = () => (spelled ??= spell());
    Object.defineProperty(error, 'message', { get: () => read().message, configurable: true });
    Object.defineProperty(error, 'details', { get: () => read().details, enumerable: true, configurable: true });
    return error;
  }

  /** What a person can do about it. */
  get hint(): string {
    return ERROR_CODES[this.code].hint;
  }

  toJSON(): { code: ErrorCode; message: string; hint: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

export function isParleyError(value: unknown, code?: ErrorCode): value is ParleyError {
  return value instanceof ParleyError && (code === undefined || value.code === code);
}
