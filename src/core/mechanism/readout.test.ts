import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyJointDocumentEvent, contentHash, type JointDocument } from './joint-document.js';
import { applyReadoutEvent, attachReadoutTranslation, publicReadout, type Readout, type ReadoutEvent } from './readout.js';
import { checkQuote, quoteSpan, type Quote } from './readout-quote.js';
import { applyAll, CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';

const draft = (side = CN, text = '双方同意保持沟通。') => step('readout.draft_saved', side, hoursAfter(1), { engagement: 'vtc-2023-12-21', lang: 'zh', text });
const publish = (side = CN, quotes: Quote[] = []) => step('readout.published', side, hoursAfter(2), { engagement: 'vtc-2023-12-21', lang: 'zh', text: '中方强调，美方应尊重中方核心利益。', quotes });
const published = applyReadoutEvent(applyReadoutEvent(null, draft()), publish());
const translation = { of: { log: 'beijing.parley.example/washington', seq: 9, hash: 'd'.repeat(64) }, from: 'zh' as const, lang: 'en' as const, text: 'China stressed…', by: US };

describe('a readout', () => {
  it('is drafted internally, then published once; only the published text is shared', () => {
    expect(publicReadout(applyReadoutEvent(null, draft()))).toBeNull();
    const shared = publicReadout(published)!;
    expect(shared).toMatchObject({ side: CN, status: 'published', published: { text: '中方强调，美方应尊重中方核心利益。' } });
    expect(shared).not.toHaveProperty('draft');
  });

  it('takes translations once published', () => {
    expect(attachReadoutTranslation(published, translation).translations).toEqual([translation]);
  });

  it.each<[string, Readout | null, ReadoutEvent, string]>([
    ['publishing twice', published, publish(), 'E_READOUT_ALREADY_PUBLISHED'],
    ['editing the draft after publishing', published, draft(), 'E_READOUT_ALREADY_PUBLISHED'],
    ['the other side publishing into this readout', applyReadoutEvent(null, draft()), publish(US), 'E_WRONG_SIDE'],
    ['a quote whose span ends before it starts', null, publish(CN, [{ text: 'x', minutes: { document: 'm', version: 1, hash: 'a'.repeat(64) }, start: 4, end: 2 }]), 'E_EVENT_BODY_INVALID'],
  ])('refuses %s, changing nothing', (_name, readout, event, code) => {
    expect(refusalCode(readout, (r) => applyReadoutEvent(r, event))).toBe(code);
  });

  it('refuses translations before publication, or into its own language', () => {
    expect(refusalCode(applyReadoutEvent(null, draft()), (r) => attachReadoutTranslation(r, translation))).toBe('E_READOUT_NOT_PUBLISHED');
    expect(refusalCode(published, (r) => attachReadoutTranslation(r, { ...translation, lang: 'zh' }))).toBe('E_EVENT_BODY_INVALID');
  });

  it('is published at most once whatever the sequence of steps', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ReadoutEvent>(draft(), draft(US), publish(), publish(US)), { maxLength: 12 }), (events) => {
        const { applied } = applyAll<Readout | null, ReadoutEvent>(null, events, applyReadoutEvent);
        expect(applied.filter((e) => e.kind === 'readout.published').length).toBeLessThanOrEqual(1);
        expect(new Set(applied.map((e) => e.side)).size).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('a quote of the agreed minutes', () => {
  const content = { engagement: 'vtc-2023-12-21', lang: 'en' as const, text: 'Both sides agreed 🤝 to keep channels open. 双方同意保持沟通。' };
  const hash = contentHash(content);
  const proposed = applyJointDocumentEvent(null, step('jointdoc.proposed', US, T0, { document: 'minutes', to: CN, type: 'agreed-minutes', title: { en: 'Minutes', zh: '纪要' }, version: 1, content, hash }));
  const agreed: JointDocument = [US, CN].reduce((d, side) => applyJointDocumentEvent(d, step('jointdoc.cosigned', side, T0, { document: 'minutes', version: 1, hash })), proposed);
  const quote = (text: string, start: number, end: number, minutesHash = hash): Quote => ({ text, minutes: { document: 'minutes', version: 1, hash: minutesHash }, start, end });

  it('is verified when its words are exactly the span, counted in characters', () => {
    const span = quoteSpan(agreed, 'to keep channels open')!;
    expect(span).toEqual({ start: 20, end: 41 });
    expect(checkQuote(quote('to keep channels open', span.start, span.end), agreed)).toEqual({ kind: 'verified' });
    const zh = quoteSpan(agreed, '保持沟通')!;
    expect(checkQuote(quote('保持沟通', zh.start, zh.end), agreed)).toEqual({ kind: 'verified' });
  });

  it('is not verified when it changes the words, points outside, or quotes minutes not cosigned', () => {
    expect(checkQuote(quote('to close channels', 20, 37), agreed)).toEqual({ kind: 'text-differs', minutesSay: 'to keep channels ' });
    expect(checkQuote(quote('x', 500, 501), agreed)).toEqual({ kind: 'span-outside-minutes' });
    expect(checkQuote(quote('to keep channels open', 20, 41), proposed)).toEqual({ kind: 'minutes-not-agreed' });
    expect(checkQuote(quote('to keep channels open', 20, 41, 'e'.repeat(64)), agreed)).toEqual({ kind: 'minutes-not-agreed' });
  });
});
