import type { JsonValue } from '../json/index.js';
import { addMillis, HOUR, millisBetween } from './instant.js';
import { fieldAt, fieldErrorMessage, fieldErrors, type FieldError, type NotificationTemplate } from './notification-template.js';
import { refuse } from './refusal.js';
import type { Instant } from './vocabulary.js';

/**
 * Checking a filled-in notification against its agreed template, and the time rules some
 * templates carry: a launch notice must give the agreed minimum notice, a request for
 * explanation has a reply due (48 h in the agreed text). Refusals list every field problem.
 */
export function valueAt(values: JsonValue | undefined, path: string): JsonValue | undefined {
  return path.split('.').reduce<JsonValue | undefined>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, JsonValue>)[key] : undefined),
    values,
  );
}

/** Field problems, including the template's ordering rules; empty when the form is filled correctly. */
export function notificationErrors(template: NotificationTemplate, values: JsonValue): FieldError[] {
  const errors = fieldErrors(template.fields, values);
  for (const [first, second] of template.rules.ordered ?? []) {
    const a = valueAt(values, first);
    const b = valueAt(values, second);
    const spec = fieldAt(template.fields, first);
    if (typeof a === 'string' && typeof b === 'string' && spec && millisBetween(a, b) < 0 && !errors.some((e) => e.path === first || e.path === second)) {
      errors.push({ path: first, code: 'order', message: fieldErrorMessage.order(spec.label) });
    }
  }
  return errors;
}

/** Refuses a notification that does not fill its template, or that gives less notice than agreed. */
export function checkNotification(template: NotificationTemplate, values: JsonValue, sentAt: Instant): void {
  const errors = notificationErrors(template, values);
  if (errors.length > 0) {
    refuse('E_NOTIFICATION_INVALID', `The ${template.title.en} notification is not filled correctly: ${errors.map((e) => `${e.path}: ${e.message.en}`).join(' ')}`, { template: template.id, errors });
  }
  const notice = template.rules.notice;
  if (notice) {
    const starts = valueAt(values, notice.field) as Instant;
    const given = millisBetween(sentAt, starts);
    if (given < notice.minHours * HOUR) {
      refuse('E_NOTICE_TOO_SHORT', `${template.title.en}: ${notice.minHours} h notice is agreed, but the window starts ${(given / HOUR).toFixed(1)} h after this notice.`, {
        template: template.id, field: notice.field, minHours: notice.minHours, givenHours: given / HOUR,
      });
    }
  }
}

/** When a reply to this notification is due, for templates that call for one. */
export function replyDueAt(template: NotificationTemplate, sentAt: Instant): Instant | null {
  const hours = template.rules.replyWithinHours;
  return hours === undefined ? null : addMillis(sentAt, hours * HOUR);
}
