import { ParleyError } from '../../core/index.js';
import type { Session, SideInternalStore, User } from '../side-internal-store.js';
import type { SessionsTable, UsersTable } from './database.js';
import { dateOf, millis } from './rows.js';
import { refusing, type SqlContext } from './sql-context.js';

export function sqlSideInternalStore(ctx: SqlContext): SideInternalStore {
  const { db } = ctx;
  const users = () => db.selectFrom('users').selectAll();

  return {
    async createUser(user) {
      await refusing(
        ctx,
        () =>
          db
            .insertInto('users')
            .values({ id: user.id, side: user.side, name: user.name, role: user.role, password_hash: user.passwordHash, created_at: millis(user.createdAt) })
            .execute(),
        { unique: () => new ParleyError('E_USER_EXISTS', `A user with id "${user.id}" or name "${user.name}" exists.`, { id: user.id, name: user.name }) },
      );
      return user;
    },

    getUser: async (id) => {
      const row = await users().where('id', '=', id).executeTakeFirst();
      return row && userFromRow(row);
    },

    findUserByName: async (name) => {
      const row = await users().where('name', '=', name).executeTakeFirst();
      return row && userFromRow(row);
    },

    listUsers: async () => (await users().orderBy('name').execute()).map(userFromRow),

    async createSession(session) {
      await refusing(
        ctx,
        () =>
          db
            .insertInto('sessions')
            .values({ id: session.id, user_id: session.userId, created_at: millis(session.createdAt), expires_at: millis(session.expiresAt) })
            .execute(),
        { foreignKey: () => new ParleyError('E_USER_UNKNOWN', `No user "${session.userId}" exists.`, { id: session.userId }) },
      );
      return session;
    },

    async getSession(id, now) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', millis(now)).executeTakeFirst();
      return row && sessionFromRow(row);
    },

    async endSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async forgetExpiredSessions(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', millis(now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function userFromRow(row: UsersTable): User {
  return { id: row.id, side: row.side, name: row.name, role: row.role, passwordHash: row.password_hash, createdAt: dateOf(row.created_at) };
}

function sessionFromRow(row: SessionsTable): Session {
  return { id: row.id, userId: row.user_id, createdAt: dateOf(row.created_at), expiresAt: dateOf(row.expires_at) };
}
