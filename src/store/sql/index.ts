import { withLeaderLockOf } from '../coordination.js';
import type { StoreDialect } from '../store-dialect.js';
import type { Store } from '../store.js';
import { sqlCheckpointStore } from './sql-checkpoint-store.js';
import { sqlContext } from './sql-context.js';
import { sqlFederationStore } from './sql-federation-store.js';
import { sqlLogStore } from './sql-log-store.js';
import { sqlSearchStore } from './sql-search-store.js';
import { sqlSideInternalStore } from './sql-side-internal-store.js';

/** The one implementation of the Store: queries written once over Kysely, for every dialect. */
export function sqlStore(dialect: StoreDialect): Store {
  const ctx = sqlContext(dialect);
  const { coordination } = dialect;
  let closing: Promise<void> | undefined;
  return {
    dialect: dialect.name,
    capabilities: dialect.capabilities,
    ...sqlLogStore(ctx),
    ...sqlCheckpointStore(ctx),
    ...sqlFederationStore(ctx),
    ...sqlSideInternalStore(ctx),
    ...sqlSearchStore(ctx),
    tryAcquireLeadership: (name) => coordination.tryAcquireLeadership(name),
    withLeaderLock: withLeaderLockOf(coordination),
    listen: (channel, onPayload) => coordination.listen(channel, onPayload),
    notify: (channel, payload) => coordination.notify(channel, payload),
    close: () =>
      (closing ??= (async () => {
        try {
          await coordination.close();
        } finally {
          await dialect.destroy();
        }
      })()),
  };
}
