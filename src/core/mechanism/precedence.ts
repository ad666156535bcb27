import { addMillis, MINUTE } from './instant.js';
import type { AckMinutes, Instant, Precedence } from './vocabulary.js';

/**
 * Default acknowledgement windows (DESIGN §2): FLASH 10 min, IMMEDIATE 30 min, PRIORITY 3 h,
 * ROUTINE 48 h — the last being the Defense Telephone Link's 48-hour reply window. A channel's
 * agreed terms may set any of them differently.
 */
export const DEFAULT_ACK_MINUTES: Readonly<Record<Precedence, number>> = {
  FLASH: 10,
  IMMEDIATE: 30,
  PRIORITY: 3 * 60,
  ROUTINE: 48 * 60,
};

/** The window a message of this precedence has on a channel with these agreed terms, in milliseconds. */
export function ackWindow(terms: AckMinutes, precedence: Precedence): number {
  return (terms[precedence] ?? DEFAULT_ACK_MINUTES[precedence]) * MINUTE;
}

/** When a message sent at `sentAt` must be acknowledged by. */
export function ackDeadline(terms: AckMinutes, precedence: Precedence, sentAt: Instant): Instant {
  return addMillis(sentAt, ackWindow(terms, precedence));
}
