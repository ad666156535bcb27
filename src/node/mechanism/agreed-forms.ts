import {
  CodeListSchema, inForce, NOTIFICATION_TEMPLATES, NotificationTemplateSchema, type AgreedForms, type CodeList, type JointDocument, type NotificationTemplate,
} from '../../core/index.js';

/**
 * The notification templates and short-code lists a message is checked against: those in force
 * as joint documents of the link. The four starting templates of DESIGN §2 count as agreed until
 * the two sides cosign a document carrying a template of the same id, which then replaces it:
 * the mechanism is usable from the first day, and every amendment is a cosigned text.
 */
export function agreedForms(documents: Iterable<JointDocument>): AgreedForms {
  const agreedTemplates: NotificationTemplate[] = [];
  const codeLists: CodeList[] = [];
  for (const doc of documents) {
    const content = inForce(doc)?.content;
    if (content === undefined) continue;
    if (doc.type === 'notification-template') {
      const parsed = NotificationTemplateSchema.safeParse(content);
      if (parsed.success) agreedTemplates.push(parsed.data);
    } else if (doc.type === 'code-list') {
      const parsed = CodeListSchema.safeParse(content);
      if (parsed.success) codeLists.push(parsed.data);
    }
  }
  const replaced = new Set(agreedTemplates.map((t) => t.id));
  return { templates: [...NOTIFICATION_TEMPLATES.filter((t) => !replaced.has(t.id)), ...agreedTemplates], codeLists };
}
