import { refusalText } from './refusal-text.js';
import { useLanguage } from './use-language.js';

export interface RefusalLinesProps {
  readonly code: string;
  readonly message: string;
  /** The hint the node sent, for a code this app does not know. */
  readonly serverHint?: string | null;
}

/**
 * A refusal's code, what to do about it in the reader's language, and the node's message about
 * this case beneath it. Used wherever the node reports a refusal: an API answer, a link's last
 * error, an incident.
 */
export function RefusalLines({ code, message, serverHint = null }: RefusalLinesProps) {
  const { hint, detail } = refusalText(code, message, serverHint, useLanguage());
  const lead = hint ?? detail;
  return (
    <>
      <code className="error-code">{code}</code>{' '}
      {lead && <span className="error-hint" lang={lead.lang}>{lead.text}</span>}
      {hint && detail && <span className="error-detail" lang={detail.lang}>{detail.text}</span>}
    </>
  );
}
