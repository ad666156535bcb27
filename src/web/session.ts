// Until user accounts exist, a duty officer signs in with the node's operator token. It is kept
// for this tab only (sessionStorage): closing the tab signs out, and no other site can read it.
const KEY = 'parley.operatorToken';

export const savedToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
