import { describe, expect, it } from 'vitest';
import { applyChannelEvent, type Channel } from './channel.js';
import { applyScopedChannelEvent } from './channel-scope.js';
import { applyEngagementEvent, engagementToSchedule, scheduleEngagement } from './engagement.js';
import { applyRequestEvent, requestToSend, type EngagementRequest } from './engagement-request.js';
import { planProgress, type EngagementPlan } from './engagement-plan.js';
import { applyJointDocumentEvent, contentHash, inForce } from './joint-document.js';
import { applyReadoutEvent, publicReadout } from './readout.js';
import { responsiveness } from './responsiveness.js';
import { CN, step, US } from './testing/fixtures.js';
import type { Level } from './vocabulary.js';

/**
 * The 2022–2024 public record of DESIGN §5, told through the mechanism alone: what the node and
 * the demo will do through the API, checked here without any I/O.
 */
const at = (date: string) => `${date}T00:00:00.000Z`;

function agreedChannel(id: string, level: Level, medium: 'direct-line' | 'secure-vtc' | 'dialogue'): Channel {
  const proposed = applyChannelEvent(null, step('channel.proposed', US, at('2021-01-01'), {
    channel: id, medium, name: { en: id, zh: id }, level, ends: [{ side: US, position: `us-${id}` }, { side: CN, position: `cn-${id}` }], ackMinutes: {},
  }));
  return applyChannelEvent(proposed, step('channel.agreed', CN, at('2021-02-01'), { channel: id }));
}

function ask(id: string, channel: Channel, sent: string, respondBy: string): EngagementRequest {
  const body = requestToSend({
    request: id, to: CN, level: channel.level, format: 'vtc', channel: channel.id,
    options: [{ id: 'o1', start: at('2023-12-21'), end: '2023-12-21T01:30:00.000Z' }], agenda: ['Crisis communication'], respondBy,
  }, channel);
  return applyRequestEvent(null, step('request.sent', US, sent, body));
}

describe('the 2022–2024 record', () => {
  it('suspension, ignored requests, agreed resumption, a VTC at the US request, two readouts, an agreed plan', () => {
    let channels = [agreedChannel('dtl', 'chief-of-staff', 'secure-vtc'), agreedChannel('theater-talks', 'theater', 'dialogue'), agreedChannel('dpct', 'policy', 'dialogue'), agreedChannel('mmca', 'working', 'dialogue')];
    // 5 Aug 2022: China suspends theater-commander talks, DPCT and MMCA in one announcement.
    for (const level of ['theater', 'policy', 'working'] as const) {
      channels = applyScopedChannelEvent(channels, step('channel.suspended', CN, '2022-08-05T08:00:00.000Z', { scope: { kind: 'level', level }, reason: 'Countermeasures after the visit of the Speaker of the US House to Taiwan' }));
    }
    expect(channels.map((c) => c.status)).toEqual(['active', 'suspended', 'suspended', 'suspended']);

    // US requests while suspended: sent, flagged, and left to expire.
    const theater = channels[1]!;
    const ignored = [ask('r-2022-09', theater, at('2022-09-01'), at('2022-09-15')), ask('r-2023-03', theater, at('2023-03-01'), at('2023-03-15'))];
    expect(ignored.every((r) => r.sentWhileSuspended)).toBe(true);

    // Nov 2023 summit: the US proposes resuming everything, China agrees.
    channels = applyScopedChannelEvent(channels, step('channel.resumption_proposed', US, at('2023-11-15'), { scope: { kind: 'all' } }));
    channels = applyScopedChannelEvent(channels, step('channel.resumed', CN, at('2023-11-16'), { scope: { kind: 'all' } }));
    expect(channels.every((c) => c.status === 'active')).toBe(true);

    // 21 Dec 2023: the Brown–Liu VTC, held at the US's request.
    const asked = ask('r-2023-12', channels[0]!, at('2023-12-01'), at('2023-12-10'));
    const accepted = applyRequestEvent(asked, step('request.accepted', CN, at('2023-12-05'), { request: 'r-2023-12', option: 'o1' }));
    let vtc = scheduleEngagement(accepted, step('engagement.scheduled', US, at('2023-12-06'), engagementToSchedule(accepted, 'brown-liu-vtc')));
    vtc = [
      step('engagement.started', US, at('2023-12-21'), { engagement: vtc.id }),
      step('engagement.attended', US, at('2023-12-21'), { engagement: vtc.id, session: null, person: 'Gen. Charles Q. Brown Jr.', position: 'us-dtl' }),
      step('engagement.attended', CN, at('2023-12-21'), { engagement: vtc.id, session: null, person: 'Gen. Liu Zhenli', position: 'cn-dtl' }),
      step('engagement.ended', US, '2023-12-21T01:30:00.000Z', { engagement: vtc.id }),
    ].reduce(applyEngagementEvent, vtc);
    expect(vtc).toMatchObject({ status: 'held', requestedBy: US });

    const readouts = [
      applyReadoutEvent(null, step('readout.published', CN, at('2023-12-22'), { engagement: vtc.id, lang: 'zh', text: '刘振立强调，美方应尊重中方核心利益，台湾问题是中国核心利益中的核心。', quotes: [] })),
      applyReadoutEvent(null, step('readout.published', US, at('2023-12-22'), { engagement: vtc.id, lang: 'en', text: 'General Brown discussed the importance of working together to responsibly manage competition, and of theater-level lines between INDOPACOM and the Eastern and Southern Theater Commands.', quotes: [] })),
    ];
    expect(readouts.map((r) => publicReadout(r)?.side)).toEqual([CN, US]);

    // Jan 2024 DPCT: the next year's plan, in force once both cosign the same text.
    const plan: EngagementPlan = { year: 2024, entries: [{ id: 'mmca-2024', format: 'talks', level: 'working', title: { en: 'MMCA working group', zh: '海上军事安全磋商机制工作小组会议' }, window: { from: at('2024-04-01'), to: at('2024-04-30') } }] };
    const hash = contentHash(plan);
    const doc = [
      step('jointdoc.proposed', US, at('2024-01-09'), { document: 'plan-2024', to: CN, type: 'engagement-plan', title: { en: 'Engagement plan 2024', zh: '2024年交往计划' }, version: 1, content: plan, hash }),
      step('jointdoc.cosigned', US, at('2024-01-10'), { document: 'plan-2024', version: 1, hash }),
      step('jointdoc.cosigned', CN, at('2024-01-10'), { document: 'plan-2024', version: 1, hash }),
    ].reduce(applyJointDocumentEvent, null);
    expect(inForce(doc!)?.hash).toBe(hash);
    expect(planProgress(plan, [{ id: 'mmca-apr', format: 'talks', level: 'working', start: at('2024-04-03'), planEntry: null }], at('2024-05-01')).held).toBe(1);

    // What the record then says about China's answers to US requests.
    const rows = responsiveness([...ignored, accepted], at('2024-01-01'));
    expect(rows.map((r) => [r.side, r.level, r.period, r.asked, r.expiredUnanswered, r.accepted])).toEqual([
      [CN, 'chief-of-staff', '2023', 1, 0, 1],
      [CN, 'theater', '2022', 1, 1, 0],
      [CN, 'theater', '2023', 1, 1, 0],
    ]);
  });
});
