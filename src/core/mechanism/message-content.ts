import type { EventBody } from './event-catalogue.js';
import { checkNotification } from './notification.js';
import type { NotificationTemplate } from './notification-template.js';
import { refuse, unhandled } from './refusal.js';
import { renderShortCode, type CodeList } from './short-codes.js';
import type { Bilingual, Instant } from './vocabulary.js';

export type MessageContent = EventBody<'message.sent'>['content'];

/** The joint documents in force that a message's content is checked against. */
export interface AgreedForms {
  readonly templates: readonly NotificationTemplate[];
  readonly codeLists: readonly CodeList[];
}

/**
 * Checks what a message carries before it is sent, and again when it is received: a short code
 * must be in an agreed list and a notification must fill an agreed template, so neither node
 * records a form the other cannot read. Returns the short code's words, for display.
 */
export function checkMessageContent(content: MessageContent, agreed: AgreedForms, sentAt: Instant): Bilingual | null {
  switch (content.kind) {
    case 'text':
      return null;
    case 'short-code': {
      const list = agreed.codeLists.find((l) => l.id === content.list);
      if (!list) return refuse('E_SHORT_CODE_UNKNOWN', `No agreed code list ${content.list} is in force.`, { list: content.list });
      return renderShortCode(list, content.code);
    }
    case 'notification': {
      const template = agreed.templates.find((t) => t.id === content.template);
      if (!template) return refuse('E_TEMPLATE_UNKNOWN', `No agreed notification template ${content.template} is in force.`, { template: content.template });
      checkNotification(template, content.values, sentAt);
      return null;
    }
    default:
      return unhandled(content);
  }
}
