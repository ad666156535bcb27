// Search latency over ~10,000 indexed events, per dialect: `npm run build && node bench/search-latency.mjs [--events N] [--json]`.
// PostgreSQL from PARLEY_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test), in a schema dropped afterwards.
// Timings are measured here, never asserted in tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../dist/store/index.js';

const args = process.argv.slice(2);
const EVENTS = Number(args[args.indexOf('--events') + 1] || 10_000) || 10_000;
const JSON_OUT = args.includes('--json');
const PG_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = 25;

// Deterministic inputs: a small PRNG (mulberry32) over phrases from the public record.
function prng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const EN = ['the two sides discussed', 'maritime safety', 'crisis communication', 'open lines of communication', 'responsibly manage competition',
  'avoid miscalculation', 'theater-level talks', 'the Taiwan Strait', 'the South China Sea', 'an unsafe intercept', 'request for a call',
  'agenda for the working group', 'closest approach of 120 metres', 'the annual engagement plan', 'acknowledge receipt'];
const ZH = ['双方就', '海上安全', '危机沟通', '保持沟通渠道畅通', '管控分歧', '避免误判', '战区层级对话', '台湾问题', '南海', '不安全拦截',
  '请求通话', '工作小组议程', '最近距离一百二十米', '年度交往计划', '确认收到', '尊重中方核心利益'];
const KINDS = ['message.sent', 'message.sent', 'message.sent', 'readout.published', 'request.sent', 'translation.attached', 'channel.suspended'];
const CHANNELS = ['dtl', 'vtc', 'dpct', 'mmca'];
const LEVELS = ['minister', 'chief-of-staff', 'theater', 'policy', 'working'];

function entries(count, random) {
  const t0 = Date.UTC(2020, 9, 1);
  return Array.from({ length: count }, (_, seq) => {
    const zh = random() < 0.4;
    const words = zh ? ZH : EN;
    const n = 4 + Math.floor(random() * 30);
    const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(zh ? '，' : ', ');
    return {
      seq, kind: KINDS[Math.floor(random() * KINDS.length)], at: new Date(t0 + seq * 3_600_000),
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)], level: LEVELS[Math.floor(random() * LEVELS.length)],
      lang: zh ? 'zh' : 'en', text: `${text}. Event ${seq} 事件 ${seq}`,
    };
  });
}

const QUERIES = [
  { name: 'English word', query: { text: 'Taiwan' } },
  { name: 'English two words', query: { text: 'maritime safety' } },
  { name: 'rare word (one hit)', query: { text: 'Event 4711 事件' } },
  { name: 'Chinese, 4 characters (trigram index)', query: { text: '台湾问题' } },
  { name: 'Chinese, 2 characters (scan)', query: { text: '尊重' } },
  { name: 'word + kind + channel', query: { text: 'Taiwan', kinds: ['message.sent'], channel: 'dtl' } },
  { name: 'word + one month', query: { text: 'Taiwan', from: new Date(Date.UTC(2021, 0, 1)), to: new Date(Date.UTC(2021, 1, 1)) } },
  { name: 'no match', query: { text: 'hypersonic glide vehicle' } },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function run(dialect) {
  let options;
  let cleanup;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'parley-search-bench-'));
    options = { dialect, path: join(dir, 'parley.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `parley_bench_${Date.now().toString(36)}`;
    options = { dialect, url: PG_URL, schema };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    };
  }
  const store = await openStore(options);
  try {
    const origin = 'washington.parley.example/beijing';
    await store.createLog({ origin, role: 'own', peer: 'beijing', createdAt: new Date() });
    const all = entries(EVENTS, prng(7));
    const started = performance.now();
    for (let i = 0; i < all.length; i += 500) await store.indexEvents(origin, all.slice(i, i + 500));
    const indexMs = performance.now() - started;
    const results = [];
    for (const { name, query } of QUERIES) {
      const times = [];
      let hits = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const result = await store.search({ limit: 20, ...query });
        times.push(performance.now() - t);
        hits = result.hits.length;
      }
      times.sort((a, b) => a - b);
      const words = query.text.toLowerCase().split(/\s+/);
      const containing = all.filter((e) => words.every((w) => e.text.toLowerCase().includes(w))).length;
      results.push({ name, containing, hits, medianMs: +percentile(times, 0.5).toFixed(2), p95Ms: +percentile(times, 0.95).toFixed(2) });
    }
    return { dialect, events: EVENTS, indexEventsPerSecond: Math.round(EVENTS / (indexMs / 1000)), queries: results };
  } finally {
    await store.close();
    await cleanup();
  }
}

const report = [];
for (const dialect of ['sqlite', 'postgres']) {
  try {
    report.push(await run(dialect));
  } catch (error) {
    report.push({ dialect, error: error.message });
  }
}
if (JSON_OUT) console.log(JSON.stringify(report, null, 2));
else {
  for (const r of report) {
    if (r.error) { console.log(`${r.dialect}: ${r.error}`); continue; }
    console.log(`${r.dialect}: ${r.events} events indexed at ${r.indexEventsPerSecond}/s; search, limit 20, ${RUNS} runs each:`);
    for (const q of r.queries) console.log(`  ${q.name.padEnd(40)} ${String(q.containing).padStart(5)} rows contain the words, ${String(q.hits).padStart(3)} hits  median ${q.medianMs} ms  p95 ${q.p95Ms} ms`);
  }
}
