export {
  noteKeyId, noteVerifierKey, parseVerifierKey, noteSignerKey, parseSignerKey, isValidKeyName,
  type NoteKeyType, type NoteVerifierKey,
} from './note-keys.js';
export {
  signNote, openNote, splitNote, cosignNote, cosignatureMessage, checkNoteText, signatureLine,
  type NoteSigner, type OpenedNote, type VerifiedSignature,
} from './signed-note.js';
export { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';
