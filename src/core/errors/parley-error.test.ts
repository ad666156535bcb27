import { describe, expect, it } from 'vitest';
import { isParleyError, ParleyError } from './parley-error.js';

describe('a deferred refusal', () => {
  it('spells out its message and details once, when first read, and reads like any other', () => {
    let spelled = 0;
    const error = ParleyError.deferred('E_EVENT_BODY_INVALID', () => {
      spelled++;
      return { message: 'The body of a message.sent event is invalid: channel: Required.', details: { kind: 'message.sent' } };
    });
    expect(spelled).toBe(0);
    expect(isParleyError(error, 'E_EVENT_BODY_INVALID')).toBe(true);
    expect(error.status).toBe(400);
    expect(error.message).toBe('The body of a message.sent event is invalid: channel: Required.');
    expect(error.details).toEqual({ kind: 'message.sent' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'E_EVENT_BODY_INVALID', message: error.message, details: { kind: 'message.sent' } });
    expect(spelled).toBe(1);
  });
});
