import type { CheckpointStore } from './checkpoint-store.js';
import type { Coordination, StoreCapabilities } from './coordination.js';
import type { FederationStore } from './federation-store.js';
import type { LogStore } from './log-store.js';
import type { SearchStore } from './search-store.js';
import type { SideInternalStore } from './side-internal-store.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

/**
 * Everything a node persists, behind one interface with one implementation per SQL dialect.
 * Node components should depend on the narrow part they use (`LogStore`, `FederationStore`, …),
 * so a test can hand them a small fake.
 *
 * Every method is async; every multi-row write is one transaction. Times are `Date`s, stored as
 * milliseconds since the Unix epoch (UTC) so that both dialects compare them the same way.
 */
export interface Store extends LogStore, CheckpointStore, FederationStore, SideInternalStore, SearchStore, Coordination {
  readonly dialect: DialectName;
  /** Declared by the dialect, never sniffed from the server. */
  readonly capabilities: StoreCapabilities;
  /** Releases leadership, stops listening and closes connections. Idempotent. */
  close(): Promise<void>;
}

export type StoreOptions =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | {
      readonly dialect: 'postgres';
      readonly url: string;
      /** The schema holding Parley's tables (created if missing); default `public`. */
      readonly schema?: string;
    };
