import { describe, expect, it } from 'vitest';
import { applyPositionEvent, checkChannelEnds, counterpartsAt, EMPTY_DIRECTORY, type PositionDirectory, type PositionEvent } from './positions.js';
import { CN, refusalCode, step, T0, US } from './testing/fixtures.js';
import type { Level } from './vocabulary.js';

const declare = (side: string, position: string, level: Level, holder: string | null = null) =>
  step('position.declared', side, T0, { position, level, title: { en: position, zh: position }, holder });
const pair = (side: string, a: string, b: string, level: Level = 'chief-of-staff') => step('counterpart.paired', side, T0, { level, positions: [a, b] });

const directory = [
  declare(US, 'cjcs', 'chief-of-staff', 'Gen. Charles Q. Brown Jr.'),
  declare(CN, 'cmc-jsd', 'chief-of-staff', 'Gen. Liu Zhenli'),
  declare(US, 'indopacom', 'theater'),
  declare(CN, 'eastern-tc', 'theater'),
  declare(US, 'osd-policy', 'policy'),
  pair(US, 'cjcs', 'cmc-jsd'),
].reduce<PositionDirectory>(applyPositionEvent, EMPTY_DIRECTORY);

describe('positions and counterparts', () => {
  it('pair posts of the two sides at one level, and holders change without changing the post', () => {
    const changed = applyPositionEvent(directory, step('position.holder_changed', US, T0, { position: 'cjcs', holder: 'Gen. Dan Caine' }));
    expect(counterpartsAt(changed, 'chief-of-staff').map(([a, b]) => [a.holder, b.holder])).toEqual([['Gen. Dan Caine', 'Gen. Liu Zhenli']]);
    expect(counterpartsAt(changed, 'theater')).toEqual([]);
  });

  it.each<[string, PositionEvent, string]>([
    ['declaring a position twice', declare(US, 'cjcs', 'chief-of-staff'), 'E_TRANSITION_INVALID'],
    ['naming the holder of the other side\'s post', step('position.holder_changed', US, T0, { position: 'cmc-jsd', holder: 'x' }), 'E_WRONG_SIDE'],
    ['pairing two posts of one side', pair(US, 'cjcs', 'indopacom', 'theater'), 'E_COUNTERPART_INVALID'],
    ['pairing across levels', pair(US, 'indopacom', 'cmc-jsd', 'theater'), 'E_COUNTERPART_INVALID'],
    ['pairing an undeclared post', pair(US, 'indopacom', 'southern-tc', 'theater'), 'E_POSITION_UNKNOWN'],
    ['pairing twice', pair(CN, 'cmc-jsd', 'cjcs'), 'E_TRANSITION_INVALID'],
    ['a third side pairing others\' posts', pair('RU', 'indopacom', 'eastern-tc', 'theater'), 'E_WRONG_SIDE'],
  ])('refuses %s, changing nothing', (_name, event, code) => {
    expect(refusalCode(directory, (d) => applyPositionEvent(d, event))).toBe(code);
  });

  it('let a channel run only between paired counterparts', () => {
    expect(() => checkChannelEnds(directory, { level: 'chief-of-staff', ends: [{ side: US, position: 'cjcs' }, { side: CN, position: 'cmc-jsd' }] })).not.toThrow();
    expect(refusalCode(directory, (d) => checkChannelEnds(d, { level: 'theater', ends: [{ side: US, position: 'indopacom' }, { side: CN, position: 'eastern-tc' }] }))).toBe('E_COUNTERPART_INVALID');
    expect(refusalCode(directory, (d) => checkChannelEnds(d, { level: 'chief-of-staff', ends: [{ side: CN, position: 'cjcs' }, { side: US, position: 'cmc-jsd' }] }))).toBe('E_COUNTERPART_INVALID');
  });
});
