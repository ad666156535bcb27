import { afterEach, describe, expect, it } from 'vitest';
import { ackDeadline, toHex, type JsonObject } from '../../core/index.js';
import { openNode, type ParleyNode } from '../server/index.js';
import { eventually, startNode, startPair, TEST_TIMING, writePair } from '../testing/node-pair.js';

const running: ParleyNode[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

const message = (id: string, to: string, lang: 'en' | 'zh', text: string, channel = 'dtl'): JsonObject => {
  const sentAt = new Date().toISOString();
  return {
    message: id, channel, to, precedence: 'FLASH', thread: id, inReplyTo: null,
    content: { kind: 'text', lang, text }, ackDeadline: ackDeadline({}, 'FLASH', sentAt), sentWhileSuspended: false,
  };
};

interface Hit {
  peer: string;
  log: 'own' | 'peer';
  seq: number;
  kind: string;
  ts: string;
  local: Record<string, string>;
  channel: string | null;
  snippet: string;
  event: { kind: string; body: { message?: string } };
}

const search = async (node: ParleyNode, query: string, token = node.operatorToken) => {
  const response = await fetch(`${node.url}/v1/search?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { hits: Hit[]; more: boolean; code?: string } };
};

describe('search over the record between two nodes', () => {
  it('finds a message recorded on Washington by searching on Beijing, in both languages, with its event and both clocks', async () => {
    const { us, cn, usLink, cnLink } = await startPair(running);

    const sent = await usLink.record('message.sent', 'washington/duty-officer', message('m-taiwan', 'CN', 'en', 'Request a call on peace and stability across the Taiwan Strait.'));
    await cnLink.record('message.sent', 'beijing/duty-officer', message('m-zh', 'US', 'zh', '美方要尊重中方核心利益，台湾问题是中国核心利益中的核心。'));

    const [hit] = (await eventually(async () => {
      const { body } = await search(cn, 'q=taiwan+strait');
      return body.hits.length > 0 && body.hits;
    }, 10_000, 'the message indexed on Beijing'))!;
    expect(hit).toMatchObject({ peer: 'washington', log: 'peer', seq: sent.seq, kind: 'message.sent', ts: sent.ts, channel: 'dtl' });
    expect(hit!.event).toMatchObject({ kind: 'message.sent', body: { message: 'm-taiwan' } });
    expect(hit!.snippet).toContain('Taiwan Strait');
    expect(Object.keys(hit!.local).sort()).toEqual(['America/New_York', 'Asia/Shanghai']);

    // Chinese, two characters: Beijing's own message and, once it has arrived, its copy on Washington.
    const own = await search(cn, `q=${encodeURIComponent('台湾')}`);
    expect(own.body.hits.map((h) => [h.log, h.event.body.message])).toEqual([['own', 'm-zh']]);
    const copy = await eventually(async () => (await search(us, `q=${encodeURIComponent('尊重')}&peer=beijing&kind=message.sent`)).body.hits[0], 10_000, 'the Chinese message indexed on Washington');
    expect(copy).toMatchObject({ log: 'peer', peer: 'beijing' });

    // A translation is found under the channel of the message it translates.
    await cnLink.record('translation.attached', 'beijing/interpreter', { of: { log: usLink.ownOrigin, seq: sent.seq, hash: toHex(sent.hash) }, from: 'en', lang: 'zh', text: '请求就台湾海峡和平稳定问题通话。' });
    const translated = await eventually(async () => (await search(cn, `q=${encodeURIComponent('台湾海峡')}&channel=dtl`)).body.hits[0], 10_000, 'the translation indexed');
    expect(translated).toMatchObject({ log: 'own', kind: 'translation.attached', channel: 'dtl' });

    // Filters and refusals.
    expect((await search(cn, 'q=taiwan&kind=translation.attached')).body.hits).toEqual([]);
    expect((await search(cn, `q=taiwan&to=${sent.ts.slice(0, 10)}`)).body.hits).toHaveLength(1);
    expect((await search(cn, `q=taiwan&from=${new Date(Date.parse(sent.ts) + 1).toISOString()}`)).body.hits).toEqual([]);
    expect(await search(cn, 'q=taiwan', 'wrong')).toMatchObject({ status: 401, body: { code: 'E_UNAUTHORIZED' } });
    expect(await search(cn, 'q=')).toMatchObject({ status: 400, body: { code: 'E_REQUEST_MALFORMED' } });
    expect(await search(cn, 'q=taiwan&limit=1000')).toMatchObject({ status: 400, body: { code: 'E_REQUEST_MALFORMED' } });
    expect(await search(cn, 'q=taiwan&peer=moscow')).toMatchObject({ status: 404, body: { code: 'E_PEER_NOT_PINNED' } });
  });

  it('catches up after a restart from where its index stopped', async () => {
    const setup = await writePair();
    const us = await startNode(setup.us);
    running.push(us);
    const usLink = us.links.get('beijing')!.link;
    await usLink.record('message.sent', 'washington/duty-officer', message('m1', 'CN', 'en', 'First call of the year.'));
    await eventually(async () => (await search(us, 'q=first')).body.hits.length === 1, 10_000, 'indexed');
    await us.stop();
    running.splice(0);

    // Recorded by a node that is open but not started, so no indexer runs: found after the next start.
    const idle = await openNode(setup.us.configPath, TEST_TIMING);
    await idle.links.get('beijing')!.link.record('message.sent', 'washington/duty-officer', message('m2', 'CN', 'en', 'Second call of the year.'));
    await idle.stop();
    const third = await startNode(setup.us);
    running.push(third);
    const hits = await eventually(async () => {
      const { body } = await search(third, 'q=call+year');
      return body.hits.length === 2 && body.hits;
    }, 10_000, 'caught up');
    expect(hits.map((h) => h.event.body.message).sort()).toEqual(['m1', 'm2']);
  });
});
