import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, type SearchEntry, type Store } from '../index.js';
import { at, OWN_ORIGIN, ownLog, PEER_ORIGIN, peerLog } from '../testing/factories.js';
import { runsHere, TestStores } from '../testing/test-stores.js';

// The 21 Dec 2023 Brown–Liu VTC as the record holds it: each side's readout, a translation, traffic around it.
const US_READOUT =
  'General Brown discussed the importance of working together to responsibly manage competition, avoid miscalculations, and maintain open and direct lines of communication. He reiterated the importance of a free and open Indo-Pacific and of peace and stability across the Taiwan Strait.';
const CN_READOUT =
  '刘振立表示，中美两军关系要以两国元首共识为引领。美方要尊重中方核心利益和重大关切，台湾问题是中国核心利益中的核心，中国军队将坚定捍卫国家主权、安全和领土完整。';
const CN_READOUT_EN =
  'Liu Zhenli said the US side must respect China\'s core interests and major concerns; the Taiwan question is the core of China\'s core interests.';

const entry = (seq: number, overrides: Partial<SearchEntry> = {}): SearchEntry => ({
  seq, kind: 'message.sent', at: at(seq * 3600), channel: 'dtl', level: 'chief-of-staff', lang: 'en', text: `message ${seq}`, ...overrides,
});

/** Our log: a US readout, messages; the peer's copy: the Chinese readout, its translation, a suspension. */
async function recordWithReadouts(store: Store): Promise<void> {
  await store.createLog(ownLog());
  await store.createLog(peerLog());
  await store.indexEvents(OWN_ORIGIN, [
    entry(1, { text: 'Request for a call between the Chairman and the Chief of the Joint Staff Department.' }),
    entry(2, { kind: 'readout.published', channel: null, text: US_READOUT }),
    entry(3, { text: 'Transit of the Taiwan Strait planned for 0600Z; request acknowledgement.', level: 'theater', channel: 'indopacom-etc' }),
    entry(4, { kind: 'request.sent', channel: 'dpct', level: 'policy', text: 'Agenda: maritime safety; crisis communication' }),
  ]);
  await store.indexEvents(PEER_ORIGIN, [
    entry(5, { kind: 'readout.published', channel: null, lang: 'zh', text: CN_READOUT }),
    entry(6, { kind: 'translation.attached', channel: null, lang: 'en', text: CN_READOUT_EN }),
    entry(7, { kind: 'channel.suspended', channel: null, level: 'theater', lang: null, text: '美方不顾中方强烈反对，佩洛西窜访台湾。' }),
  ]);
}

const found = async (store: Store, text: string, extra: Record<string, unknown> = {}) =>
  (await store.search({ text, limit: 100, ...extra })).hits.map((h) => `${h.origin === OWN_ORIGIN ? 'own' : 'peer'}#${h.seq}`);

for (const dialect of DIALECTS) {
  describe.skipIf(!(await runsHere(dialect)))(`search over the record (${dialect})`, () => {
    const stores = new TestStores(dialect);
    afterEach(() => stores.cleanup());

    it('finds an English word in any case, across both logs, with a snippet around it', async () => {
      const store = await stores.fresh();
      await recordWithReadouts(store);
      expect((await found(store, 'Taiwan')).sort()).toEqual(['own#2', 'own#3', 'peer#6']);
      expect((await found(store, 'taiwan strait')).sort()).toEqual(['own#2', 'own#3']);
      const { hits } = await store.search({ text: 'TAIWAN', limit: 10, origins: [OWN_ORIGIN], kinds: ['readout.published'] });
      expect(hits).toHaveLength(1);
      const [hit] = hits;
      expect(hit).toMatchObject({ origin: OWN_ORIGIN, seq: 2, kind: 'readout.published', at: at(7200), channel: null, level: 'chief-of-staff', lang: 'en' });
      expect(hit!.snippet.startsWith('…')).toBe(true);
      expect(hit!.marks.map((m) => hit!.snippet.slice(m.start, m.end))).toEqual(['Taiwan']);
      expect(hit!.rank).toBeGreaterThan(0);
    });

    it('finds Chinese, which has no spaces: a long word through the trigram index, a two-character word by scanning', async () => {
      const store = await stores.fresh();
      await recordWithReadouts(store);
      expect(await found(store, '台湾问题')).toEqual(['peer#5']);
      expect((await found(store, '台湾')).sort()).toEqual(['peer#5', 'peer#7']);
      expect(await found(store, '尊重')).toEqual(['peer#5']);
      expect(await found(store, '核心利益 尊重')).toEqual(['peer#5']);
      const [hit] = (await store.search({ text: '尊重', limit: 1 })).hits;
      expect(hit!.marks.map((m) => hit!.snippet.slice(m.start, m.end))).toEqual(['尊重']);
      // One character, mixed with English, in either language.
      expect(await found(store, '台 Pelosi')).toEqual([]);
      expect(await found(store, '佩 台湾')).toEqual(['peer#7']);
      expect((await found(store, 'respect')).sort()).toEqual(['peer#6']);
    });

    it('filters by log, kind, channel, level, language and time', async () => {
      const store = await stores.fresh();
      await recordWithReadouts(store);
      expect((await found(store, 'Taiwan', { kinds: ['message.sent', 'translation.attached'] })).sort()).toEqual(['own#3', 'peer#6']);
      expect(await found(store, 'Taiwan', { channel: 'indopacom-etc' })).toEqual(['own#3']);
      expect((await found(store, '台湾', { level: 'theater' })).sort()).toEqual(['peer#7']);
      expect(await found(store, 'Taiwan', { origins: [PEER_ORIGIN] })).toEqual(['peer#6']);
      expect(await found(store, 'Taiwan', { origins: [] })).toEqual([]);
      expect(await found(store, '', { lang: 'zh' })).toEqual(['peer#5']);
      // From is inclusive, to is exclusive: hours 3 to 6.
      expect((await found(store, 'Taiwan', { from: at(3 * 3600), to: at(6 * 3600) })).sort()).toEqual(['own#3']);
      expect((await found(store, 'Taiwan', { from: at(3 * 3600), to: at(6 * 3600 + 1) })).sort()).toEqual(['own#3', 'peer#6']);
      // No words: everything the filters let through, newest first.
      expect(await found(store, '', { level: 'theater' })).toEqual(['peer#7', 'own#3']);
    });

    it('ranks a text about the word above one that mentions it in passing', async () => {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      const filler = 'The two sides reviewed the calendar of exchanges for the coming year in detail. '.repeat(8);
      await store.indexEvents(OWN_ORIGIN, [
        entry(0, { text: `${filler} The Taiwan Strait was mentioned once.` }),
        entry(1, { text: 'Taiwan Strait transit: the Taiwan Strait is international waters; Taiwan Strait notice follows.' }),
        entry(2, { text: 'Nothing about it.' }),
      ]);
      const { hits } = await store.search({ text: 'Taiwan Strait', limit: 10 });
      expect(hits.map((h) => h.seq)).toEqual([1, 0]);
      expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
      expect(hits[0]!.marks).toHaveLength(6);
    });

    it('indexes idempotently, from one process or two, and remembers how far it looked', async () => {
      const store = await stores.fresh();
      const second = await stores.another(store);
      await store.createLog(ownLog());
      expect(await store.searchScanned(OWN_ORIGIN)).toBe(0);
      const entries = [entry(0, { text: 'Taiwan' }), entry(2, { text: 'Taiwan again' })];
      expect(await store.indexEvents(OWN_ORIGIN, entries, 5)).toEqual({ added: 2 });
      const [a, b] = await Promise.all([store.indexEvents(OWN_ORIGIN, entries), second.indexEvents(OWN_ORIGIN, [...entries, entry(5, { text: 'Taiwan thrice' })])]);
      expect(a!.added + b!.added).toBe(1);
      expect(await found(store, 'Taiwan')).toHaveLength(3);
      expect(await store.searchScanned(OWN_ORIGIN)).toBe(6);
      // An older batch arriving late moves nothing back; an empty batch can still record a scan.
      await store.indexEvents(OWN_ORIGIN, entries, 3);
      expect(await store.searchScanned(OWN_ORIGIN)).toBe(6);
      await store.indexEvents(OWN_ORIGIN, [], 9);
      expect(await second.searchScanned(OWN_ORIGIN)).toBe(9);
      await expect(store.indexEvents('nobody.example/none', entries)).rejects.toMatchObject({ code: 'E_LOG_UNKNOWN' });
    });

    it('pages, treats % _ and quotes as text, and refuses a query too large', async () => {
      const store = await stores.fresh();
      await store.createLog(ownLog());
      await store.indexEvents(OWN_ORIGIN, [
        ...Array.from({ length: 25 }, (_, i) => entry(i, { text: `routine report ${i}` })),
        entry(30, { text: 'readiness at 100% of unit a_b' }),
        entry(31, { text: 'readiness at 1000 of unit axb, he said "stand by"' }),
      ]);
      const first = await store.search({ text: 'routine', limit: 10 });
      const third = await store.search({ text: 'routine', limit: 10, offset: 20 });
      expect([first.hits.length, first.more, third.hits.length, third.more]).toEqual([10, true, 5, false]);
      expect(await found(store, '100%')).toEqual(['own#30']);
      expect(await found(store, 'a_b')).toEqual(['own#30']);
      expect(await found(store, '"stand by"')).toEqual(['own#31']);
      expect(await found(store, '"by" he')).toEqual(['own#31']);
      await expect(store.search({ text: 'x', limit: 0 })).rejects.toMatchObject({ code: 'E_SEARCH_QUERY_INVALID' });
      await expect(store.search({ text: 'x', limit: 101 })).rejects.toMatchObject({ code: 'E_SEARCH_QUERY_INVALID' });
      await expect(store.search({ text: 'x', limit: 10, offset: -1 })).rejects.toMatchObject({ code: 'E_SEARCH_QUERY_INVALID' });
      await expect(store.search({ text: 'x'.repeat(201), limit: 10 })).rejects.toMatchObject({ code: 'E_SEARCH_QUERY_INVALID' });
      await expect(store.search({ text: Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), limit: 10 })).rejects.toMatchObject({ code: 'E_SEARCH_QUERY_INVALID' });
    });
  });
}
