import { pureCrypto } from '../crypto/index.js';
import { toHex } from '../bytes.js';
import { canonicalBytes, type JsonValue } from '../json/index.js';
import type { MechanismEvent } from './event-catalogue.js';
import { refuse, requireParty, unhandled } from './refusal.js';
import type { Bilingual, Instant, JointDocumentType, Side } from './vocabulary.js';

/**
 * A joint document — agreed minutes, the annual engagement plan, a template, a code list,
 * channel terms — is in force only when BOTH sides have cosigned the same content hash
 * (DESIGN §2). Drafts are exchanged as numbered versions; a newer proposal replaces an unsigned
 * one, and a newly agreed version supersedes the old; nothing is ever removed.
 */
export type VersionStatus = 'proposed' | 'replaced' | 'in-force' | 'superseded';

export interface JointDocumentVersion {
  readonly version: number;
  readonly content: JsonValue;
  /** Lowercase hex SHA-256 of the content's RFC 8785 canonical JSON: what both sides sign. */
  readonly hash: string;
  readonly proposedBy: Side;
  readonly proposedAt: Instant;
  readonly cosignedBy: readonly Side[];
  readonly status: VersionStatus;
  readonly inForceAt: Instant | null;
}

export interface JointDocument {
  readonly id: string;
  readonly type: JointDocumentType;
  readonly title: Bilingual;
  readonly parties: readonly [Side, Side];
  readonly versions: readonly JointDocumentVersion[];
}

export type JointDocumentEvent = MechanismEvent<'jointdoc.proposed' | 'jointdoc.cosigned'>;

/** The hash both sides cosign. Canonical JSON makes it independent of key order and spacing. */
export const contentHash = (content: JsonValue): string => toHex(pureCrypto.sha256(canonicalBytes(content)));

export const inForce = (doc: JointDocument): JointDocumentVersion | null => doc.versions.find((v) => v.status === 'in-force') ?? null;

export function applyJointDocumentEvent(doc: JointDocument | null, event: JointDocumentEvent): JointDocument {
  switch (event.kind) {
    case 'jointdoc.proposed': {
      if (event.to === event.side) refuse('E_WRONG_SIDE', 'A joint document is between two sides.', { side: event.side });
      if (doc) {
        requireParty(doc.parties, event.side, `joint document ${doc.id}`);
        if (event.document !== doc.id || event.type !== doc.type) refuse('E_TRANSITION_INVALID', `The proposal is not a version of ${doc.type} ${doc.id}.`, { document: doc.id });
      }
      const expected = (doc?.versions.length ?? 0) + 1;
      if (event.version !== expected) refuse('E_JOINT_DOC_VERSION_STALE', `The next version of ${event.document} is ${expected}, not ${event.version}.`, { document: event.document, expected });
      const hash = contentHash(event.content);
      if (hash !== event.hash) refuse('E_JOINT_DOC_HASH_MISMATCH', `The proposal's hash ${event.hash} is not the hash of its content (${hash}).`, { document: event.document, hash });
      const proposed: JointDocumentVersion = {
        version: event.version, content: event.content, hash, proposedBy: event.side, proposedAt: event.at, cosignedBy: [], status: 'proposed', inForceAt: null,
      };
      const earlier = (doc?.versions ?? []).map((v) => (v.status === 'proposed' ? { ...v, status: 'replaced' as const } : v));
      return { id: event.document, type: event.type, title: event.title, parties: doc?.parties ?? [event.side, event.to], versions: [...earlier, proposed] };
    }
    case 'jointdoc.cosigned': {
      if (!doc) return refuse('E_TRANSITION_INVALID', 'No such joint document has been proposed.', { document: event.document });
      requireParty(doc.parties, event.side, `joint document ${doc.id}`);
      const target = doc.versions.find((v) => v.version === event.version);
      const latest = doc.versions[doc.versions.length - 1]!;
      if (event.document !== doc.id || !target) return refuse('E_TRANSITION_INVALID', `Joint document ${doc.id} has no version ${event.version}.`, { document: doc.id });
      if (target !== latest) refuse('E_JOINT_DOC_VERSION_STALE', `Version ${event.version} of ${doc.id} was replaced by version ${latest.version}.`, { document: doc.id, latest: latest.version });
      if (event.hash !== target.hash) {
        refuse('E_JOINT_DOC_HASH_MISMATCH', `Version ${target.version} of ${doc.id} has hash ${target.hash}; the cosignature is over ${event.hash}.`, { document: doc.id, expected: target.hash, got: event.hash });
      }
      if (target.cosignedBy.includes(event.side)) refuse('E_TRANSITION_INVALID', `${event.side} has already cosigned version ${target.version} of ${doc.id}.`, { document: doc.id });
      const cosignedBy = [...target.cosignedBy, event.side];
      const agreed = doc.parties.every((p) => cosignedBy.includes(p));
      const versions = doc.versions.map((v): JointDocumentVersion => {
        if (v === target) return { ...v, cosignedBy, status: agreed ? 'in-force' : 'proposed', inForceAt: agreed ? event.at : null };
        return agreed && v.status === 'in-force' ? { ...v, status: 'superseded' } : v;
      });
      return { ...doc, versions };
    }
    default:
      return unhandled(event);
  }
}
