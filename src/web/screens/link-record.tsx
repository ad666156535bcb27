import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeApi } from '../api/node-api.js';
import { useChannels } from '../api/use-channels.js';
import { useLinkRecord } from '../api/use-link-record.js';
import type { Watch } from '../api/use-watch.js';
import { ErrorNote } from '../parts/error-note.js';
import { placeName } from '../parts/places.js';
import { StateBadge } from '../parts/state-badge.js';
import { ChannelPanel } from '../record/channel-panel.js';
import { LogColumn } from '../record/log-column.js';
import { RECEIPT_KIND, receiptsByEvent, receiptUpTo } from '../record/receipts.js';
import { SendMessage } from '../record/send-message.js';
import { RecordNamesContext, type RecordNames } from '../record/summaries/index.js';
import type { Clock } from '../time/both-clocks.js';

export interface LinkRecordProps {
  readonly api: NodeApi;
  readonly watch: Watch;
  readonly peer: string;
  readonly clocks: readonly Clock[];
  readonly peerName: string;
}

/** The record of one link: both logs side by side, newest first, each event beside the receipt that covers it. */
export function LinkRecord({ api, watch, peer, clocks, peerName }: LinkRecordProps) {
  const { t } = useTranslation();
  const link = watch.links?.find((l) => l.peer === peer);
  const record = useLinkRecord(api, link, watch.version);
  const { channels, error: channelError } = useChannels(api, peer, watch.version);
  const ownReceipts = useMemo(() => receiptsByEvent(record.own, record.peer), [record.own, record.peer]);
  const peerReceipts = useMemo(() => receiptsByEvent(record.peer, record.own), [record.own, record.peer]);
  const weReceiptedUpTo = useMemo(() => Math.max(-1, ...record.own.filter((e) => e.kind === RECEIPT_KIND).map(receiptUpTo)), [record.own]);
  const node = watch.node;
  const peerSide = watch.peers[peer]?.side ?? null;
  // The record's sentences name sides by place and channels by their agreed names, as the rest of the screen does.
  const names = useMemo<RecordNames>(() => ({
    clocks,
    sides: { ...(node ? { [node.side]: placeName(t, node.name) } : {}), ...(peerSide ? { [peerSide]: peerName } : {}) },
    channels: channels ?? [],
  }), [clocks, node, peerSide, peerName, channels, t]);

  if (!watch.node || !watch.links) return <p className="loading">{t('common.loading')}</p>;
  if (!link) return <p className="empty">{t('record.noSuchLink', { peer })}</p>;
  const own = placeName(t, watch.node.name);
  // Until a channel is agreed, agreeing one is what the officer needs first; after, it sits below the record.
  const noChannel = channels !== null && !channels.some((c) => c.status === 'active' || c.status === 'suspended');
  const channelPanel = channels && (
    <ChannelPanel api={api} node={watch.node} peer={peer} peerSide={peerSide} peerName={peerName} channels={channels} />
  );
  return (
    <div className="record">
      <div className="record-state">
        <StateBadge state={link.state} />
        <span>{t('record.backlog', { count: link.own.backlog, peer: peerName })}</span>
      </div>
      {noChannel && channelPanel}
      <SendMessage api={api} node={watch.node} link={link} peerName={peerName} clocks={clocks} channels={channels} />
      {channelError && <ErrorNote error={channelError} />}
      {record.error && <ErrorNote error={record.error} />}
      <RecordNamesContext.Provider value={names}>
        <div className="logs">
          <LogColumn
            id="own" title={t('record.ownLog', { own })} origin={link.own.origin} size={link.own.size} events={record.own}
            receipts={ownReceipts} receiptedUpTo={link.own.delivered - 1} receiptBy={peerName} otherName={peerName} clocks={clocks}
          />
          <LogColumn
            id="peer" title={t('record.peerLog', { peer: peerName })} origin={link.peerLog.origin} size={link.peerLog.size} events={record.peer}
            receipts={peerReceipts} receiptedUpTo={weReceiptedUpTo} receiptBy={own} otherName={own} clocks={clocks}
          />
        </div>
      </RecordNamesContext.Provider>
      {record.more && (
        <p className="more"><button type="button" onClick={record.showEarlier}>{t('record.showEarlier')}</button></p>
      )}
      {!noChannel && channelPanel}
    </div>
  );
}
