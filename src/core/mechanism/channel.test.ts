import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isParleyError } from '../errors/index.js';
import { applyChannelEvent, channelSides, scopeCovers, type Channel, type ChannelEvent } from './channel.js';
import { applyScopedChannelEvent, channelsCoveredBy, type ScopedChannelEvent } from './channel-scope.js';
import { applyAll, CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';
import type { ChannelScope, Level } from './vocabulary.js';

const propose = (id = 'dtl', level: Level = 'chief-of-staff', side = US) =>
  step('channel.proposed', side, T0, {
    channel: id, medium: 'direct-line', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level,
    ends: [{ side: US, position: `us-${level}` }, { side: CN, position: `cn-${level}` }], ackMinutes: { ROUTINE: 24 * 60 },
  });
const agree = (id = 'dtl', side = CN) => step('channel.agreed', side, hoursAfter(1), { channel: id });
const suspend = (side = CN, channel = 'dtl') => step('channel.suspended', side, hoursAfter(2), { scope: { kind: 'channel', channel }, reason: 'Political event' });
const proposeResume = (side = US, channel = 'dtl') => step('channel.resumption_proposed', side, hoursAfter(3), { scope: { kind: 'channel', channel } });
const resume = (side = CN, channel = 'dtl') => step('channel.resumed', side, hoursAfter(4), { scope: { kind: 'channel', channel } });
const close = (side = US) => step('channel.closed', side, hoursAfter(5), { channel: 'dtl', reason: 'Replaced by a secure VTC' });

const run = (events: readonly ChannelEvent[]): Channel => events.reduce<Channel | null>(applyChannelEvent, null)!;
const active = run([propose(), agree()]);
const suspended = applyChannelEvent(active, suspend());

describe('a channel', () => {
  it('becomes active only when the other side agrees, and resumes only by agreement', () => {
    expect(run([propose()]).status).toBe('proposed');
    expect(active.status).toBe('active');
    expect(suspended).toMatchObject({ status: 'suspended', suspension: { by: CN, reason: 'Political event' } });
    const resumed = run([propose(), agree(), suspend(), proposeResume(), resume()]);
    expect(resumed).toMatchObject({ status: 'active', suspension: null });
    expect(applyChannelEvent(resumed, close()).closed).toEqual({ by: US, at: hoursAfter(5), reason: 'Replaced by a secure VTC' });
  });

  it.each<[string, Channel | null, ChannelEvent, string]>([
    ['agreeing its own proposal', run([propose()]), agree('dtl', US), 'E_WRONG_SIDE'],
    ['agreeing twice', active, agree(), 'E_TRANSITION_INVALID'],
    ['proposing an existing channel', active, propose(), 'E_TRANSITION_INVALID'],
    ['a step on a channel never proposed', null, agree(), 'E_CHANNEL_UNKNOWN'],
    ['a third side acting on the channel', active, suspend('RU'), 'E_WRONG_SIDE'],
    ['suspending a channel before it is agreed', run([propose()]), suspend(), 'E_TRANSITION_INVALID'],
    ['suspending twice', suspended, suspend(US), 'E_CHANNEL_SUSPENDED'],
    ['resuming without a proposal', suspended, resume(), 'E_TRANSITION_INVALID'],
    ['resuming by the side that proposed it', applyChannelEvent(suspended, proposeResume()), resume(US), 'E_WRONG_SIDE'],
    ['proposing resumption of an active channel', active, proposeResume(), 'E_TRANSITION_INVALID'],
    ['a step naming another channel', active, suspend(CN, 'vtc'), 'E_TRANSITION_INVALID'],
    ['closing twice', applyChannelEvent(active, close()), close(CN), 'E_TRANSITION_INVALID'],
    ['a channel between two positions of one side', null, { ...propose(), ends: [{ side: US, position: 'a' }, { side: US, position: 'b' }] }, 'E_COUNTERPART_INVALID'],
  ])('refuses %s, changing nothing', (_name, channel, event, code) => {
    expect(refusalCode(channel, (c) => applyChannelEvent(c, event))).toBe(code);
  });

  it('reaches only the four states, and a refused step leaves it as it was', () => {
    const anyStep = fc.oneof(
      fc.constantFrom(propose(), agree(), agree('dtl', US), suspend(), suspend(US), proposeResume(), proposeResume(CN), resume(), resume(US), close(), close(CN)),
    );
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 30 }), (events) => {
        const { state, applied } = applyAll<Channel | null, ChannelEvent>(null, events, applyChannelEvent);
        // Replaying only the accepted steps gives the same channel: refusals had no effect.
        expect(applied.reduce(applyChannelEvent, null)).toEqual(state);
        if (state === null) return;
        expect(['proposed', 'active', 'suspended', 'closed']).toContain(state.status);
        expect(state.suspension !== null).toBe(state.status === 'suspended');
        // A channel is ever in use only once a side other than the proposer agreed it (a proposal may be closed unagreed).
        if (state.status === 'active' || state.status === 'suspended') expect(applied.some((e) => e.kind === 'channel.agreed' && e.side !== state.proposedBy)).toBe(true);
      }),
    );
  });
});

describe('a suspension of a whole level or of everything', () => {
  const channels = [
    run([propose('dtl', 'chief-of-staff'), agree('dtl')]),
    run([propose('theater-east', 'theater'), agree('theater-east')]),
    run([propose('theater-south', 'theater'), agree('theater-south')]),
    run([propose('mmca', 'working')]),
  ];
  const atLevel = step('channel.suspended', CN, hoursAfter(2), { scope: { kind: 'level', level: 'theater' }, reason: 'Pelosi visit' });
  const everything = step('channel.suspended', CN, hoursAfter(2), { scope: { kind: 'all' }, reason: 'Pelosi visit' });

  it('covers the active channels of that level, or all active channels', () => {
    expect(channelsCoveredBy(channels, atLevel).map((c) => c.id)).toEqual(['theater-east', 'theater-south']);
    expect(channelsCoveredBy(channels, everything).map((c) => c.id)).toEqual(['dtl', 'theater-east', 'theater-south']);
    const after = applyScopedChannelEvent(channels, atLevel);
    expect(after.map((c) => c.status)).toEqual(['active', 'suspended', 'suspended', 'proposed']);
  });

  it('resumes by level only with the other side agreeing what was proposed', () => {
    const down = applyScopedChannelEvent(channels, everything);
    const proposed = applyScopedChannelEvent(down, step('channel.resumption_proposed', US, hoursAfter(3), { scope: { kind: 'level', level: 'theater' } }));
    const resumed = applyScopedChannelEvent(proposed, step('channel.resumed', CN, hoursAfter(4), { scope: { kind: 'all' } }));
    expect(resumed.map((c) => c.status)).toEqual(['suspended', 'active', 'active', 'proposed']);
  });

  it('refuses a scope that covers nothing, and a channel that does not exist', () => {
    const none = step('channel.suspended', CN, hoursAfter(2), { scope: { kind: 'level', level: 'minister' }, reason: 'x' });
    expect(refusalCode(channels, (c) => applyScopedChannelEvent(c, none))).toBe('E_SCOPE_EMPTY');
    expect(refusalCode(channels, (c) => applyScopedChannelEvent(c, suspend(CN, 'nope')))).toBe('E_CHANNEL_UNKNOWN');
    expect(refusalCode(channels, (c) => applyScopedChannelEvent(c, suspend(CN, 'mmca')))).toBe('E_TRANSITION_INVALID');
  });

  /** A channel at one stage of its life: 0 proposed, 1 active, 2 suspended by the partner, 3 with resumption proposed by the US. */
  function channelAt(id: string, level: Level, stage: number, partner: string): Channel {
    const proposal = { ...propose(id, level), ends: [{ side: US, position: `us-${id}` }, { side: partner, position: `p-${id}` }] } as ChannelEvent;
    const steps = [agree(id, partner), suspend(partner, id), proposeResume(US, id)].slice(0, stage);
    return steps.reduce(applyChannelEvent, applyChannelEvent(null, proposal));
  }

  it('changes only the covered channels of the acting side, all or none', () => {
    const anyChannel = fc.record({ n: fc.nat(99), level: fc.constantFrom<Level>('theater', 'policy', 'working'), stage: fc.integer({ min: 0, max: 3 }), partner: fc.constantFrom(CN, 'RU') })
      .map(({ n, level, stage, partner }) => channelAt(`c${n}`, level, stage, partner));
    const anyScope = fc.constantFrom<ChannelScope>({ kind: 'all' }, { kind: 'level', level: 'theater' }, { kind: 'level', level: 'working' });
    const anyScoped = fc.record({ kind: fc.constantFrom('channel.suspended', 'channel.resumption_proposed', 'channel.resumed'), side: fc.constantFrom(US, CN), scope: anyScope })
      .map((e) => ({ ...e, at: hoursAfter(9), ...(e.kind === 'channel.suspended' ? { reason: 'r' } : {}) }) as ScopedChannelEvent);
    fc.assert(
      fc.property(fc.uniqueArray(anyChannel, { selector: (c) => c.id, maxLength: 8 }), anyScoped, (channels, event) => {
        let after: Channel[];
        try {
          after = applyScopedChannelEvent(channels, event);
        } catch (err) {
          if (!isParleyError(err)) throw err;
          return; // refused: the input list is immutable, so nothing changed
        }
        after.forEach((channel, i) => {
          const before = channels[i]!;
          if (channel === before) return;
          expect(channelSides(before)).toContain(event.side);
          expect(scopeCovers(event.scope, before)).toBe(true);
        });
        expect(after.some((channel, i) => channel !== channels[i])).toBe(true);
      }),
    );
  });
});
