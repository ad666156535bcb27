import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../json/index.js';
import { checkNotification, notificationErrors, replyDueAt } from './notification.js';
import { NotificationTemplateSchema, type FieldSpec } from './notification-template.js';
import { AIR_MARITIME_ENCOUNTER, EXPLANATION_REQUEST, LAUNCH_NOTICE, MAJOR_MILITARY_ACTIVITY, NOTIFICATION_TEMPLATES } from './notification-templates.js';
import { checkCodeList, renderShortCode, type CodeList } from './short-codes.js';
import { checkMessageContent } from './message-content.js';
import { hoursAfter, refusalCode, T0 } from './testing/fixtures.js';

const encounter = {
  time: T0, domain: 'air', position: { lat: 21.5, lon: 113.2 },
  units: [{ side: 'US', name: 'EP-3E', type: 'Aircraft' }, { side: 'CN', name: 'J-8II', type: 'Fighter' }],
  closestApproach: { metres: 6 },
  signals: [{ time: T0, direction: 'sent', means: 'vhf', signal: 'Keep clear' }],
};
const without = (values: Record<string, JsonValue>, key: string) => Object.fromEntries(Object.entries(values).filter(([k]) => k !== key));
const paths = (values: JsonValue) => notificationErrors(AIR_MARITIME_ENCOUNTER, values).map((e) => [e.path, e.code]);

describe('a notification', () => {
  it('that fills its template is accepted', () => {
    expect(notificationErrors(AIR_MARITIME_ENCOUNTER, encounter)).toEqual([]);
    expect(() => checkNotification(AIR_MARITIME_ENCOUNTER, encounter, T0)).not.toThrow();
  });

  it.each<[string, JsonValue, [string, string][]]>([
    ['a missing required field', without(encounter, 'time'), [['time', 'required']]],
    ['a latitude beyond the pole', { ...encounter, position: { lat: 91, lon: 0 } }, [['position.lat', 'range']]],
    ['a field the template does not have', { ...encounter, weather: 'fog' }, [['weather', 'unknown']]],
    ['an option nobody agreed', { ...encounter, domain: 'space' }, [['domain', 'option']]],
    ['a bad item of a list', { ...encounter, signals: [{ ...encounter.signals[0], means: 'semaphore', time: 'yesterday' }] }, [['signals.0.time', 'type'], ['signals.0.means', 'option']]],
    ['a closest approach given as text', { ...encounter, closestApproach: { metres: 'six' } }, [['closestApproach.metres', 'type']]],
    ['a position given as text', { ...encounter, position: '21N 113E' }, [['position', 'type']]],
    ['a list item that is not a group', { ...encounter, units: [encounter.units[0]!, 'J-8II'] }, [['units.1', 'type']]],
    ['an encounter with one unit', { ...encounter, units: [encounter.units[0]!] }, [['units', 'length']]],
  ])('with %s is refused field by field', (_name, values, expected) => {
    expect(paths(values)).toEqual(expected);
    expect(refusalCode(values, (v) => checkNotification(AIR_MARITIME_ENCOUNTER, v, T0))).toBe('E_NOTIFICATION_INVALID');
  });

  it('says what is wrong in both languages, with the field\'s agreed label', () => {
    expect(notificationErrors(AIR_MARITIME_ENCOUNTER, { ...encounter, position: { lon: 0 } })).toEqual([
      { path: 'position.lat', code: 'required', message: { en: 'Latitude is required.', zh: '纬度为必填项。' } },
    ]);
  });

  it('of a launch gives at least the agreed notice before the window opens', () => {
    const launch = { launch: 'space-launch', launchArea: 'Wenchang', impactArea: 'South China Sea', window: { start: hoursAfter(24), end: hoursAfter(26) } };
    expect(() => checkNotification(LAUNCH_NOTICE, launch, T0)).not.toThrow();
    expect(refusalCode(launch, (v) => checkNotification(LAUNCH_NOTICE, v, hoursAfter(1)))).toBe('E_NOTICE_TOO_SHORT');
    const backwards = { ...launch, window: { start: hoursAfter(30), end: hoursAfter(26) } };
    expect(notificationErrors(LAUNCH_NOTICE, backwards).map((e) => e.path)).toEqual(['window.start']);
  });

  it('asking for an explanation has its reply due 48 hours after sending; others have none', () => {
    expect(replyDueAt(EXPLANATION_REQUEST, T0)).toBe(hoursAfter(48));
    expect(replyDueAt(MAJOR_MILITARY_ACTIVITY, T0)).toBeNull();
  });

  it('templates are valid template documents with a label in both languages for every field', () => {
    const labels = (fields: readonly FieldSpec[]): string[] => fields.flatMap((f) => [f.label.en, f.label.zh, ...labels(f.fields ?? [])]);
    for (const template of NOTIFICATION_TEMPLATES) {
      expect(NotificationTemplateSchema.safeParse(template).success, template.id).toBe(true);
      expect(labels(template.fields).every((l) => l.length > 0)).toBe(true);
    }
  });
});

describe('short codes', () => {
  const list: CodeList = { id: 'dtl-codes', version: 1, codes: [{ code: 'Q7', en: 'Request a call within the hour', zh: '请求一小时内通话' }] };

  it('render the agreed words in both languages', () => {
    expect(renderShortCode(list, 'Q7')).toEqual({ en: 'Request a call within the hour', zh: '请求一小时内通话' });
    expect(refusalCode(list, (l) => renderShortCode(l, 'Q8'))).toBe('E_SHORT_CODE_UNKNOWN');
  });

  it('refuse a list with a code twice or a text missing', () => {
    expect(refusalCode(list, (l) => checkCodeList({ ...l, codes: [...l.codes, ...l.codes] }))).toBe('E_CODE_LIST_INVALID');
    expect(refusalCode(list, (l) => checkCodeList({ ...l, codes: [{ code: 'Q1', en: 'Yes', zh: ' ' }] }))).toBe('E_CODE_LIST_INVALID');
    expect(checkCodeList(list)).toBe(list);
  });
});

describe('the content of a message', () => {
  const agreed = { templates: NOTIFICATION_TEMPLATES, codeLists: [{ id: 'dtl-codes', version: 1, codes: [{ code: 'A1', en: 'Message received', zh: '消息已收到' }] }] };

  it('is checked against the templates and code lists in force', () => {
    expect(checkMessageContent({ kind: 'short-code', list: 'dtl-codes', code: 'A1' }, agreed, T0)).toEqual({ en: 'Message received', zh: '消息已收到' });
    expect(checkMessageContent({ kind: 'notification', template: 'air-maritime-encounter', values: encounter }, agreed, T0)).toBeNull();
    expect(refusalCode(agreed, (a) => checkMessageContent({ kind: 'notification', template: 'unknown', values: {} }, a, T0))).toBe('E_TEMPLATE_UNKNOWN');
    expect(refusalCode(agreed, (a) => checkMessageContent({ kind: 'short-code', list: 'other', code: 'A1' }, a, T0))).toBe('E_SHORT_CODE_UNKNOWN');
    expect(refusalCode(agreed, (a) => checkMessageContent({ kind: 'notification', template: 'air-maritime-encounter', values: {} }, a, T0))).toBe('E_NOTIFICATION_INVALID');
  });
});
