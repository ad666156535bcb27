import { useCallback, useMemo, useState } from 'react';
import { NodeApi } from './api/node-api.js';
import { SignIn } from './screens/sign-in.js';
import { Shell } from './screens/shell.js';
import { forgetToken, savedToken, saveToken } from './session.js';

export function App() {
  const [token, setToken] = useState<string | null>(savedToken);
  const api = useMemo(() => (token ? new NodeApi(token) : null), [token]);
  const signIn = useCallback((value: string) => {
    saveToken(value);
    setToken(value);
  }, []);
  const signOut = useCallback(() => {
    forgetToken();
    setToken(null);
  }, []);
  return api ? <Shell api={api} onSignOut={signOut} /> : <SignIn onSignedIn={signIn} />;
}
