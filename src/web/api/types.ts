// The shapes this side's API answers with (docs/protocol.md, "This side's API"). Only the fields
// the app reads are listed; the node may send more.

export type LinkState = 'connecting' | 'up' | 'degraded' | 'down' | 'untrusted' | 'standby';

export interface NodeInfo {
  readonly name: string;
  readonly side: string;
  readonly host: string;
  readonly timeZone: string;
}

export interface LinkStatus {
  readonly peer: string;
  readonly url: string;
  readonly trust: string;
  readonly trustReason: string | null;
  readonly state: LinkState;
  readonly since: string;
  readonly lastContact: string | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly failures: number;
  readonly sending: boolean;
  readonly own: { readonly origin: string; readonly size: number; readonly delivered: number; readonly backlog: number; readonly cosigned: number | null };
  readonly peerLog: { readonly origin: string; readonly size: number; readonly cosigned: number | null };
  readonly lastReceipt: { readonly seq: number; readonly upTo: number | null; readonly ts: string } | null;
}

export interface Incident {
  readonly id: number;
  readonly kind: string;
  readonly subject: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly details: Record<string, unknown>;
}

/** One signed event as either log of a link holds it (DESIGN §3). */
export interface RecordEvent {
  readonly v: number;
  readonly log: string;
  readonly seq: number;
  readonly prev: string | null;
  readonly peer: { readonly log: string; readonly seq: number; readonly hash: string } | null;
  readonly ts: string;
  readonly kind: string;
  readonly actor: string;
  readonly body: Record<string, unknown>;
  readonly sig: string;
}

export type LogSide = 'own' | 'peer';

/** What the peer's log opens with: who the other side is and which clock it keeps. */
export interface PeerIdentity {
  readonly node: string;
  readonly side: string;
  readonly timeZone: string;
}

/** A channel of the link as the mechanism presents it (GET /v1/links/:peer/channels). */
export interface LinkChannel {
  readonly id: string;
  readonly medium: string;
  readonly name: { readonly en: string; readonly zh: string };
  readonly level: string;
  readonly ends: readonly { readonly side: string; readonly position: string }[];
  readonly status: 'proposed' | 'active' | 'suspended' | 'closed';
  /** The side that proposed it; the other side agrees. */
  readonly proposedBy: string;
  readonly ackMinutes: Partial<Record<'FLASH' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE', number>>;
}
