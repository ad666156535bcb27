/**
 * A user of this node. Users, sessions and the internal audit log are side-internal:
 * nothing here ever crosses the link (DESIGN §1, §3).
 */
export interface User {
  readonly id: string;
  /** The side this node serves, e.g. `US`. */
  readonly side: string;
  readonly name: string;
  /** e.g. `principal`, `duty-officer`, `interpreter`, `administrator`, `auditor`. */
  readonly role: string;
  /** A password hash in a self-describing format (e.g. scrypt with its parameters); never the password. */
  readonly passwordHash: string;
  readonly createdAt: Date;
}

export interface Session {
  /** A hash of the session token, so a leaked database does not yield usable tokens. */
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/**
 * Users and sessions. The internal audit log is not here: it is a log of role `internal` in
 * the LogStore, so its entries are signed, chained and provable like the shared record.
 */
export interface SideInternalStore {
  /** E_USER_EXISTS if the id or name is taken. */
  createUser(user: User): Promise<User>;
  getUser(id: string): Promise<User | undefined>;
  findUserByName(name: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;

  /** E_USER_UNKNOWN if the user does not exist. */
  createSession(session: Session): Promise<Session>;
  /** The session if it exists and has not expired at `now`. */
  getSession(id: string, now: Date): Promise<Session | undefined>;
  endSession(id: string): Promise<void>;
  forgetExpiredSessions(now: Date): Promise<number>;
}
