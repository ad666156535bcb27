/**
 * The registry of Parley's error codes. Every refusal the system makes has exactly one
 * code here, an HTTP status for when it crosses an API, and a sentence a person can act on.
 * `docs/errors.md` is checked against this table by a test, so the two cannot drift.
 */
export const ERROR_CODES = {
  // Input formats
  E_JSON_NOT_CANONICAL: { status: 400, hint: 'The bytes are valid JSON but not RFC 8785 canonical JSON; re-serialize with a JCS implementation.' },
  E_JSON_UNSUPPORTED_VALUE: { status: 400, hint: 'Canonical JSON cannot carry this value (undefined, a function, a non-finite number or a lone surrogate); remove it.' },
  E_ENCODING_INVALID: { status: 400, hint: 'A hex or base64 field has the wrong alphabet or length; check how the value was encoded.' },

  // Keys and signatures
  E_KEY_INVALID: { status: 400, hint: 'The key text is not of the form name+keyid+base64(type||key); copy it again from its owner.' },
  E_KEY_ID_MISMATCH: { status: 400, hint: 'The key ID in the key text does not match its name and public key; the key text was altered or mistyped.' },
  E_SIGNATURE_ALGORITHM_UNSUPPORTED: { status: 400, hint: 'The key uses a signature type Parley does not implement; use an Ed25519 key.' },

  // Events
  E_EVENT_MALFORMED: { status: 400, hint: 'The event is not a JSON object with the fields v, log, seq, prev, peer, ts, kind, actor, body, sig of the right types; fix the producer.' },
  E_EVENT_NOT_CANONICAL: { status: 400, hint: 'The event bytes are not the RFC 8785 canonical form of the event, so they are not the bytes that were signed and hashed.' },
  E_EVENT_UNSIGNED: { status: 400, hint: 'The event has no signature; only events signed by their log\'s key are part of the record.' },
  E_EVENT_SIGNATURE_INVALID: { status: 400, hint: 'The event\'s signature does not verify under its log\'s key: the event was altered after signing or signed by another key.' },
  E_EVENT_WRONG_LOG: { status: 400, hint: 'The event names another log than the one it was found in; it was moved between logs.' },
  E_EVENT_SEQ_GAP: { status: 409, hint: 'Events are missing before this one (its seq is higher than the next expected); fetch the missing events.' },
  E_EVENT_OUT_OF_ORDER: { status: 409, hint: 'The events are not in seq order; the log was reordered.' },
  E_EVENT_DUPLICATE: { status: 409, hint: 'The same event appears twice; the log contains a copy.' },
  E_EVENT_SEQ_REUSED: { status: 409, hint: 'Two different events signed by the same log claim the same seq: the log signed both, which is equivocation.' },
  E_EVENT_PREV_MISMATCH: { status: 409, hint: 'The event\'s prev hash is not the hash of the event before it: the chain is broken (an event was inserted, replaced or altered).' },
  E_PEER_REF_UNKNOWN: { status: 409, hint: 'The event refers to an event of the peer\'s log that does not exist in the record.' },
  E_PEER_REF_MISMATCH: { status: 409, hint: 'The event refers to a peer event by a hash that is not that event\'s hash: one of the two logs was altered.' },
  E_PEER_REF_REGRESSED: { status: 409, hint: 'The event refers to an older peer event than an earlier event of the same log did; a log only ever learns more of its peer.' },
  E_PEER_REF_WRONG_LOG: { status: 409, hint: 'The event\'s peer reference names a log that is not this log\'s peer.' },
  E_PEER_REF_CYCLE: { status: 409, hint: 'Each log refers to an event the other wrote later: the references cannot both be true, so the record was altered.' },

  // Merkle proofs
  E_PROOF_INVALID: { status: 400, hint: 'The Merkle proof does not lead from the leaf (or the old tree) to the given root.' },
  E_PROOF_RANGE: { status: 400, hint: 'The index or tree sizes of the proof are out of range (index must be below size; old size at most new size).' },

  // Notes, checkpoints, cosignatures
  E_NOTE_MALFORMED: { status: 400, hint: 'The signed note is not well formed: text must end in a newline, be followed by a blank line and signature lines "— name base64".' },
  E_NOTE_SIGNATURE_INVALID: { status: 400, hint: 'A signature by a trusted key on this note does not verify: the note was altered or the signature forged.' },
  E_NOTE_UNTRUSTED: { status: 400, hint: 'No signature on this note is from a trusted key; check which key signed it and whether you pinned the right one.' },
  E_CHECKPOINT_MALFORMED: { status: 400, hint: 'The checkpoint body must be the origin line, the decimal tree size and the base64 root hash, each ending in a newline.' },
  E_CHECKPOINT_ORIGIN_MISMATCH: { status: 400, hint: 'The checkpoint is for another log than expected; it was swapped.' },
  E_CHECKPOINT_ROOT_MISMATCH: { status: 409, hint: 'The log signed a checkpoint whose root is not the root of its events: the log has forked or its events were rewritten.' },
  E_CHECKPOINT_INCONSISTENT: { status: 409, hint: 'The new checkpoint is not an extension of the last one seen (the consistency proof fails): the log was rewritten.' },
  E_LOG_TRUNCATED: { status: 409, hint: 'The signed checkpoint covers more events than are present: events were deleted from the end of the log.' },
  E_COSIGNATURE_MISSING: { status: 400, hint: 'The checkpoint carries no cosignature from the peer\'s witness key; the peer never vouched for it.' },
  E_COSIGNATURE_INVALID: { status: 400, hint: 'The witness cosignature does not verify over this checkpoint and its timestamp: it was forged or belongs to another checkpoint.' },

  // Bundles
  E_BUNDLE_UNREADABLE: { status: 400, hint: 'The bundle directory or one of its files cannot be read; check the path and permissions.' },
  E_BUNDLE_MANIFEST_INVALID: { status: 400, hint: 'The bundle manifest (manifest.json) is missing, not JSON, or lacks a required field (see docs/bundle.md).' },
  E_BUNDLE_SIZE_MISMATCH: { status: 400, hint: 'The number of events in a log file differs from the size its manifest states.' },
  E_BUNDLE_KEY_NOT_PINNED: { status: 400, hint: 'A key in the bundle is not one of the keys you pinned with --key; the bundle was signed by someone else.' },

  // Storage
  E_STORE_UNAVAILABLE: { status: 503, hint: 'The database cannot be reached; check that it is running and that the connection URL, user and database name are right.' },
  E_LOG_UNKNOWN: { status: 404, hint: 'No log with this origin is stored; check the origin\'s spelling, or create the log first.' },
  E_LOG_CONFLICT: { status: 409, hint: 'A log with this origin is already stored for another role or peer; one origin names one log, so choose a distinct origin.' },
  E_EVENT_SEQ_TAKEN: { status: 409, hint: 'Another event already holds this seq in the log (another writer appended first); re-read the log\'s head, sign the event again with the next seq, and retry.' },
  E_MERKLE_HASH_CONFLICT: { status: 409, hint: 'A different Merkle hash is already stored at this index: the hashes were computed over other events; recompute them from the stored log.' },
  E_MERKLE_HASH_MISSING: { status: 500, hint: 'A requested Merkle hash is not stored: either its index lies beyond the log\'s current tree (ask only for hashes of stored events) or the database lost rows (restore it from a backup and run parley verify).' },
  E_CHECKPOINT_UNKNOWN: { status: 404, hint: 'No checkpoint of this size is stored for the log; store the checkpoint before adding a cosignature to it.' },
  E_PEER_ALREADY_PINNED: { status: 409, hint: 'A peer of this name is already pinned with other keys or another address; keys are never replaced silently: confirm the new ones with the peer\'s administrators out of band first.' },
  E_PEER_NOT_PINNED: { status: 404, hint: 'No peer of this name is pinned; pin it first (parley peer add) or check the name.' },
  E_USER_EXISTS: { status: 409, hint: 'A user with this name or id already exists on this node; choose another name.' },
  E_USER_UNKNOWN: { status: 404, hint: 'No user with this id exists on this node; check the id, or create the user first.' },

  // The link between nodes
  E_LINK_UNAUTHENTICATED: { status: 401, hint: 'Requests between nodes must carry the parley-from, parley-to, parley-date, parley-nonce and parley-signature headers; send them through a Parley node, not by hand.' },
  E_LINK_PEER_UNKNOWN: { status: 403, hint: 'The sending node is not pinned here; its administrators must give you its keys out of band, and you pin them with `parley peer add`.' },
  E_LINK_SIGNATURE_INVALID: { status: 401, hint: 'The request is not signed by the key pinned for that node, or is addressed to another node; if the peer changed its key, confirm the new one out of band before pinning it.' },
  E_LINK_REPLAYED: { status: 401, hint: 'This exact signed request was received before and is never executed twice; a genuine sender signs every request anew.' },
  E_LINK_CLOCK_SKEW: { status: 401, hint: 'The request was signed at a time more than 5 minutes from this node\'s clock; check both nodes\' clocks (NTP).' },
  E_LINK_UNTRUSTED: { status: 403, hint: 'The link to this peer is marked untrusted after evidence of equivocation; an administrator must review the evidence and restore trust (`parley peer trust`) before events are exchanged again.' },
  E_PEER_UNREACHABLE: { status: 503, hint: 'The peer node did not answer (network down, proxy, or the node is stopped); the outbox keeps everything and retries on its own, so check the network path and the peer\'s address.' },
  E_REQUEST_MALFORMED: { status: 400, hint: 'The request body is not valid JSON of the expected shape; the message names the field to fix.' },
  E_BODY_TOO_LARGE: { status: 413, hint: 'The request body is larger than this endpoint accepts; send events in smaller batches.' },
  E_NOT_FOUND: { status: 404, hint: 'There is nothing at this address; check the path and the names in it.' },
  E_INTERNAL: { status: 500, hint: 'The node hit an unexpected condition and changed nothing for this request; the node log has the details for its administrators.' },
  E_UNAUTHORIZED: { status: 401, hint: 'This endpoint needs a valid Authorization: Bearer token; sign in again or use the operator token of this node.' },

  // Node configuration
  E_CONFIG_INVALID: { status: 400, hint: 'The node configuration or key file is missing or invalid; create it with `parley init`, or fix the field named.' },
  E_NODE_EXISTS: { status: 409, hint: 'A node is already set up in that data folder; use its config, or choose another folder.' },
  E_KEY_FILE_EXPOSED: { status: 400, hint: 'The node key file is readable by other users; restrict it with chmod 600 before starting the node.' },
  E_PORT_IN_USE: { status: 409, hint: 'Another program already listens on that port; stop it, or choose another port (listen.port in parley.json; for the demo, --reset with --us-port and --cn-port).' },

  // Mechanism
  E_TRANSITION_INVALID: { status: 409, hint: 'This step does not follow from the current state (for example agreeing a channel that is already active); reload the current state and choose a step it allows.' },
  E_WRONG_SIDE: { status: 403, hint: 'This step belongs to the other side (for example agreeing your own proposal or acknowledging your own message); wait for the other side to take it.' },
  E_EVENT_KIND_UNKNOWN: { status: 400, hint: 'The event kind is not in the mechanism\'s catalogue; check its spelling against docs/mechanism.md.' },
  E_EVENT_BODY_INVALID: { status: 400, hint: 'The event body does not match the schema of its kind; fix the field named in the details.' },
  E_DEADLINE_INVALID: { status: 400, hint: 'A deadline or time window is not after the time it starts from; choose a later deadline or a window whose end follows its start.' },
  E_POSITION_UNKNOWN: { status: 404, hint: 'No position with this id is declared; declare it first, or check the id.' },
  E_COUNTERPART_INVALID: { status: 400, hint: 'Counterparts must be two declared positions of different sides at the same level; pick positions that match.' },
  E_CHANNEL_UNKNOWN: { status: 404, hint: 'No channel with this id exists; propose it first, or check the id.' },
  E_CHANNEL_NOT_ACTIVE: { status: 409, hint: 'The channel is not yet agreed or has been closed; use an active or suspended channel, or wait for the other side to agree it.' },
  E_CHANNEL_SUSPENDED: { status: 409, hint: 'The channel is already suspended; to use it normally again, propose a resumption and wait for the other side to agree.' },
  E_SCOPE_EMPTY: { status: 409, hint: 'No channel of yours falls under this level or scope in the state the step needs; check which channels are active or suspended.' },
  E_REQUEST_NOT_OPEN: { status: 409, hint: 'The request has already been answered, withdrawn or expired; send a new request instead.' },
  E_REQUEST_EXPIRED: { status: 409, hint: 'The request\'s response deadline has passed, so it can no longer be answered; the asking side may send a new request.' },
  E_REQUEST_OPTION_UNKNOWN: { status: 400, hint: 'The chosen time option is not among the options currently on the table; choose one of them or counter-propose new ones.' },
  E_MESSAGE_THREAD_INVALID: { status: 400, hint: 'A reply must answer a message on the same channel; choose the message being answered from this channel.' },
  E_NOTIFICATION_INVALID: { status: 400, hint: 'The notification does not fill its agreed template; correct the fields listed in the details.' },
  E_NOTICE_TOO_SHORT: { status: 400, hint: 'The launch window starts sooner than the agreed minimum notice period allows; move the window later or notify earlier.' },
  E_TEMPLATE_UNKNOWN: { status: 404, hint: 'No agreed notification template has this id and version; use a template in force.' },
  E_SHORT_CODE_UNKNOWN: { status: 400, hint: 'The short code is not in the agreed code list; use a code from the list in force or write the message out.' },
  E_CODE_LIST_INVALID: { status: 400, hint: 'A short code list must give each code once, with both an English and a Chinese text; fix the entry named.' },
  E_ENGAGEMENT_REQUEST_NOT_ACCEPTED: { status: 409, hint: 'An engagement is scheduled only from an accepted request; accept one of its time options first.' },
  E_READOUT_ALREADY_PUBLISHED: { status: 409, hint: 'Each side publishes one readout of an engagement, once; attach a translation or publish a correction as a new message instead.' },
  E_READOUT_NOT_PUBLISHED: { status: 409, hint: 'The readout has not been published yet; publish it before attaching translations.' },
  E_JOINT_DOC_HASH_MISMATCH: { status: 409, hint: 'The content hash differs from the version on the table: the two sides are looking at different texts; compare the versions and cosign the one proposed.' },
  E_JOINT_DOC_VERSION_STALE: { status: 409, hint: 'This version is not the latest proposed version of the document; review and cosign the latest version.' },

  // Export
  E_EXPORT_NOTHING_COSIGNED: { status: 409, hint: 'No checkpoint of one of the link\'s logs carries the other side\'s cosignature yet (or none that agrees with the other log\'s cosigned checkpoints); wait until both sides have witnessed each other\'s log, then export again.' },
  E_EXPORT_TARGET_EXISTS: { status: 409, hint: 'The output folder exists and is not empty; export never overwrites a bundle: choose a new folder or remove the old one yourself.' },

  // Node mechanism
  E_SUBJECT_UNKNOWN: { status: 404, hint: 'No channel, request, message, engagement, readout or document with this id is on the record of this link; check the id, or create it first.' },
  E_PEER_IDENTITY_UNKNOWN: { status: 409, hint: 'The peer\'s first event (who it is, its side and time zone) has not arrived yet, so this node cannot tell the two sides apart; wait until the link has exchanged once.' },

  // Search
  E_SEARCH_INDEX_UNAVAILABLE: { status: 503, hint: 'The database cannot hold the search index: PostgreSQL needs the pg_trgm extension (Debian: postgresql-contrib of the server\'s major version; then CREATE EXTENSION pg_trgm as a user allowed to), SQLite needs 3.34 or later; fix the database and start the node again.' },
  E_SEARCH_QUERY_INVALID: { status: 400, hint: 'The search asks for too much: at most 200 characters and 16 words, a limit of 1 to 100 and an offset of 0 or more; shorten the query or page through the results.' },

  // Usage
  E_USAGE: { status: 400, hint: 'The command was called wrongly; see its --help.' },
} as const satisfies Record<string, { status: number; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a code read from outside (an API answer, a report) is one of Parley's. */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
