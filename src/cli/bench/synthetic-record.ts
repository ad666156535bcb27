import type { JsonObject } from '../../core/index.js';

/** mulberry32: a tiny seeded PRNG, so the same N always yields the same bundle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS_EN = 'request talks channel readout acknowledge notification maritime encounter theater command principal interpreter agenda minutes resumption suspension precedence deadline receipt escalation position closest approach signals exchanged launch notice'.split(' ');
const WORDS_ZH = '请求 会谈 渠道 通报 确认 海上 相遇 战区 司令部 首长 翻译 议程 纪要 恢复 暂停 优先级 期限 回执 升级 位置 最近距离 信号 发射 通知'.split(' ');
const KINDS = ['message.sent', 'message.receipt', 'message.acknowledged', 'notification.sent', 'request.sent', 'request.answered', 'link.test', 'readout.published'];
const PRECEDENCE = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];

/** Words drawn at random, each followed by a space, until the text holds `bytes` of UTF-8; then the last space is dropped. */
function text(random: () => number, words: readonly string[], bytes: number): string {
  const drawn: string[] = [];
  // The length is counted as words are added: measuring the growing text each time costs
  // quadratic time (a fresh flat copy of it per word), most of the time a bundle takes to generate.
  for (let length = 0; length < bytes; ) {
    const word = words[Math.floor(random() * words.length)]!;
    drawn.push(word);
    length += Buffer.byteLength(word) + 1;
  }
  return drawn.join(' ');
}

/** A realistic body: 300–2,000 bytes of bilingual message text and a few structured fields. */
export function syntheticBody(random: () => number, n: number): { kind: string; actor: string; body: JsonObject } {
  const size = 300 + Math.floor(random() * 1700);
  const zhShare = Math.floor(size * random() * 0.5);
  return {
    kind: KINDS[n % KINDS.length]!,
    actor: random() < 0.5 ? 'position/duty-officer' : 'position/principal',
    body: {
      channel: `dtl-${1 + (n % 4)}`,
      precedence: PRECEDENCE[n % PRECEDENCE.length]!,
      lang: zhShare > 0 ? 'zh' : 'en',
      text: text(random, WORDS_EN, Math.max(0, size - 160 - zhShare)),
      translation: text(random, WORDS_ZH, zhShare),
      ref: n,
    },
  };
}
