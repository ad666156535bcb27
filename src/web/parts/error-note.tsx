import { useTranslation } from 'react-i18next';
import { UNREACHABLE, type ApiError } from '../api/node-api.js';

/** A refusal as the node stated it: its code and message, which its documentation and logs name too. */
export function ErrorNote({ error }: { readonly error: ApiError }) {
  const { t } = useTranslation();
  return (
    <div className="error-note" role="alert">
      <code className="error-code">{error.code}</code>{' '}
      <span>{error.code === UNREACHABLE ? t('errors.unreachable') : error.message}</span>
      {error.hint && <p className="error-hint">{error.hint}</p>}
    </div>
  );
}
