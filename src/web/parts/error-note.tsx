import { useTranslation } from 'react-i18next';
import { UNREACHABLE, type ApiError } from '../api/node-api.js';
import { RefusalLines } from './refusal-lines.js';

/**
 * A refusal from the node: its code, which the node's documentation and logs name too, what to
 * do in the reader's language, and the node's own message. No answer at all is the app's own.
 */
export function ErrorNote({ error }: { readonly error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="error-note" role="alert">
      {error.code === UNREACHABLE ? (
        <><code className="error-code">{error.code}</code> <span>{t('errors.unreachable')}</span></>
      ) : (
        <RefusalLines code={error.code} message={error.message} serverHint={error.hint} />
      )}
    </div>
  );
}
