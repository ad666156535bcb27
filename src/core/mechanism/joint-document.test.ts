import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '../json/index.js';
import { applyJointDocumentEvent, contentHash, inForce, type JointDocument, type JointDocumentEvent } from './joint-document.js';
import { applyAll, CN, hoursAfter, refusalCode, step, US } from './testing/fixtures.js';

const title = { en: 'Agreed minutes, DPCT January 2024', zh: '2024年1月国防政策协调会谈纪要' };
const text = (n: number): JsonValue => ({ text: `Both sides agreed item ${n}.` });
const propose = (version: number, side = US, content = text(version), hours = version) =>
  step('jointdoc.proposed', side, hoursAfter(hours), { document: 'minutes', to: side === US ? CN : US, type: 'agreed-minutes', title, version, content, hash: contentHash(content) });
const cosign = (version: number, side: string, hash = contentHash(text(version)), hours = version + 0.5) =>
  step('jointdoc.cosigned', side, hoursAfter(hours), { document: 'minutes', version, hash });

const run = (events: JointDocumentEvent[]) => events.reduce<JointDocument | null>(applyJointDocumentEvent, null)!;
const v1 = run([propose(1)]);
const agreed = run([propose(1), cosign(1, US), cosign(1, CN)]);

describe('a joint document', () => {
  it('is in force only once both sides cosigned the same hash', () => {
    expect(inForce(run([propose(1), cosign(1, CN)]))).toBeNull();
    expect(inForce(agreed)).toMatchObject({ version: 1, cosignedBy: [US, CN], inForceAt: hoursAfter(1.5) });
  });

  it('keeps the old version as superseded when a new one is agreed, and in force until then', () => {
    const v2proposed = applyJointDocumentEvent(agreed, propose(2, CN));
    expect(inForce(v2proposed)?.version).toBe(1);
    const v2 = [cosign(2, US), cosign(2, CN)].reduce(applyJointDocumentEvent, v2proposed);
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'in-force']]);
  });

  it('hashes content independent of key order, so both nodes compute the same', () => {
    expect(contentHash({ a: 1, b: [2, 3] })).toBe(contentHash({ b: [2, 3], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  it.each<[string, JointDocument | null, JointDocumentEvent, string]>([
    ['cosigning a hash that differs from the proposed version', v1, cosign(1, CN, contentHash(text(99))), 'E_JOINT_DOC_HASH_MISMATCH'],
    ['a proposal whose hash is not its content\'s', null, { ...propose(1), hash: contentHash(text(2)) }, 'E_JOINT_DOC_HASH_MISMATCH'],
    ['cosigning a version replaced by a newer draft', applyJointDocumentEvent(v1, propose(2, CN)), cosign(1, US), 'E_JOINT_DOC_VERSION_STALE'],
    ['skipping a version number', v1, propose(3), 'E_JOINT_DOC_VERSION_STALE'],
    ['cosigning twice', applyJointDocumentEvent(v1, cosign(1, US)), cosign(1, US), 'E_TRANSITION_INVALID'],
    ['cosigning a version that does not exist', v1, cosign(2, US), 'E_TRANSITION_INVALID'],
    ['a third side cosigning', v1, cosign(1, 'RU'), 'E_WRONG_SIDE'],
    ['cosigning a document never proposed', null, cosign(1, US), 'E_TRANSITION_INVALID'],
  ])('refuses %s, changing nothing', (_name, doc, event, code) => {
    expect(refusalCode(doc, (d) => applyJointDocumentEvent(d, event))).toBe(code);
  });

  it('is in force iff both sides cosigned the hash of that version, under any sequence of steps', () => {
    const anyStep = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(US, CN)).map(([v, s]) => propose(v, s)),
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(US, CN, 'RU'), fc.boolean()).map(([v, s, honest]) => cosign(v, s, contentHash(text(honest ? v : v + 10)))),
    );
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 30 }), (events) => {
        const { state, applied } = applyAll<JointDocument | null, JointDocumentEvent>(null, events, applyJointDocumentEvent);
        expect(applied.reduce(applyJointDocumentEvent, null)).toEqual(state);
        if (!state) return;
        expect(state.versions.filter((v) => v.status === 'in-force').length).toBeLessThanOrEqual(1);
        for (const version of state.versions) {
          const bothSigned = applied.filter((e) => e.kind === 'jointdoc.cosigned' && e.version === version.version && e.hash === version.hash).map((e) => e.side);
          const both = bothSigned.includes(US) && bothSigned.includes(CN);
          expect(version.status === 'in-force' || version.status === 'superseded').toBe(both);
        }
      }),
    );
  });
});
