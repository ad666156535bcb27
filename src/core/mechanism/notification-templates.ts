import type { FieldSpec, NotificationTemplate } from './notification-template.js';

/**
 * The four notification templates of DESIGN §2, as a starting text the two sides agree (and may
 * amend) as joint documents. Chinese labels follow the usage of the 1998 MMCA and the 2014
 * MOU on rules of behaviour for air and maritime encounters.
 */
const field = (name: string, en: string, zh: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name, label: { en, zh }, type, required: true, ...extra,
});
const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, required: false });
const choice = (value: string, en: string, zh: string) => ({ value, label: { en, zh } });

const position = (name = 'position', en = 'Position', zh = '位置'): FieldSpec =>
  field(name, en, zh, 'group', { fields: [field('lat', 'Latitude', '纬度', 'latitude'), field('lon', 'Longitude', '经度', 'longitude')] });

export const MAJOR_MILITARY_ACTIVITY: NotificationTemplate = {
  id: 'major-military-activity', version: 1,
  title: { en: 'Notification of a major military activity', zh: '重大军事行动通报' },
  fields: [
    field('activity', 'Type of activity', '行动类型', 'choice', { options: [
      choice('exercise', 'Exercise', '演习'), choice('deployment', 'Deployment', '部署'), choice('transit', 'Transit', '过航'), choice('other', 'Other', '其他'),
    ] }),
    field('area', 'Area', '区域', 'text', { max: 500 }),
    field('start', 'Start', '开始时间', 'instant'),
    field('end', 'End', '结束时间', 'instant'),
    field('forces', 'Forces involved', '参与兵力', 'text', { max: 2000 }),
    optional(field('remarks', 'Remarks', '备注', 'text', { max: 4000 })),
  ],
  rules: { ordered: [['start', 'end']] },
};

export const AIR_MARITIME_ENCOUNTER: NotificationTemplate = {
  id: 'air-maritime-encounter', version: 1,
  title: { en: 'Report of an air or maritime encounter', zh: '海空相遇情况报告' },
  fields: [
    field('time', 'Time of encounter', '相遇时间', 'instant'),
    field('domain', 'Domain', '领域', 'choice', { options: [choice('air', 'Air', '空中'), choice('maritime', 'Maritime', '海上')] }),
    position(),
    field('units', 'Units involved', '涉及单位', 'list', { min: 2, max: 20, fields: [
      field('side', 'Side', '所属方', 'text', { max: 3 }),
      field('name', 'Unit name or hull number', '单位名称或舷号', 'text', { max: 200 }),
      field('type', 'Unit type', '单位类型', 'text', { max: 200 }),
    ] }),
    field('closestApproach', 'Closest approach', '最近距离', 'group', { fields: [
      field('metres', 'Distance in metres', '距离（米）', 'number', { min: 0, max: 1_000_000 }),
      optional(field('time', 'Time of closest approach', '最近距离时间', 'instant')),
    ] }),
    field('signals', 'Signals exchanged (CUES)', '交换的信号（CUES）', 'list', { min: 0, max: 50, required: false, fields: [
      field('time', 'Time', '时间', 'instant'),
      field('direction', 'Direction', '方向', 'choice', { options: [choice('sent', 'Sent', '发出'), choice('received', 'Received', '收到')] }),
      field('means', 'Means', '方式', 'choice', { options: [
        choice('vhf', 'VHF radio', '甚高频无线电'), choice('flag', 'Flag hoist', '旗号'), choice('light', 'Light', '灯光'), choice('sound', 'Sound', '声号'),
      ] }),
      field('signal', 'Signal or message', '信号或信息', 'text', { max: 500 }),
    ] }),
    optional(field('narrative', 'Narrative', '经过描述', 'text', { max: 8000 })),
  ],
  rules: {},
};

export const LAUNCH_NOTICE: NotificationTemplate = {
  id: 'launch-notice', version: 1,
  title: { en: 'Notice of a missile or space launch', zh: '导弹或航天发射通报' },
  fields: [
    field('launch', 'Type of launch', '发射类型', 'choice', { options: [choice('ballistic-missile', 'Ballistic missile', '弹道导弹'), choice('space-launch', 'Space launch vehicle', '航天运载火箭')] }),
    field('launchArea', 'Launch area', '发射区域', 'text', { max: 500 }),
    field('impactArea', 'Impact or splashdown area', '落区', 'text', { max: 500 }),
    field('window', 'Launch window', '发射窗口', 'group', { fields: [field('start', 'Window opens', '窗口开启', 'instant'), field('end', 'Window closes', '窗口关闭', 'instant')] }),
  ],
  // The 1988 Ballistic Missile Launch Notification Agreement asks for no less than 24 hours.
  rules: { notice: { field: 'window.start', minHours: 24 }, ordered: [['window.start', 'window.end']] },
};

export const EXPLANATION_REQUEST: NotificationTemplate = {
  id: 'explanation-request', version: 1,
  title: { en: 'Request for explanation of unusual activity', zh: '关于异常活动的说明请求' },
  fields: [
    field('observedAt', 'Time observed', '观察时间', 'instant'),
    optional(position()),
    field('activity', 'Activity observed', '观察到的活动', 'text', { max: 4000 }),
    field('question', 'Question', '问题', 'text', { max: 4000 }),
  ],
  rules: { replyWithinHours: 48 },
};

export const NOTIFICATION_TEMPLATES: readonly NotificationTemplate[] = [MAJOR_MILITARY_ACTIVITY, AIR_MARITIME_ENCOUNTER, LAUNCH_NOTICE, EXPLANATION_REQUEST];
