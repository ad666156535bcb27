import {
  applyChannelEvent, applyEngagementEvent, applyJointDocumentEvent, applyMessageEvent, applyPositionEvent, applyReadoutEvent, applyRequestEvent,
  applyScopedChannelEvent, attachReadoutTranslation, attachTranslation, checkChannelEnds, checkMessageContent, escalationAt, ESCALATION_LADDER,
  ParleyError, scheduleEngagement, type MechanismEvent,
} from '../../core/index.js';
import { agreedForms } from './agreed-forms.js';
import { readoutKey, refKey, unknownSubject as unknown, type MechanismState, type RecordedStep } from './mechanism-state.js';

/** Applies a planned step to the state; only returned once every machine involved accepted the step. */
export type Commit = () => void;

/**
 * Routes one step to its machine. The machines decide; this only finds the state they decide
 * on and says where the result goes. Planning throws the machine's refusal and changes nothing;
 * the returned commit writes the result. The same function serves the fold (both sides' events)
 * and a command of this side (planned, never committed, before anything is signed), so a command
 * is refused for exactly the reasons the fold would refuse it.
 */
export function planStep(state: MechanismState, step: MechanismEvent, where: RecordedStep): Commit {
  switch (step.kind) {
    case 'position.declared':
    case 'position.holder_changed':
    case 'counterpart.paired': {
      const directory = applyPositionEvent(state.directory, step);
      return () => void (state.directory = directory);
    }
    case 'channel.proposed': {
      // Ends are checked against the declared counterparts once a directory exists; a link
      // whose sides declared no positions yet may still agree channels.
      if (state.directory.positions.length > 0) checkChannelEnds(state.directory, step);
      const channel = applyChannelEvent(state.channels.find((c) => c.id === step.channel) ?? null, step);
      return () => void (state.channels = [...state.channels, channel]);
    }
    case 'channel.agreed':
    case 'channel.closed': {
      const old = state.channels.find((c) => c.id === step.channel) ?? null;
      const channel = applyChannelEvent(old, step);
      return () => void (state.channels = state.channels.map((c) => (c === old ? channel : c)));
    }
    case 'channel.suspended':
    case 'channel.resumption_proposed':
    case 'channel.resumed': {
      const channels = applyScopedChannelEvent(state.channels, step);
      return () => void (state.channels = channels);
    }
    case 'request.sent':
    case 'request.accepted':
    case 'request.countered':
    case 'request.declined':
    case 'request.withdrawn':
    case 'request.expired': {
      const request = applyRequestEvent(state.requests.get(step.request) ?? null, step);
      return () => void state.requests.set(request.id, request);
    }
    case 'request.note_added':
    case 'engagement.note_added': {
      const subject = step.kind === 'request.note_added' ? 'request' : 'engagement';
      const id = step.kind === 'request.note_added' ? step.request : step.engagement;
      if (!(subject === 'request' ? state.requests.has(id) : state.engagements.has(id))) unknown(subject, id);
      return () => void state.internal.notes.push({ subject, id, text: step.text, at: step.at, actor: where.actor });
    }
    case 'message.sent': {
      const forms = agreedForms(state.documents.values());
      // Checked on sending and again on receipt: neither node records a form the other cannot read.
      checkMessageContent(step.content, forms, step.at);
      const channel = state.channels.find((c) => c.id === step.channel) ?? unknown('channel', step.channel);
      if (channel.status === 'proposed' || channel.status === 'closed') {
        throw new ParleyError('E_CHANNEL_NOT_ACTIVE', `Channel ${channel.id} is ${channel.status}; messages go over agreed channels.`, { channel: channel.id });
      }
      if (!channel.ends.some((end) => end.side === step.side) || !channel.ends.some((end) => end.side === step.to)) {
        throw new ParleyError('E_WRONG_SIDE', `Channel ${channel.id} does not run from ${step.side} to ${step.to}.`, { channel: channel.id });
      }
      if (step.inReplyTo !== null) {
        const parent = state.messages.get(step.inReplyTo) ?? unknown('message', step.inReplyTo);
        if (parent.channel !== step.channel || parent.thread !== step.thread) {
          throw new ParleyError('E_MESSAGE_THREAD_INVALID', `Message ${parent.id} is in thread ${parent.thread} on channel ${parent.channel}.`, { parent: parent.id });
        }
      }
      const message = applyMessageEvent(state.messages.get(step.message) ?? null, step);
      return () => {
        state.messages.set(message.id, message);
        state.messageEvents.set(message.id, where.ref);
        if (step.content.kind === 'text') state.originals.set(refKey(where.ref), { ref: where.ref, lang: step.content.lang, readout: null });
      };
    }
    case 'message.delivered':
    case 'message.seen':
    case 'message.acknowledged':
    case 'message.overdue': {
      const message = applyMessageEvent(state.messages.get(step.message) ?? unknown('message', step.message), step);
      return () => void state.messages.set(message.id, message);
    }
    case 'message.escalated': {
      const message = state.messages.get(step.message) ?? unknown('message', step.message);
      const recorded = state.internal.escalations.get(message.id) ?? [];
      const reached = escalationAt(message, step.at).step;
      const expected = ESCALATION_LADDER[recorded.length];
      if (message.from !== step.side || reached === null || expected !== step.step || ESCALATION_LADDER.indexOf(reached) < recorded.length) {
        throw new ParleyError('E_TRANSITION_INVALID', `Message ${message.id} has not reached the ${step.step} rung of escalation on ${step.side}'s side at ${step.at}.`, { message: message.id, step: step.step });
      }
      return () => void state.internal.escalations.set(message.id, [...recorded, { step: step.step, at: step.at }]);
    }
    case 'translation.attached': {
      const original = state.originals.get(refKey(step.of)) ?? unknown('original event', `${step.of.log}#${step.of.seq}`);
      const translation = attachTranslation(step, original);
      const readout = original.readout === null ? null : attachReadoutTranslation(state.readouts.get(original.readout)!, translation);
      return () => {
        state.translations.push(translation);
        if (readout) state.readouts.set(original.readout!, readout);
      };
    }
    case 'engagement.scheduled': {
      if (state.engagements.has(step.engagement)) throw new ParleyError('E_TRANSITION_INVALID', `Engagement ${step.engagement} is already scheduled.`, { engagement: step.engagement });
      const engagement = scheduleEngagement(state.requests.get(step.request) ?? unknown('request', step.request), step);
      return () => void state.engagements.set(engagement.id, engagement);
    }
    case 'engagement.started':
    case 'engagement.attended':
    case 'engagement.session_opened':
    case 'engagement.session_closed':
    case 'engagement.ended':
    case 'engagement.postponed':
    case 'engagement.rescheduled':
    case 'engagement.cancelled': {
      const engagement = applyEngagementEvent(state.engagements.get(step.engagement) ?? unknown('engagement', step.engagement), step);
      return () => void state.engagements.set(engagement.id, engagement);
    }
    case 'readout.draft_saved':
    case 'readout.published': {
      const engagement = state.engagements.get(step.engagement) ?? unknown('engagement', step.engagement);
      if (!engagement.parties.includes(step.side)) throw new ParleyError('E_WRONG_SIDE', `${step.side} is not a party to engagement ${engagement.id}.`, { side: step.side });
      const key = readoutKey(step.engagement, step.side);
      const readout = applyReadoutEvent(state.readouts.get(key) ?? null, step);
      if (step.kind === 'readout.draft_saved') {
        // A draft is this side's own work: it is kept apart so the shared state stays the same on both nodes.
        return () => void state.internal.readoutDrafts.set(step.engagement, { lang: step.lang, text: step.text, at: step.at, actor: where.actor });
      }
      return () => {
        state.readouts.set(key, readout);
        state.originals.set(refKey(where.ref), { ref: where.ref, lang: step.lang, readout: key });
      };
    }
    case 'jointdoc.proposed':
    case 'jointdoc.cosigned': {
      const doc = applyJointDocumentEvent(state.documents.get(step.document) ?? null, step);
      return () => void state.documents.set(doc.id, doc);
    }
    case 'jointdoc.draft_saved':
      return () => void state.internal.documentDrafts.set(step.document, { content: step.content, at: step.at, actor: where.actor });
    default: {
      const never: never = step;
      throw new Error(`Unhandled step ${JSON.stringify(never)}`);
    }
  }
}
