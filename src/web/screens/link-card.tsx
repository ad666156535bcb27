import { useTranslation } from 'react-i18next';
import type { NodeApi } from '../api/node-api.js';
import type { Incident, LinkStatus, NodeInfo } from '../api/types.js';
import { Moment } from '../parts/moment.js';
import { placeName } from '../parts/places.js';
import { RefusalLines } from '../parts/refusal-lines.js';
import { StateBadge } from '../parts/state-badge.js';
import type { Clock } from '../time/both-clocks.js';
import { LatestMessages } from './latest-messages.js';

export interface LinkCardProps {
  readonly api: NodeApi;
  readonly version: number;
  readonly node: NodeInfo;
  readonly link: LinkStatus;
  readonly peerName: string;
  readonly clocks: readonly Clock[];
  /** The open incident that made the link untrusted, whose code says what the evidence shows. */
  readonly distrust: Incident | undefined;
  readonly onOpen: () => void;
}

/** One link on the watch floor: is it up, since when, what waits for a receipt, what both sides cosigned. */
export function LinkCard({ api, version, node, link, peerName, clocks, distrust, onOpen }: LinkCardProps) {
  const { t } = useTranslation();
  const own = placeName(t, node.name);
  return (
    <article className={`link-card link-${link.state}`} aria-labelledby={`link-${link.peer}`} data-peer={link.peer}>
      <header className="link-card-head">
        <h2 id={`link-${link.peer}`}>{t('floor.linkTitle', { own, peer: peerName })}</h2>
        <StateBadge state={link.state} />
      </header>
      <p className="link-since">
        <span>{t('floor.since')} <Moment iso={link.since} clocks={clocks} /></span>
        <span>{t('floor.lastContact')}: {link.lastContact ? <Moment iso={link.lastContact} clocks={clocks} seconds /> : t('floor.noContact')}</span>
      </p>
      {link.trust !== 'trusted' && (
        <p className="link-warning" role="status">
          {t('floor.untrusted')}
          {/* The reason is the message of the refusal that found the evidence; its code, when the incident names it, says it in the reader's language. */}
          {link.trustReason && (
            <span className="link-warning-reason">
              {typeof distrust?.details.code === 'string' ? <RefusalLines code={distrust.details.code} message={link.trustReason} /> : <span lang="en">{link.trustReason}</span>}
            </span>
          )}
        </p>
      )}
      {link.lastError && link.state !== 'up' && (
        <p className="link-warning"><RefusalLines code={link.lastError.code} message={link.lastError.message} /></p>
      )}
      <dl className="facts">
        <div className={link.own.backlog > 0 ? 'fact fact-attention' : 'fact'}>
          <dt>{t('floor.backlog')}</dt>
          <dd><strong className="fact-number" data-testid="backlog">{link.own.backlog}</strong> {t('floor.backlogText', { count: link.own.backlog, peer: peerName })}</dd>
        </div>
        <div className="fact">
          <dt>{t('floor.lastReceipt')}</dt>
          <dd>
            {link.lastReceipt ? (
              <>
                {t('floor.lastReceiptText', { peer: peerName, seq: link.lastReceipt.seq, upTo: link.lastReceipt.upTo ?? '—' })}
                <br />
                <Moment iso={link.lastReceipt.ts} clocks={clocks} />
              </>
            ) : t('floor.noReceipt')}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('floor.ownLog')}</dt>
          <dd>
            <strong className="fact-number">{link.own.size}</strong> {t('floor.events', { count: link.own.size })}
            <br />
            {t('floor.peerHolds', { peer: peerName, count: link.own.delivered })}
            <br />
            {link.own.cosigned === null ? t('floor.notCosigned') : t('floor.cosignedBy', { by: peerName, size: link.own.cosigned })}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('floor.peerLog', { peer: peerName })}</dt>
          <dd>
            <strong className="fact-number">{link.peerLog.size}</strong> {t('floor.events', { count: link.peerLog.size })}
            <br />
            {link.peerLog.cosigned === null ? t('floor.notCosigned') : t('floor.cosignedBy', { by: own, size: link.peerLog.cosigned })}
          </dd>
        </div>
      </dl>
      <LatestMessages api={api} link={link} version={version} ownName={own} peerName={peerName} clocks={clocks} />
      <div className="link-actions">
        <button type="button" className="primary" onClick={onOpen}>{t('floor.openRecord', { peer: peerName })}</button>
        <span className="link-origin"><code>{link.own.origin}</code></span>
      </div>
    </article>
  );
}
