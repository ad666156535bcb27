import { isAbsolute, join, relative } from 'node:path';
import type { DemoNodeFolder } from './demo-folders.js';
import type { DemoSide } from './demo-sides.js';
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

export function formatSetup(folders: readonly DemoNodeFolder[]): string {
  return folders
    .map((f) => `${f.side.label} (${f.side.side}, ${f.side.timeZone}) in ${shown(f.dir)}: ${f.created ? 'set up now, new keys; peer pinned' : 'found from an earlier run, same keys and pins'}`)
    .join('\n') + '\n';
}

export function formatOpening(messages: readonly OpeningMessage[]): string {
  const lines = ['Opening exchange' + (messages.every((m) => !m.recordedNow) ? ' (on the record from the first run; not recorded again):' : ':')];
  for (const m of messages) {
    lines.push(`  ${m.side.label} duty officer, FLASH, ${m.log} #${m.seq}: "${m.text}"`);
    lines.push(`    sent     ${bothSidesTime(m.ts)}`);
    const peer = messages.find((other) => other !== m)?.side.label ?? 'the peer';
    lines.push(`    receipt  ${m.receipt ? `${bothSidesTime(m.receipt.ts)}: ${peer}'s signed receipt #${m.receipt.seq} covers it` : 'none yet'}`);
  }
  return lines.join('\n') + '\n';
}

function formatLink(link: LinkState, peer: DemoSide, peerLink: LinkState): string[] {
  const trust = link.trust === 'trusted' ? '' : ` (${link.trust}: ${link.trustReason ?? 'see GET /v1/incidents'})`;
  const error = link.lastError ? `; last error ${link.lastError.code}` : '';
  const receipt = link.lastReceipt
    ? `#${link.lastReceipt.seq} of ${peer.label}'s log, up to our event #${link.lastReceipt.upTo ?? '-'}, ${bothSidesTime(link.lastReceipt.ts)}`
    : 'none yet';
  return [
    `  link     to ${peer.label}: ${link.state}${trust} since ${bothSidesTime(link.since)}${error}`,
    `  receipt  ${receipt}`,
    `  logs     own ${link.own.origin}: ${count(link.own.size)} events, ${peer.label} holds ${count(peerLink.peerLog.size)}, ` +
      `backlog ${count(link.own.backlog)}, cosigned by ${peer.label} up to ${link.own.cosigned ?? 'none'}`,
    `           copy of ${link.peerLog.origin}: ${count(link.peerLog.size)} events`,
  ];
}

export function formatRunning(sides: readonly RunningSide[]): string {
  const lines: string[] = [];
  for (const { folder, url, link } of sides) {
    const other = sides.find((s) => s.folder !== folder)!;
    lines.push(`${folder.side.label} (${folder.side.side})  ${url}`);
    lines.push(`  config   ${shown(folder.configPath)}`);
    lines.push(`  token    ${tokenFile(folder)}  (this node's API: Authorization: Bearer TOKEN)`);
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
  return [
    'Try it, in another terminal:',
    `  TOKEN=$(cat ${token})`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${us!.url}/v1/links                  # link state: up/down, backlog, last receipt`,
    `  curl -s -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `    -d '${body}' \\`,
    `    ${link}/messages           # a message on the Defense Telephone Link; ${cn!.folder.side.label} receipts it`,
    `  curl -s -H "Authorization: Bearer $TOKEN" '${link}/responsiveness?period=year'   # who asked, who answered, who let requests expire`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${link}/readouts/brown-liu-2023-12    # both readouts of the 21 Dec 2023 VTC, side by side`,
    `  curl -s -H "Authorization: Bearer $TOKEN" ${link}/plan                        # the 2024 plan in force: planned against held`,
    `  curl -s -H "Authorization: Bearer $TOKEN" '${link}/events?log=peer'   # Beijing's log, as Washington holds it`,
    `  curl -s ${us!.url}/api/openapi.json                                    # every route of this side's API`,
    `  npx parley export --config ${shown(us!.folder.configPath)} --out ${out}   # a transcript bundle of both logs (a new folder each time)`,
    `  npx parley verify ${out}`,
    `Live updates: ws://${new URL(us!.url).host}/v1/live?token=$TOKEN. The nodes' own logs: PARLEY_LOG_LEVEL=info npm start.`,
    `Or in a browser: each node serves its side's web app, ${us!.url} for ${us!.folder.side.label} and ${cn!.url} for ${cn!.folder.side.label};`,
    `  sign in with that node's operator token (${token}, ${tokenFile(cn!.folder)}). Every screen is in English and 中文.`,
  ].join('\n') + '\n';
}
