import { z } from 'zod';
import type { JsonValue } from '../json/index.js';
import { unhandled } from './refusal.js';
import { BilingualSchema, IdSchema, InstantSchema, type Bilingual } from './vocabulary.js';

/**
 * Notification templates are DATA, agreed as joint documents: a field schema with an English and
 * a Chinese label for every field, so each side's duty officer reads the same form in their own
 * language and the receiving node can refuse a notification that does not fill it.
 */
export type FieldType = 'text' | 'instant' | 'number' | 'latitude' | 'longitude' | 'choice' | 'group' | 'list';

export interface FieldSpec {
  readonly name: string;
  readonly label: Bilingual;
  readonly type: FieldType;
  readonly required: boolean;
  /** For numbers the range; for text the longest length; for lists the number of items. */
  readonly min?: number;
  readonly max?: number;
  readonly options?: readonly { readonly value: string; readonly label: Bilingual }[];
  /** The fields of a group, or of each item of a list. */
  readonly fields?: readonly FieldSpec[];
}

export interface NotificationTemplate {
  readonly id: string;
  readonly version: number;
  readonly title: Bilingual;
  readonly fields: readonly FieldSpec[];
  readonly rules: {
    /** The instant at this path must be at least this many hours after the notification is sent (launch notices). */
    readonly notice?: { readonly field: string; readonly minHours: number };
    /** A reply is due this many hours after sending (requests for explanation). */
    readonly replyWithinHours?: number;
    /** Pairs of instant paths where the first must not be later than the second (a window's start and end). */
    readonly ordered?: readonly (readonly [string, string])[];
  };
}

export const FieldSpecSchema: z.ZodType<FieldSpec> = z.lazy(() =>
  z.strictObject({
    name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    label: BilingualSchema,
    type: z.enum(['text', 'instant', 'number', 'latitude', 'longitude', 'choice', 'group', 'list']),
    required: z.boolean(),
    min: z.number().optional(),
    max: z.number().optional(),
    options: z.array(z.strictObject({ value: z.string().min(1), label: BilingualSchema })).optional(),
    fields: z.array(FieldSpecSchema).optional(),
  }),
);

export const NotificationTemplateSchema: z.ZodType<NotificationTemplate> = z.strictObject({
  id: IdSchema,
  version: z.number().int().min(1),
  title: BilingualSchema,
  fields: z.array(FieldSpecSchema),
  rules: z.strictObject({
    notice: z.strictObject({ field: z.string(), minHours: z.number().positive() }).optional(),
    replyWithinHours: z.number().positive().optional(),
    ordered: z.array(z.tuple([z.string(), z.string()])).optional(),
  }),
});

export type FieldErrorCode = 'required' | 'unknown' | 'type' | 'range' | 'option' | 'length' | 'order';

/** One thing wrong with one field, said in both languages so either side's officer can fix it. */
export interface FieldError {
  readonly path: string;
  readonly code: FieldErrorCode;
  readonly message: Bilingual;
}

const say: Record<FieldErrorCode, (label: Bilingual, spec?: FieldSpec) => Bilingual> = {
  required: (l) => ({ en: `${l.en} is required.`, zh: `${l.zh}为必填项。` }),
  unknown: (l) => ({ en: `${l.en} is not a field of this template.`, zh: `${l.zh}不是此模板的字段。` }),
  type: (l, s) => ({ en: `${l.en} must be ${TYPE_NAMES[s!.type].en}.`, zh: `${l.zh}必须是${TYPE_NAMES[s!.type].zh}。` }),
  range: (l, s) => ({ en: `${l.en} must be between ${bound(s!).min} and ${bound(s!).max}.`, zh: `${l.zh}必须介于${bound(s!).min}和${bound(s!).max}之间。` }),
  option: (l) => ({ en: `${l.en} must be one of the agreed options.`, zh: `${l.zh}必须是商定的选项之一。` }),
  length: (l, s) => ({ en: `${l.en} allows at most ${s!.max}.`, zh: `${l.zh}最多允许${s!.max}。` }),
  order: (l) => ({ en: `${l.en} must not be later than the end.`, zh: `${l.zh}不得晚于结束时间。` }),
};

const TYPE_NAMES: Record<FieldType, Bilingual> = {
  text: { en: 'text', zh: '文本' }, instant: { en: 'a UTC time like 2023-12-21T13:00:00.000Z', zh: 'UTC时间（如 2023-12-21T13:00:00.000Z）' },
  number: { en: 'a number', zh: '数字' }, latitude: { en: 'a latitude in degrees', zh: '以度为单位的纬度' },
  longitude: { en: 'a longitude in degrees', zh: '以度为单位的经度' }, choice: { en: 'one of the options', zh: '选项之一' },
  group: { en: 'a group of fields', zh: '一组字段' }, list: { en: 'a list', zh: '列表' },
};

function bound(spec: FieldSpec): { min: number; max: number } {
  if (spec.type === 'latitude') return { min: spec.min ?? -90, max: spec.max ?? 90 };
  if (spec.type === 'longitude') return { min: spec.min ?? -180, max: spec.max ?? 180 };
  return { min: spec.min ?? -Infinity, max: spec.max ?? Infinity };
}

const isRecord = (v: unknown): v is Record<string, JsonValue> => v !== null && typeof v === 'object' && !Array.isArray(v);

const GROUP = { type: 'group' } as FieldSpec;
const NOTIFICATION_LABEL: Bilingual = { en: 'The notification', zh: '通报' };

/** Every field problem of `values` against the fields, with dotted paths (`signals.0.means`). */
export function fieldErrors(fields: readonly FieldSpec[], values: unknown): FieldError[] {
  if (!isRecord(values)) return [{ path: '', code: 'type', message: say.type(NOTIFICATION_LABEL, GROUP) }];
  return groupErrors(fields, values, '');
}

function groupErrors(fields: readonly FieldSpec[], values: Record<string, JsonValue>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of Object.keys(values)) {
    if (!fields.some((f) => f.name === name)) errors.push({ path: prefix + name, code: 'unknown', message: say.unknown({ en: name, zh: name }) });
  }
  for (const spec of fields) errors.push(...valueErrors(spec, values[spec.name], prefix + spec.name));
  return errors;
}

function valueErrors(spec: FieldSpec, value: JsonValue | undefined, path: string): FieldError[] {
  const error = (code: FieldErrorCode): FieldError[] => [{ path, code, message: say[code](spec.label, spec) }];
  if (value === undefined || value === null || value === '') return spec.required ? error('required') : [];
  switch (spec.type) {
    case 'text':
      if (typeof value !== 'string') return error('type');
      return spec.max !== undefined && [...value].length > spec.max ? error('length') : [];
    case 'instant':
      return InstantSchema.safeParse(value).success ? [] : error('type');
    case 'number': case 'latitude': case 'longitude': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return error('type');
      const { min, max } = bound(spec);
      return value < min || value > max ? error('range') : [];
    }
    case 'choice':
      if (typeof value !== 'string') return error('type');
      return spec.options?.some((o) => o.value === value) ? [] : error('option');
    case 'group':
      return isRecord(value) ? groupErrors(spec.fields ?? [], value, `${path}.`) : error('type');
    case 'list':
      if (!Array.isArray(value)) return error('type');
      if ((spec.max !== undefined && value.length > spec.max) || value.length < (spec.min ?? 0)) return error('length');
      return value.flatMap((item, i): FieldError[] =>
        isRecord(item) ? groupErrors(spec.fields ?? [], item, `${path}.${i}.`) : [{ path: `${path}.${i}`, code: 'type', message: say.type(spec.label, GROUP) }]);
    default:
      return unhandled(spec.type);
  }
}

/** The spec of the field at a dotted path, for rules that name fields. */
export function fieldAt(fields: readonly FieldSpec[], path: string): FieldSpec | undefined {
  const [head, ...rest] = path.split('.');
  const spec = fields.find((f) => f.name === head);
  return rest.length === 0 || !spec ? spec : fieldAt(spec.fields ?? [], rest.join('.'));
}

export { say as fieldErrorMessage };
