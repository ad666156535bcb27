import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAndVerify } from './bundle-check.js';
import { DemoRun } from './demo-run.js';
import { OperatorApi, waitFor } from './operator-api.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the assertions read the API's JSON answers */

let running: DemoRun | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function startDemo(data: string): Promise<{ demo: DemoRun; out: () => string; us: OperatorApi; cn: OperatorApi }> {
  let out = '';
  const demo = new DemoRun({ data, ports: { washington: 0, beijing: 0 }, say: (text) => void (out += text) });
  running = demo;
  await demo.start();
  const [us, cn] = (await demo.running()).map((s) => new OperatorApi(s.url, readFileSync(join(s.folder.dir, 'operator.token'), 'utf8').trim()));
  return { demo, out: () => out, us: us!, cn: cn! };
}

/** Both nodes' answers to `path`, once they agree (the last exchange may still be in flight). */
async function sameOnBoth(us: OperatorApi, cn: OperatorApi, path: string, shared: (body: any) => unknown = (body) => body): Promise<any> {
  let answers: any[] = [];
  const same = await waitFor(async () => {
    answers = await Promise.all([us.read<any>('beijing', path), cn.read<any>('washington', path)]);
    return JSON.stringify(shared(answers[0])) === JSON.stringify(shared(answers[1]));
  }, 10_000);
  expect(same, `${path} on both nodes:\n${JSON.stringify(answers).slice(0, 2000)}`).toBe(true);
  return answers[0];
}

/** The shared steps on a node's logs, without the nodes' own link traffic (receipts, link tests). */
async function mechanismEvents(api: OperatorApi): Promise<string[]> {
  const logs = await Promise.all(['own', 'peer'].map((log) => api.read<{ events: any[] }>('beijing', `/events?log=${log}&limit=1000`)));
  return logs.flatMap(({ events }) => events.filter((e) => !e.kind.startsWith('link.')).map((e) => `${e.log}#${e.seq} ${e.ts} ${e.kind}`));
}

describe('the demo\'s 2020-2024 public record', () => {
  it('is written through the API on two real nodes with its historical times; both nodes show the same record; the bundle verifies; a second run writes nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'parley-demo-history-'));
    const { demo, out, us, cn } = await startDemo(data);

    // The same state on both nodes.
    const channels = await sameOnBoth(us, cn, '/channels');
    expect(channels.map((c: any) => [c.id, c.status, c.proposedBy])).toEqual([
      ['dtl', 'active', 'US'], ['svtc', 'active', 'US'], ['theater-east', 'active', 'US'], ['theater-south', 'active', 'US'], ['dpct', 'active', 'CN'], ['mmca', 'active', 'CN'],
    ]);
    const requests = await sameOnBoth(us, cn, '/requests');
    const expired = requests.filter((r: any) => r.status === 'expired');
    expect(expired.map((r: any) => r.id)).toEqual(['r-2022-08-cjcs', 'r-2022-08-indopacom', 'r-2022-12-dpct', 'r-2023-04-mmca', 'r-2023-08-indopacom']);
    // Each expiry recorded by the asking node's scheduler, on the simulated clock, a minute after the deadline.
    for (const r of expired) {
      expect(r.expiryRecorded).toBe(true);
      const step = r.history.find((h: any) => h.kind === 'request.expired');
      expect(step.side).toBe('US');
      expect(Date.parse(step.at.utc) - Date.parse(r.respondBy.utc)).toBeGreaterThanOrEqual(60_000);
      expect(Date.parse(step.at.utc) - Date.parse(r.respondBy.utc)).toBeLessThan(3_600_000);
    }
    expect(requests.filter((r: any) => r.sentWhileSuspended).map((r: any) => r.id)).toEqual(['r-2022-08-indopacom', 'r-2022-12-dpct', 'r-2023-04-mmca', 'r-2023-08-indopacom']);
    const declined = requests.filter((r: any) => r.status === 'declined');
    expect(declined.map((r: any) => [r.id, r.level])).toEqual([['r-2023-02-secdef', 'minister'], ['r-2023-05-secdef', 'minister']]);
    expect(declined[0].reason).toMatch(/氛围.* \/ The US side's irresponsible/);

    const vtc = await sameOnBoth(us, cn, '/engagements/brown-liu-2023-12');
    expect(vtc).toMatchObject({ status: 'held', requestedBy: 'US', format: 'vtc', level: 'chief-of-staff', channel: 'svtc', start: { utc: '2023-12-21T13:00:00.000Z' } });
    expect(vtc.attendance.map((a: any) => a.person)).toEqual(['Gen. Charles Q. Brown Jr.', '刘振立 (Gen. Liu Zhenli)']);
    const { readouts } = await sameOnBoth(us, cn, '/readouts/brown-liu-2023-12', (r) => r.readouts);
    expect(readouts.CN).toMatchObject({ lang: 'zh', translations: [{ lang: 'en', from: 'zh', by: 'US' }] });
    expect(readouts.CN.text).toMatch(/应约.*尊重.*台湾问题是中国核心利益中的核心/);
    expect(readouts.US).toMatchObject({ lang: 'en', translations: [{ lang: 'zh', from: 'en', by: 'CN' }] });
    expect(readouts.US.text).toMatch(/theater-level lines between US Indo-Pacific Command and the PLA Eastern and Southern Theater Commands/);

    const dpct = await sameOnBoth(us, cn, '/engagements/dpct-2024-01');
    expect(dpct).toMatchObject({ status: 'held', format: 'talks', level: 'policy' });
    expect(dpct.sessions.map((s: any) => s.id)).toEqual(['s1', 's2']);
    const documents = await sameOnBoth(us, cn, '/documents');
    expect(documents.map((d: any) => [d.id, d.type, d.inForce, d.versions[0].cosignedBy])).toEqual([
      ['minutes-dpct-2024-01', 'agreed-minutes', 1, ['US', 'CN']], ['plan-2024', 'engagement-plan', 1, ['US', 'CN']],
    ]);
    const plan = await sameOnBoth(us, cn, '/plan');
    expect(plan).toMatchObject({ document: 'plan-2024', held: 2, pending: 0, missed: 0 });
    expect(plan.entries.map((e: any) => [e.id, e.status, e.engagement])).toEqual([['mmca-2024', 'held', 'mmca-2024-04'], ['theater-south-2024', 'held', 'paparo-wu-2024-09']]);

    // Responsiveness from the record: the US asked; China let five requests expire and declined two, all in 2022-2023.
    const rows = await sameOnBoth(us, cn, '/responsiveness?period=year');
    expect(rows.every((r: any) => r.side === 'CN')).toBe(true);
    const inYears = (years: string[]) => rows.filter((r: any) => years.includes(r.period));
    const total = (list: any[], field: string) => list.reduce((n, r) => n + r[field], 0);
    expect([total(inYears(['2022', '2023']), 'expiredUnanswered'), total(inYears(['2022', '2023']), 'declined')]).toEqual([5, 2]);
    expect(total(inYears(['2020', '2021', '2024']), 'expiredUnanswered') + total(inYears(['2020', '2021', '2024']), 'declined')).toBe(0);
    expect(rows.find((r: any) => r.level === 'theater' && r.period === '2022')).toMatchObject({ asked: 1, accepted: 0, expiredUnanswered: 1 });

    for (const path of ['/positions', '/engagements', '/conflicts']) await sameOnBoth(us, cn, path);
    expect(await us.read('beijing', '/conflicts')).toEqual([]);
    expect(await cn.read('washington', '/conflicts')).toEqual([]);
    // The historical expiries raised incidents in their day; the reconstruction closes them, so the watch floor starts clear.
    expect(await us.incidents()).toEqual([]);
    expect((await us.incidents(false)).filter((i) => i.kind === 'request.expired')).toHaveLength(5);

    // Historical times from each log's first event on; no link test on the simulated clock; the opening exchange on the system clock.
    const { events } = await us.read<{ events: any[] }>('beijing', '/events?log=own&limit=1000');
    expect(events[0]).toMatchObject({ kind: 'link.opened' });
    expect(events[0].ts.slice(0, 10)).toBe('2020-10-01');
    expect(events.filter((e) => e.kind.startsWith('link.test') && e.ts < '2025')).toEqual([]);
    const historical = events.filter((e) => !e.kind.startsWith('link.') && e.kind !== 'message.sent' && e.kind !== 'message.acknowledged' && e.kind !== 'message.delivered');
    expect(historical.every((e) => e.ts < '2024-09-10')).toBe(true);
    expect(historical.filter((e) => e.actor.startsWith('washington/')).every((e) => e.actor.endsWith('(reconstructed from the public record)'))).toBe(true);
    expect(events.find((e) => e.kind === 'message.sent').ts > '2025').toBe(true);

    // The printout says what the record is and summarizes it.
    expect(out()).toMatch(/simulated clock set to each historical date/);
    expect(out()).toMatch(/CN {10}theater {9}2022 {2}1 {6}0 {9}0 {9}1/);
    expect(out()).toMatch(/2023-12-21 13:00:00 UTC \(New York Thu 21 Dec 08:00:00, Beijing Thu 21 Dec 21:00:00\)/);
    expect(out()).toMatch(/Conflicts on the record \(GET \/conflicts\): none\./);

    const before = await mechanismEvents(us);
    await demo.stop();
    const check = await exportAndVerify(demo.folders, join(data, 'demo-bundle'), () => undefined);
    expect(check.report.valid).toBe(true);

    // A second run finds the record and writes nothing of it again.
    const again = await startDemo(data);
    expect(again.out()).not.toMatch(/Writing the 2020-2024 public record/);
    expect(again.out()).toMatch(/not recorded again/);
    expect(again.out()).toMatch(/The 2020-2024 public record, reconstructed/);
    expect(await mechanismEvents(again.us)).toEqual(before);
  }, 300_000);
});
