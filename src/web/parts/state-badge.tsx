import { useTranslation } from 'react-i18next';
import type { LinkState } from '../api/types.js';

/** The link's state in words and colour, never colour alone. */
export function StateBadge({ state }: { readonly state: LinkState }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-${state}`}>
      <span className="state-dot" aria-hidden="true" />
      {t(`state.${state}`)}
    </span>
  );
}
