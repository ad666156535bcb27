import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromUtf8 } from '../../core/index.js';
import { openNode } from '../../node/index.js';
import { runCli } from '../program.js';
import { initNode } from './init-command.js';
import { addPeer } from './peer-command.js';

describe('parley peer trust and peer list', () => {
  it('restores trust only with a reason, puts the decision on the record, and keeps the evidence', async () => {
    const base = mkdtempSync(join(tmpdir(), 'parley-trust-'));
    const us = await initNode({ side: 'US', name: 'washington', data: join(base, 'w') });
    const cn = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'b'), port: 8402 });
    await addPeer(us.configPath, 'http://127.0.0.1:9', cn.witnessKey, cn.logKey);
    let node = await openNode(us.configPath, { logLevel: 'silent' });
    await node.store.setPeerTrust('beijing', 'untrusted', 'beijing signed two checkpoints of size 4', new Date());
    await node.store.openIncident({ kind: 'equivocation', subject: 'beijing', openedAt: new Date(), details: {} });
    await node.stop();

    expect(await runCli(['peer', 'trust', 'beijing', '--reason', 'too short', '--config', us.configPath])).toBe(2);
    expect(await runCli(['peer', 'trust', 'moscow', '--reason', 'reviewed with the other side', '--config', us.configPath])).toBe(2);
    expect(await runCli(['peer', 'trust', 'beijing', '--reason', 'reviewed with the other side by phone', '--as', 'us/admin-1', '--config', us.configPath])).toBe(0);
    expect(await runCli(['peer', 'list', '--config', us.configPath])).toBe(0);

    node = await openNode(us.configPath, { logLevel: 'silent' });
    try {
      expect((await node.store.getPeer('beijing'))?.trust).toBe('trusted');
      expect(await node.store.listIncidents({ open: true })).toEqual([]);
      const [opened, decision] = await node.store.readEvents('washington.parley.example/beijing', 0, 10);
      expect(JSON.parse(fromUtf8(opened!.bytes))).toMatchObject({ seq: 0, kind: 'link.opened', body: { node: 'washington', side: 'US', peer: 'beijing' } });
      expect(JSON.parse(fromUtf8(decision!.bytes))).toMatchObject({ kind: 'link.trust.restored', actor: 'us/admin-1', body: { reason: 'reviewed with the other side by phone', previousReason: 'beijing signed two checkpoints of size 4' } });
    } finally {
      await node.stop();
    }
  });
});
