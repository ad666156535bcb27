/** Exit codes of every `parley` command: 0 success, 1 the thing checked is invalid or the work failed, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type CommandResult = (typeof EXIT)[keyof typeof EXIT];
