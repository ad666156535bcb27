import type { ReactNode } from 'react';
import type { EventBody, MechanismEventKind } from '../../../core/index.js';
import type { RecordEvent } from '../../api/types.js';

/** How one kind of mechanism event reads: from its body, already checked against the catalogue. */
export type SummaryPart<K extends MechanismEventKind> = (props: { readonly body: EventBody<K>; readonly event: RecordEvent }) => ReactNode;

/** The summaries of a set of kinds, one per kind. */
export type SummaryParts<K extends MechanismEventKind> = { readonly [P in K]: SummaryPart<P> };
