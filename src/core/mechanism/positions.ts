import type { EventBody, MechanismEvent } from './event-catalogue.js';
import { refuse, unhandled } from './refusal.js';
import type { Bilingual, Level, Side } from './vocabulary.js';

/**
 * Each side declares its own positions (minister, chief of staff, theater commands, policy
 * office, working level) and who holds them; positions outlive their holders, so the record
 * names the post and, separately, who held it. Counterpart pairs say which post talks to which
 * at each level (CJCS ↔ Chief of the CMC Joint Staff Department); channels run between them.
 */
export interface Position {
  readonly id: string;
  readonly side: Side;
  readonly level: Level;
  readonly title: Bilingual;
  readonly holder: string | null;
}

export interface CounterpartPair {
  readonly level: Level;
  readonly positions: readonly [string, string];
}

export interface PositionDirectory {
  readonly positions: readonly Position[];
  readonly counterparts: readonly CounterpartPair[];
}

export type PositionEvent = MechanismEvent<'position.declared' | 'position.holder_changed' | 'counterpart.paired'>;

export const EMPTY_DIRECTORY: PositionDirectory = { positions: [], counterparts: [] };

function positionOf(directory: PositionDirectory, id: string): Position {
  const position = directory.positions.find((p) => p.id === id);
  return position ?? refuse('E_POSITION_UNKNOWN', `No position ${id} is declared.`, { position: id });
}

export function applyPositionEvent(directory: PositionDirectory, event: PositionEvent): PositionDirectory {
  switch (event.kind) {
    case 'position.declared':
      if (directory.positions.some((p) => p.id === event.position)) refuse('E_TRANSITION_INVALID', `Position ${event.position} is already declared.`, { position: event.position });
      return { ...directory, positions: [...directory.positions, { id: event.position, side: event.side, level: event.level, title: event.title, holder: event.holder }] };
    case 'position.holder_changed': {
      const position = positionOf(directory, event.position);
      if (position.side !== event.side) refuse('E_WRONG_SIDE', `Position ${position.id} is ${position.side}'s; only it names the holder.`, { position: position.id });
      return { ...directory, positions: directory.positions.map((p) => (p.id === position.id ? { ...p, holder: event.holder } : p)) };
    }
    case 'counterpart.paired': {
      const [a, b] = event.positions.map((id) => positionOf(directory, id)) as [Position, Position];
      checkCounterparts(a, b, event.level);
      if (event.side !== a.side && event.side !== b.side) refuse('E_WRONG_SIDE', `${event.side} holds neither position.`, {});
      if (directory.counterparts.some((c) => c.positions.includes(a.id) && c.positions.includes(b.id))) {
        refuse('E_TRANSITION_INVALID', `${a.id} and ${b.id} are already counterparts.`, {});
      }
      return { ...directory, counterparts: [...directory.counterparts, { level: event.level, positions: [a.id, b.id] }] };
    }
    default:
      return unhandled(event);
  }
}

function checkCounterparts(a: Position, b: Position, level: Level): void {
  if (a.side === b.side) refuse('E_COUNTERPART_INVALID', `${a.id} and ${b.id} are both ${a.side}'s positions.`, { positions: [a.id, b.id] });
  if (a.level !== level || b.level !== level) refuse('E_COUNTERPART_INVALID', `${a.id} (${a.level}) and ${b.id} (${b.level}) are not both at the ${level} level.`, { positions: [a.id, b.id] });
}

/** The counterpart pairs at one level, with both positions. */
export function counterpartsAt(directory: PositionDirectory, level: Level): [Position, Position][] {
  return directory.counterparts
    .filter((c) => c.level === level)
    .map((c) => [positionOf(directory, c.positions[0]), positionOf(directory, c.positions[1])]);
}

/** Refuses a channel proposal whose ends are not a declared counterpart pair at the channel's level. */
export function checkChannelEnds(directory: PositionDirectory, proposal: Pick<EventBody<'channel.proposed'>, 'ends' | 'level'>): void {
  const [a, b] = proposal.ends.map((end) => positionOf(directory, end.position)) as [Position, Position];
  proposal.ends.forEach((end, i) => {
    const position = [a, b][i]!;
    if (position.side !== end.side) refuse('E_COUNTERPART_INVALID', `Position ${position.id} is ${position.side}'s, not ${end.side}'s.`, { position: position.id });
  });
  checkCounterparts(a, b, proposal.level);
  if (!directory.counterparts.some((c) => c.positions.includes(a.id) && c.positions.includes(b.id))) {
    refuse('E_COUNTERPART_INVALID', `${a.id} and ${b.id} are not paired as counterparts.`, { positions: [a.id, b.id] });
  }
}
