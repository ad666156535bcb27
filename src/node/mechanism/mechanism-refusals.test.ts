import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/index.js';
import { sameOnBoth, startMechanismPair, type MechanismPair } from './testing/mechanism-pair.js';
import { agreedChannel, dtlProposal, HOUR, inHours, requestOnBoth, signedOfKind, vtcRequest } from './testing/mechanism-steps.js';

/**
 * Every refusal through this side's API, on two real nodes: the named code, and nothing signed
 * (no event of the step's kind on the acting node's link log or internal log). The cases run in
 * order on one pair; the expired request comes last because it moves the shared clock on.
 */
let pair: MechanismPair;

beforeAll(async () => {
  pair = await startMechanismPair();
  const { usApi, cnApi } = pair;
  await agreedChannel(pair);
  await usApi.act('/channels', dtlProposal('dtl-2'));
  await usApi.act('/requests', vtcRequest(pair, 'r-vtc'));
  await usApi.act('/requests', vtcRequest(pair, 'r-open'));
  await requestOnBoth(pair, 'r-vtc');
  await cnApi.act('/requests/r-vtc/accept', { actor: 'beijing/policy', option: 'o1' });
  await requestOnBoth(pair, 'r-vtc', (r) => r.status === 'accepted');
  await usApi.act('/engagements', { actor: 'washington/policy', engagement: 'e-vtc', request: 'r-vtc' });
  await usApi.act('/readouts/e-vtc/publish', { actor: 'washington/press', lang: 'en', text: 'General Brown spoke with General Liu.' });
  await usApi.act('/messages', { actor: 'washington/duty-officer', message: 'm-1', channel: 'dtl', precedence: 'FLASH', content: { kind: 'text', lang: 'en', text: 'Please confirm receipt.' } });
  const plan = { year: 2024, entries: [] };
  await usApi.act('/documents', { actor: 'washington/policy', document: 'plan-2024', type: 'engagement-plan', title: { en: 'Plan 2024', zh: '2024年计划' }, content: plan });
  await sameOnBoth(pair, '/documents', (ds: unknown[]) => ds.length === 1);
  await sameOnBoth(pair, '/messages', (ms: { status: string }[]) => ms.length === 1 && ms[0]!.status === 'delivered');
}, 60_000);

afterAll(async () => pair.stop());

const launch = (startsInHours: number) => ({
  actor: 'washington/duty-officer', message: `launch-${startsInHours}`, channel: 'dtl', precedence: 'IMMEDIATE',
  content: { kind: 'notification', template: 'launch-notice', values: {
    launch: 'space-launch', launchArea: 'Vandenberg', impactArea: 'Pacific', window: { start: inHours(pair, startsInHours), end: inHours(pair, startsInHours + 2) },
  } },
});

interface RefusalCase {
  readonly name: string;
  readonly side: 'us' | 'cn';
  readonly path: string;
  readonly kind: string;
  readonly body: () => unknown;
  readonly code: string;
  readonly prepare?: () => Promise<void>;
  readonly details?: (details: Record<string, unknown>) => void;
}

const CASES: readonly RefusalCase[] = [
  { name: 'agreeing a channel from the proposing side', side: 'us', path: '/channels/dtl-2/agree', kind: 'channel.agreed', body: () => ({ actor: 'washington/policy' }), code: 'E_WRONG_SIDE' },
  { name: 'a message on a channel not yet agreed', side: 'us', path: '/messages', kind: 'message.sent', code: 'E_CHANNEL_NOT_ACTIVE',
    body: () => ({ actor: 'washington/duty-officer', message: 'm-x', channel: 'dtl-2', precedence: 'ROUTINE', content: { kind: 'text', lang: 'en', text: 'x' } }) },
  { name: 'a body of the wrong shape', side: 'us', path: '/messages', kind: 'message.sent', code: 'E_REQUEST_MALFORMED',
    body: () => ({ actor: 'washington/duty-officer', message: 'm-y', channel: 'dtl', precedence: 'URGENT', content: { kind: 'text', lang: 'en', text: 'x' } }) },
  { name: 'a launch notice with too little notice', side: 'us', path: '/messages', kind: 'message.sent', body: () => launch(2), code: 'E_NOTICE_TOO_SHORT' },
  { name: 'a notification that does not fill its template, with field-level errors', side: 'us', path: '/messages', kind: 'message.sent', code: 'E_NOTIFICATION_INVALID',
    body: () => ({ ...launch(48), content: { kind: 'notification', template: 'launch-notice', values: { launch: 'comet' } } }),
    details: (details) => expect((details.errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(['launch', 'launchArea', 'window'])) },
  { name: 'an unknown short code', side: 'us', path: '/messages', kind: 'message.sent', code: 'E_SHORT_CODE_UNKNOWN',
    body: () => ({ actor: 'washington/duty-officer', message: 'm-q', channel: 'dtl', precedence: 'FLASH', content: { kind: 'short-code', list: 'hotline-codes', code: 'Q7' } }) },
  { name: 'acknowledging one\'s own message', side: 'us', path: '/messages/m-1/acknowledge', kind: 'message.acknowledged', body: () => ({ actor: 'washington/duty-officer' }), code: 'E_WRONG_SIDE' },
  { name: 'accepting an option not on the table', side: 'cn', path: '/requests/r-open/accept', kind: 'request.accepted', body: () => ({ actor: 'beijing/policy', option: 'o9' }), code: 'E_REQUEST_OPTION_UNKNOWN' },
  { name: 'answering one\'s own request', side: 'us', path: '/requests/r-open/accept', kind: 'request.accepted', body: () => ({ actor: 'washington/policy', option: 'o1' }), code: 'E_WRONG_SIDE' },
  { name: 'scheduling from a request not accepted', side: 'us', path: '/engagements', kind: 'engagement.scheduled', body: () => ({ actor: 'washington/policy', engagement: 'e-x', request: 'r-open' }), code: 'E_ENGAGEMENT_REQUEST_NOT_ACCEPTED' },
  { name: 'publishing a readout twice', side: 'us', path: '/readouts/e-vtc/publish', kind: 'readout.published', body: () => ({ actor: 'washington/press', lang: 'en', text: 'Again.' }), code: 'E_READOUT_ALREADY_PUBLISHED' },
  { name: 'drafting a readout already published', side: 'us', path: '/readouts/e-vtc/draft', kind: 'readout.draft_saved', body: () => ({ actor: 'washington/press', lang: 'en', text: 'Draft.' }), code: 'E_READOUT_ALREADY_PUBLISHED' },
  { name: 'cosigning a hash that differs from the proposed version', side: 'cn', path: '/documents/plan-2024/cosign', kind: 'jointdoc.cosigned', code: 'E_JOINT_DOC_HASH_MISMATCH',
    body: () => ({ actor: 'beijing/policy', version: 1, hash: contentHash({ year: 2024, entries: [], amended: true }) }) },
  { name: 'cosigning a version that does not exist', side: 'cn', path: '/documents/plan-2024/cosign', kind: 'jointdoc.cosigned', code: 'E_TRANSITION_INVALID',
    body: () => ({ actor: 'beijing/policy', version: 2, hash: contentHash({}) }) },
  { name: 'suspending a level with no channel', side: 'cn', path: '/channels/suspension', kind: 'channel.suspended', code: 'E_SCOPE_EMPTY',
    body: () => ({ actor: 'beijing/mnd', scope: { kind: 'level', level: 'theater' }, reason: 'Countermeasures' }) },
  { name: 'a step on a peer this node has no link with', side: 'us', path: '/channels/dtl/agree', kind: 'channel.agreed', code: 'E_PEER_NOT_PINNED', body: () => ({ actor: 'x' }) },
  { name: 'accepting an expired request', side: 'cn', path: '/requests/r-open/accept', kind: 'request.accepted', body: () => ({ actor: 'beijing/policy', option: 'o1' }), code: 'E_REQUEST_EXPIRED',
    prepare: async () => pair.clock.advance(24 * 31 * HOUR) },
];

describe('refusals through the API', () => {
  for (const refusal of CASES) {
    it(`${refusal.name} → ${refusal.code}, nothing signed`, async () => {
      await refusal.prepare?.();
      const [node, api, peer] = refusal.side === 'us' ? [pair.us, pair.usApi, 'beijing'] : [pair.cn, pair.cnApi, 'washington'];
      const before = await signedOfKind(node, peer, refusal.kind);
      const path = refusal.code === 'E_PEER_NOT_PINNED' ? `/../moscow${refusal.path}` : refusal.path;
      const reply = await api.post(path, refusal.body());
      expect(reply.body.code, JSON.stringify(reply.body)).toBe(refusal.code);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      refusal.details?.(reply.body.details);
      expect(await signedOfKind(node, peer, refusal.kind)).toBe(before);
    });
  }

  it('lets only one of two concurrent publications of the same readout through', async () => {
    const [cn, peer] = [pair.cnApi, 'washington'];
    const before = await signedOfKind(pair.cn, peer, 'readout.published');
    const replies = await Promise.all(['第一稿。', '第二稿。'].map((text) => cn.post('/readouts/e-vtc/publish', { actor: 'beijing/press', lang: 'zh', text })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.find((r) => r.status === 409)!.body.code).toBe('E_READOUT_ALREADY_PUBLISHED');
    expect(await signedOfKind(pair.cn, peer, 'readout.published')).toBe(before + 1);
  });

  it('refuses a caller without the operator token', async () => {
    const reply = await fetch(`${pair.us.url}/v1/links/beijing/channels`);
    expect(((await reply.json()) as { code: string }).code).toBe('E_UNAUTHORIZED');
  });

  it('leaves no conflict on either node: every refused step was refused before signing', async () => {
    expect((await pair.usApi.get('/conflicts')).body).toEqual([]);
    expect((await pair.cnApi.get('/conflicts')).body).toEqual([]);
  });
});
