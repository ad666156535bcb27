// The deadline watch over a long-lived record: `npm run build && node bench/due-steps.mjs [--json]`.
// The watch asks what is due (receipts, expiries, overdue messages, escalations) up to ten times a
// second while the record changes, over every message of the link's state. This times one such
// check over states of 1,000 to 100,000 messages, nearly all of them acknowledged long ago (as in a
// record kept for years), with the same 20 open messages in each, and reports the cost per message.
// Timings are measured here, never asserted in tests.
import { dueSteps } from '../dist/node/mechanism/due-steps.js';
import { emptyState } from '../dist/node/mechanism/mechanism-state.js';

const JSON_OUT = process.argv.includes('--json');
const SIZES = [1_000, 10_000, 100_000];
const OPEN = 20;
const US = 'US';
const CN = 'CN';
const NOW = '2026-12-01T12:00:00.000Z';

function message(i, status) {
  const from = i % 2 === 0 ? US : CN;
  const sentAt = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  const ackDeadline = new Date(Date.parse(sentAt) + 15 * 60_000).toISOString();
  const acknowledged = status === 'acknowledged';
  return {
    id: `m${i}`, channel: 'dtl', from, to: from === US ? CN : US, precedence: 'ROUTINE', thread: `m${i}`, inReplyTo: null,
    content: { kind: 'text', lang: 'en', text: 'Acknowledge receipt.' }, sentAt, ackDeadline, sentWhileSuspended: false, status,
    receipt: status === 'sent' ? null : { log: 'beijing.parley.example/washington', seq: i, hash: '0'.repeat(64) },
    deliveredAt: status === 'sent' ? null : sentAt, seenAt: acknowledged ? sentAt : null, acknowledgedAt: acknowledged ? ackDeadline : null,
    overdueRecordedAt: null,
  };
}

function stateOf(size) {
  const state = emptyState();
  for (let i = 0; i < size - OPEN; i++) state.messages.set(`m${i}`, message(i, 'acknowledged'));
  // The open ones: the peer's not yet receipted, and ours delivered but unacknowledged past their deadline.
  for (let i = size - OPEN; i < size; i++) state.messages.set(`m${i}`, message(i, i % 2 === 0 ? 'delivered' : 'sent'));
  return state;
}

function timeChecks(state) {
  let due = 0;
  for (let i = 0; i < 20; i++) due = dueSteps(state, US, NOW, 'beijing').length; // warm-up
  const runs = [];
  const until = performance.now() + 1500;
  while (performance.now() < until || runs.length < 10) {
    const started = performance.now();
    due = dueSteps(state, US, NOW, 'beijing').length;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { due, checks: runs.length, p50: runs[Math.floor(runs.length / 2)], p99: runs[Math.floor(runs.length * 0.99)] };
}

const results = SIZES.map((size) => {
  const { due, checks, p50, p99 } = timeChecks(stateOf(size));
  return { messages: size, open: OPEN, due, checks, check_ms_p50: round(p50, 3), check_ms_p99: round(p99, 3), ns_per_message: Math.round((p50 * 1e6) / size) };
});
const first = results[0];
const last = results[results.length - 1];
const report = {
  benchmark: 'due-steps', node: process.version, results,
  // How the check's time grows with the record: 1 would be constant, `last/first messages` linear.
  growth_p50: round(last.check_ms_p50 / first.check_ms_p50, 1), size_ratio: last.messages / first.messages,
  // At CHANGE_SPACING_MS (100 ms) the watch may check ten times a second while the record changes.
  busy_share_at_10_checks_per_s: round((last.check_ms_p50 * 10) / 1000, 4),
};
if (JSON_OUT) console.log(JSON.stringify(report));
else for (const r of results) console.log(`${r.messages} messages: a check takes ${r.check_ms_p50} ms (p99 ${r.check_ms_p99}), ${r.ns_per_message} ns per message, ${r.due} due`);

function round(value, digits) {
  return Number(value.toFixed(digits));
}
