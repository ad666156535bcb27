import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import {
  checkChannel,
  checkLeadershipName,
  checkPayload,
  deliverSafely,
  type DialectCoordination,
  type Leadership,
  type Unlisten,
} from '../coordination.js';

/**
 * SQLite serves one node process, so coordination is in-process: stores opened on the same
 * file within this process share leadership and notifications, which keeps the behaviour of
 * node code (and of the shared tests) the same as on PostgreSQL. Nothing crosses processes,
 * and the dialect declares so (`advisoryLocks: false, notify: false`).
 */
interface SharedFile {
  openStores: number;
  readonly leaders: Set<string>;
  readonly bus: EventEmitter;
}

const files = new Map<string, SharedFile>();

export function sqliteCoordination(path: string): DialectCoordination {
  const key = resolve(path);
  const file = files.get(key) ?? { openStores: 0, leaders: new Set<string>(), bus: new EventEmitter().setMaxListeners(0) };
  file.openStores++;
  files.set(key, file);
  const held = new Set<Leadership>();
  const listening = new Set<Unlisten>();

  return {
    async tryAcquireLeadership(name) {
      checkLeadershipName(name);
      if (file.leaders.has(name)) return null;
      file.leaders.add(name);
      const controller = new AbortController();
      const leadership: Leadership = {
        name,
        signal: controller.signal,
        async release() {
          if (controller.signal.aborted) return;
          file.leaders.delete(name);
          held.delete(leadership);
          controller.abort();
        },
      };
      held.add(leadership);
      return leadership;
    },

    async listen(channel, onPayload) {
      checkChannel(channel);
      const handler = (payload: string) => deliverSafely(channel, onPayload, payload);
      file.bus.on(channel, handler);
      const unlisten: Unlisten = async () => {
        file.bus.off(channel, handler);
        listening.delete(unlisten);
      };
      listening.add(unlisten);
      return unlisten;
    },

    async notify(channel, payload) {
      checkChannel(channel);
      checkPayload(payload);
      // Delivered on a later turn, as PostgreSQL delivers after the notifying statement, so code
      // that works here does not come to rely on synchronous delivery.
      setImmediate(() => file.bus.emit(channel, payload));
    },

    async close() {
      for (const leadership of [...held]) await leadership.release();
      for (const unlisten of [...listening]) await unlisten();
      if (--file.openStores === 0) files.delete(key);
    },
  };
}
