/*
 * Text in a terminal is laid out in columns, and a CJK character takes two (East Asian Wide,
 * Unicode Standard Annex #11). From U+2E80 (CJK radicals) up, nearly every character Parley
 * prints is wide; the exceptions it prints are none, so one boundary is enough.
 */
const isWide = (ch: string): boolean => ch.codePointAt(0)! >= 0x2e80;

/** How many terminal columns `text` takes. */
export function columns(text: string): number {
  let used = 0;
  for (const ch of text) used += isWide(ch) ? 2 : 1;
  return used;
}

/** `text`, then spaces up to `width` columns (at least one). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(1, width - columns(text)));
}

/** The opening of a text, as much as fits `width` columns, with … when cut. */
export function opening(text: string, width: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += isWide(ch) ? 2 : 1;
    if (used > width - 1) return out + '…';
    out += ch;
  }
  return out;
}

// Chinese has no spaces between words; a line may break between any two words, found by ICU's
// word segmenter, but not before closing punctuation or after opening punctuation.
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
const CLOSING = new Set('，。；：、）》」』！？');
const OPENING = new Set('（《「『');

const breakable = (before: string, after: string): boolean => {
  const last = [...before].at(-1)!;
  const first = [...after][0]!;
  return (isWide(last) || isWide(first)) && !CLOSING.has(first) && !OPENING.has(last);
};

/** A line cut where it may be broken: at spaces (kept before the piece that follows) and between words of wide characters. */
function pieces(line: string): string[] {
  const out: string[] = [];
  let space = '';
  for (const { segment } of WORDS.segment(line)) {
    if (segment.trim() === '') {
      space += segment;
      continue;
    }
    const last = out.at(-1);
    if (last !== undefined && !space && !breakable(last, segment)) out[out.length - 1] = last + segment;
    else out.push(space + segment);
    space = '';
  }
  return out;
}

/** `text` broken into lines of at most `width` columns where it can be (a longer piece keeps its own line). */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const piece of pieces(line)) {
        if (current && columns(current + piece) > width) {
          lines.push(current);
          current = piece.trimStart();
        } else current += piece;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}
