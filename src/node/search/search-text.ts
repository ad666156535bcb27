import {
  AgreedMinutesSchema, CodeListSchema, EngagementPlanSchema, isMechanismEventKind, matchingEventBody, NOTIFICATION_TEMPLATES, NotificationTemplateSchema,
  type AgreedForms, type EventBody, type EventRef, type FieldSpec, type JsonValue, type Language, type MechanismEventKind, type MessageContent,
} from '../../core/index.js';

/** What the search index keeps of one record event, besides its log, seq, kind and time. */
export interface SearchFields {
  readonly text: string;
  readonly channel: string | null;
  readonly level: string | null;
  /** The text's language when it is in one; null when bilingual or unknown. */
  readonly lang: Language | null;
  /** For a translation: the event it translates, whose channel and level it shares. */
  readonly translates?: EventRef;
}

/** The agreed forms a text is rendered with; the starting templates when nothing else is known. */
export const STARTING_FORMS: AgreedForms = { templates: NOTIFICATION_TEMPLATES, codeLists: [] };

type Parsed = { [K in MechanismEventKind]: { readonly kind: K; readonly body: EventBody<K> } }[MechanismEventKind];

/**
 * What to index of a record event: its searchable words in whichever languages the record holds
 * them (a short code and a notification's choices in both, through the agreed forms), and the
 * columns a search filters on. Pure. Returns null for what has no words to find: link events
 * (link.*), kinds the mechanism does not know, side-internal kinds (never in a shared log), a
 * body that does not match its kind's schema, and steps that only name a subject (agreed, seen).
 */
export function searchFieldsOf(event: { readonly kind: string; readonly body: unknown }, forms: AgreedForms = STARTING_FORMS): SearchFields | null {
  if (!mayHaveWords(event.kind)) return null;
  const body = matchingEventBody(event.kind, event.body);
  if (body === undefined) return null;
  const fields = fieldsOf({ kind: event.kind, body } as Parsed, forms);
  return fields && fields.text ? fields : null;
}

/** Whether an event of this kind may have words to index; when not, its bytes need not even be parsed. */
export const mayHaveWords = (kind: string): kind is MechanismEventKind => isMechanismEventKind(kind);

const words = (parts: readonly (string | null | undefined)[]): string => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n');

/** Free text with no language field (reasons, agenda items): Chinese if it has more Han characters than Latin letters. */
export function languageOf(text: string): Language | null {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  return han > latin ? 'zh' : 'en';
}

const free = (text: string, channel: string | null = null, level: string | null = null): SearchFields => ({ text, channel, level, lang: languageOf(text) });
const bilingual = (text: string, channel: string | null = null, level: string | null = null): SearchFields => ({ text, channel, level, lang: null });

function fieldsOf(event: Parsed, forms: AgreedForms): SearchFields | null {
  switch (event.kind) {
    case 'position.declared':
      return bilingual(words([event.body.title.en, event.body.title.zh, event.body.holder]), null, event.body.level);
    case 'position.holder_changed':
      return free(words([event.body.holder]));
    case 'channel.proposed':
      return bilingual(words([event.body.name.en, event.body.name.zh]), event.body.channel, event.body.level);
    case 'channel.suspended': {
      const { scope } = event.body;
      return free(event.body.reason, scope.kind === 'channel' ? scope.channel : null, scope.kind === 'level' ? scope.level : null);
    }
    case 'channel.closed':
      return free(event.body.reason, event.body.channel);
    case 'request.sent':
      return free(words(event.body.agenda), event.body.channel, event.body.level);
    case 'request.countered':
      return free(words(event.body.agenda));
    case 'request.declined':
    case 'request.withdrawn':
      return free(event.body.reason);
    case 'message.sent':
      return { ...contentFields(event.body.content, forms), channel: event.body.channel, level: null };
    case 'translation.attached':
      return { text: event.body.text, channel: null, level: null, lang: event.body.lang, translates: event.body.of };
    case 'engagement.scheduled':
      return free(words(event.body.agenda), event.body.channel, event.body.level);
    case 'engagement.session_opened':
      return free(words(event.body.agenda));
    case 'engagement.attended':
      return free(event.body.person);
    case 'engagement.postponed':
    case 'engagement.cancelled':
      return free(event.body.reason);
    case 'readout.published':
      return { text: event.body.text, channel: null, level: null, lang: event.body.lang };
    case 'jointdoc.proposed':
      return jointDocumentFields(event.body);
    case 'counterpart.paired':
    case 'channel.agreed':
    case 'channel.resumption_proposed':
    case 'channel.resumed':
    case 'request.accepted':
    case 'request.expired':
    case 'message.delivered':
    case 'message.seen':
    case 'message.acknowledged':
    case 'message.overdue':
    case 'engagement.started':
    case 'engagement.session_closed':
    case 'engagement.ended':
    case 'engagement.rescheduled':
    case 'jointdoc.cosigned':
      return null;
    // Side-internal work: never signed into a shared log, so never indexed from one.
    case 'request.note_added':
    case 'message.escalated':
    case 'engagement.note_added':
    case 'readout.draft_saved':
    case 'jointdoc.draft_saved':
      return null;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function contentFields(content: MessageContent, forms: AgreedForms): Pick<SearchFields, 'text' | 'lang'> {
  switch (content.kind) {
    case 'text':
      return { text: content.text, lang: content.lang };
    case 'short-code': {
      const entry = forms.codeLists.find((l) => l.id === content.list)?.codes.find((c) => c.code === content.code);
      return { text: words([content.code, entry?.en, entry?.zh]), lang: null };
    }
    case 'notification': {
      const template = forms.templates.find((t) => t.id === content.template);
      const labels = template ? choiceLabels(template.fields, content.values) : [];
      return { text: words([template?.title.en, template?.title.zh, ...labels, ...scalars(content.values)]), lang: null };
    }
    default: {
      const unknown: never = content;
      return unknown;
    }
  }
}

/** Every string and number in a notification's values, in order. */
function scalars(value: JsonValue | Record<string, JsonValue>): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (value === null || typeof value === 'boolean') return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap(scalars);
}

/** The agreed labels, in both languages, of the choices made in a notification (`exercise` is also 演习). */
function choiceLabels(fields: readonly FieldSpec[], values: unknown): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return [];
  const record = values as Record<string, unknown>;
  return fields.flatMap((field) => {
    const value = record[field.name];
    if (field.type === 'choice') {
      const option = field.options?.find((o) => o.value === value);
      return option ? [option.label.en, option.label.zh] : [];
    }
    if (field.type === 'group') return choiceLabels(field.fields ?? [], value);
    if (field.type === 'list' && Array.isArray(value)) return value.flatMap((item) => choiceLabels(field.fields ?? [], item));
    return [];
  });
}

/** A joint document's title in both languages, and the words of contents people look for. */
function jointDocumentFields(body: EventBody<'jointdoc.proposed'>): SearchFields {
  const title = [body.title.en, body.title.zh];
  switch (body.type) {
    case 'agreed-minutes': {
      const minutes = AgreedMinutesSchema.safeParse(body.content);
      return bilingual(words([...title, minutes.success ? minutes.data.text : null]));
    }
    case 'code-list': {
      const list = CodeListSchema.safeParse(body.content);
      return bilingual(words([...title, ...(list.success ? list.data.codes.flatMap((c) => [c.code, c.en, c.zh]) : [])]));
    }
    case 'engagement-plan': {
      const plan = EngagementPlanSchema.safeParse(body.content);
      return bilingual(words([...title, ...(plan.success ? plan.data.entries.flatMap((e) => [e.title.en, e.title.zh]) : [])]));
    }
    case 'notification-template': {
      const template = NotificationTemplateSchema.safeParse(body.content);
      return bilingual(words([...title, ...(template.success ? [template.data.title.en, template.data.title.zh] : [])]));
    }
    case 'channel-terms':
      return bilingual(words(title));
    default: {
      const unknown: never = body.type;
      return unknown;
    }
  }
}
