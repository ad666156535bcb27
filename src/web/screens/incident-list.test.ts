import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ESCALATION_LADDER, hintFor } from '../../core/index.js';
import type { Incident } from '../api/types.js';
import { renderedIn, testI18n } from '../testing/test-i18n.js';
import type { Language } from '../i18n-options.js';
import { IncidentList } from './incident-list.js';

const OPENED = '2024-01-09T02:00:00.000Z';
const incident = (id: number, kind: string, subject: string, details: Record<string, unknown>): Incident => ({ id, kind, subject, openedAt: OPENED, closedAt: null, details });

const render = (incidents: readonly Incident[], language: Language) => renderedIn(language, createElement(IncidentList, { incidents, clocksFor: () => [] }));

describe('incidents on the watch floor', () => {
  const evidence = 'The checkpoint of size 9 is not an extension of the checkpoint of size 7 seen before.';
  const incidents = [
    incident(1, 'equivocation', 'beijing', { code: 'E_CHECKPOINT_INCONSISTENT', message: evidence }),
    incident(2, 'link.down', 'beijing', { lastError: { code: 'E_PEER_UNREACHABLE', message: 'connect ECONNREFUSED 127.0.0.1:4002' } }),
    incident(3, 'message.escalated', 'beijing/m-1/principal', { peer: 'beijing', message: 'm-1', step: 'principal' }),
    incident(4, 'link.test.missed', 'beijing#474000', { peer: 'beijing', slot: 474000, hour: '2024-01-27T00:00:00.000Z', reportedBy: 'beijing' }),
  ];

  it('say on a Chinese screen what each is about, from its code and details, with the node\'s own words marked as English', () => {
    const html = render(incidents, 'zh');
    expect(html).toContain(hintFor('E_CHECKPOINT_INCONSISTENT', 'zh'));
    expect(html).toContain(`<span class="error-detail" lang="en">${evidence}</span>`);
    expect(html).toContain(hintFor('E_PEER_UNREACHABLE', 'zh'));
    expect(html).toContain('消息 m-1：已逐级上报至首长');
    expect(html).toContain('由北京报告');
    // Every incident names the link by its peer, whatever its subject is.
    expect(html.match(/与北京的线路/g)).toHaveLength(incidents.length);
    expect(html).not.toContain(hintFor('E_PEER_UNREACHABLE', 'en'));
  });

  it('say the same in English on an English screen', () => {
    const html = render(incidents, 'en');
    expect(html).toContain(hintFor('E_CHECKPOINT_INCONSISTENT', 'en'));
    expect(html).toContain('Message m-1: escalated to the principal');
    expect(html).toContain('Unacknowledged message escalated');
  });

  it('name every rung of the escalation ladder in both languages', () => {
    for (const language of ['en', 'zh'] as const) {
      const i18n = testI18n(language);
      for (const step of ESCALATION_LADDER) expect(i18n.exists(`incidents.step.${step.replace(/-/g, '_')}`), `${language}: ${step}`).toBe(true);
    }
  });
});
