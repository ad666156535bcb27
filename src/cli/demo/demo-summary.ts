import { isAbsolute, join, relative } from 'node:path';
import { t } from '../i18n.js';
import type { DemoNodeFolder } from './demo-folders.js';
import { placeName, type DemoSide } from './demo-sides.js';
import { bothSidesTime } from './local-times.js';
import type { OpeningMessage } from './opening-exchange.js';
import type { LinkState } from './operator-api.js';

/** A path as a newcomer types it: relative to where they are, when it is below it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The file holding a node's operator token, as a newcomer types it. */
const tokenFile = (folder: DemoNodeFolder): string => shown(join(folder.dir, 'operator.token'));

export interface RunningSide {
  readonly folder: DemoNodeFolder;
  readonly url: string;
  readonly link: LinkState;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A state the node's API answers (`up`, `untrusted`, `suspended` …), in the chosen language; one the locale does not know is shown as the API wrote it. */
export const word = (group: string, value: string): string => t(`demo.${group}.${value}`, { defaultValue: value });

export function formatSetup(folders: readonly DemoNodeFolder[]): string {
  return folders
    .map((f) => t('demo.setup.line', { place: placeName(f.side), side: f.side.side, timeZone: f.side.timeZone, dir: shown(f.dir), state: t(f.created ? 'demo.setup.created' : 'demo.setup.found') }))
    .join('\n') + '\n';
}

export function formatOpening(messages: readonly OpeningMessage[]): string {
  const lines = [t(messages.every((m) => !m.recordedNow) ? 'demo.opening.titleAgain' : 'demo.opening.title')];
  for (const m of messages) {
    lines.push(t('demo.opening.message', { place: placeName(m.side), log: m.log, seq: m.seq, text: m.text }));
    lines.push(t('demo.opening.sent', { time: bothSidesTime(m.ts) }));
    const other = messages.find((o) => o !== m);
    const peer = other ? placeName(other.side) : t('demo.thePeer');
    lines.push(m.receipt ? t('demo.opening.receipt', { time: bothSidesTime(m.receipt.ts), peer, seq: m.receipt.seq }) : t('demo.opening.noReceipt'));
  }
  return lines.join('\n') + '\n';
}

function formatLink(link: LinkState, peer: DemoSide, peerLink: LinkState): string[] {
  const name = placeName(peer);
  const trust = link.trust === 'trusted' ? '' : t('demo.link.trust', { trust: word('state', link.trust), reason: link.trustReason ?? t('demo.link.seeIncidents') });
  const error = link.lastError ? t('demo.link.lastError', { code: link.lastError.code }) : '';
  const receipt = link.lastReceipt
    ? t('demo.link.receipt', { peer: name, seq: link.lastReceipt.seq, upTo: link.lastReceipt.upTo ?? '-', time: bothSidesTime(link.lastReceipt.ts) })
    : t('demo.link.noReceipt');
  const cosigned = link.own.cosigned === null ? t('demo.link.notCosigned', { peer: name }) : t('demo.link.cosigned', { peer: name, upTo: link.own.cosigned });
  return [
    t('demo.link.state', { peer: name, state: word('state', link.state), trust, since: bothSidesTime(link.since), error }),
    receipt,
    t('demo.link.ownLog', { origin: link.own.origin, size: count(link.own.size), peer: name, held: count(peerLink.peerLog.size), backlog: count(link.own.backlog), cosigned }),
    t('demo.link.peerLog', { origin: link.peerLog.origin, size: count(link.peerLog.size) }),
  ];
}

export function formatRunning(sides: readonly RunningSide[]): string {
  const lines: string[] = [];
  for (const { folder, url, link } of sides) {
    const other = sides.find((s) => s.folder !== folder)!;
    lines.push(t('demo.running.node', { place: placeName(folder.side), side: folder.side.side, url }));
    lines.push(t('demo.running.config', { path: shown(folder.configPath) }));
    lines.push(t('demo.running.token', { path: tokenFile(folder) }));
    lines.push(...formatLink(link, other.folder.side, other.link));
  }
  return lines.join('\n') + '\n';
}

/** Copy-paste commands for the running demo, against Washington's node. */
export function formatNextSteps(sides: readonly RunningSide[], data: string): string {
  const [us, cn] = sides;
  const token = tokenFile(us!.folder);
  const body = JSON.stringify({
    actor: 'washington/duty-officer', message: 'm-2', channel: 'dtl', precedence: 'ROUTINE',
    content: { kind: 'text', lang: 'en', text: 'Proposing a call next week.' },
  });
  const link = `${us!.url}/v1/links/${cn!.folder.side.name}`;
  const out = shown(join(data, 'export'));
  const [own, peer] = [placeName(us!.folder.side), placeName(cn!.folder.side)];
  return [
    t('demo.next.title'),
    `  TOKEN=$(cat ${token})`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${us!.url}/v1/links                  # ${t('demo.next.links')}`,
    `  curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `    -d '${body}' \\`,
    `    ${link}/messages           # ${t('demo.next.message', { peer })}`,
    `  curl -s -H "Authorization: Bearer $TOKEN" '${link}/responsiveness?period=year'   # ${t('demo.next.responsiveness')}`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${link}/readouts/brown-liu-2023-12    # ${t('demo.next.readouts')}`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${link}/plan                        # ${t('demo.next.plan')}`,
    `  curl -s -H "Authorization: Bearer $TOKEN" '${link}/events?log=peer'   # ${t('demo.next.peerLog', { own, peer })}`,
    `  curl -s ${us!.url}/api/openapi.json                                    # ${t('demo.next.openapi')}`,
    `  npx parley export --config ${shown(us!.folder.configPath)} --out ${out}   # ${t('demo.next.export')}`,
    `  npx parley verify ${out}`,
    t('demo.next.live', { host: new URL(us!.url).host }),
    t('demo.next.browser', { ownUrl: us!.url, own, peerUrl: cn!.url, peer }),
    t('demo.next.signIn', { ownToken: token, peerToken: tokenFile(cn!.folder) }),
  ].join('\n') + '\n';
}
