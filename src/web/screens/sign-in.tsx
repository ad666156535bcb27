import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NodeApi } from '../api/node-api.js';
import type { NodeInfo } from '../api/types.js';
import { ErrorNote } from '../parts/error-note.js';
import { LanguageSwitch } from '../parts/language-switch.js';
import { placeName } from '../parts/places.js';

/**
 * Until user accounts exist, the duty officer signs in with the node's operator token. The
 * token is checked against the API before it is kept; a refusal shows the node's own code.
 */
export function SignIn({ onSignedIn }: { readonly onSignedIn: (token: string) => void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [node, setNode] = useState<NodeInfo | null>(null);

  useEffect(() => {
    // Who this node is needs no token: it says which node the officer is signing in to.
    new NodeApi('').node().then(setNode, () => setNode(null));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const candidate = token.trim();
    try {
      await new NodeApi(candidate).links();
      onSignedIn(candidate);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('E_INTERNAL', String(caught), null, 0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1 className="brand"><span className="brand-mark" aria-hidden="true" />Parley</h1>
          <LanguageSwitch />
        </div>
        <p className="sign-in-node">
          {node ? t('signIn.node', { place: placeName(t, node.name), side: node.side, host: node.host }) : t('signIn.thisNode')}
        </p>
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor="token">{t('signIn.tokenLabel')}</label>
          <input id="token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} required />
          <p className="help" id="token-help">
            {t('signIn.whereBefore')} <code>DATA/operator.token</code> {t('signIn.whereAfter')}
          </p>
          <p className="help">
            {t('signIn.command')} <code>cat DATA/operator.token</code>
          </p>
          <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
            {busy ? t('signIn.checking') : t('signIn.submit')}
          </button>
          {error && <ErrorNote error={error} />}
        </form>
        <p className="help sign-in-note">{t('signIn.session')}</p>
      </div>
    </main>
  );
}
