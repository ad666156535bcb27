import { z } from 'zod';
import {
  EngagementPlanSchema, IdSchema, inForce, planProgress, PrecedenceSchema, requestAt, responsiveness, type HeldEngagement,
} from '../../core/index.js';
import { agreedForms } from './agreed-forms.js';
import { presentDocument, presentEngagement, presentPlanProgress, presentReadouts, presentResponsiveness } from './present-engagements.js';
import { presentChannel, presentConflict, presentDirectory, presentMessage, presentRequest } from './present-traffic.js';
import { found, query, type QueryContext, type QueryRoute } from './route-table.js';

const RequestListSchema = z.strictObject({ status: z.enum(['open', 'accepted', 'declined', 'withdrawn', 'expired']).optional() });
const MessageListSchema = z.strictObject({
  status: z.enum(['sent', 'delivered', 'seen', 'acknowledged', 'overdue']).optional(),
  channel: IdSchema.optional(), precedence: PrecedenceSchema.optional(), thread: IdSchema.optional(),
});
const PlanSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2200).optional() });
const ResponsivenessSchema = z.strictObject({ period: z.enum(['year', 'quarter', 'month']).default('year') });

const messagesOf = ({ view, p }: QueryContext) => {
  const { codeLists } = agreedForms(view.state.documents.values());
  return [...view.state.messages.values()].map((m) => presentMessage(m, view.state, codeLists, p));
};

/** The latest engagement plan in force (of `year`, if given) and how far the held engagements carry it out. */
function planOf({ view, p }: QueryContext, year: number | undefined) {
  const plans = [...view.state.documents.values()].flatMap((doc) => {
    const version = doc.type === 'engagement-plan' ? inForce(doc) : null;
    const plan = version ? EngagementPlanSchema.safeParse(version.content) : null;
    return version && plan?.success && (year === undefined || plan.data.year === year) ? [{ doc, version, plan: plan.data }] : [];
  });
  const latest = found(plans.sort((a, b) => b.plan.year - a.plan.year)[0], 'engagement plan in force', String(year ?? 'any year'));
  const held: HeldEngagement[] = [...view.state.engagements.values()].filter((e) => e.status === 'held');
  return presentPlanProgress(latest.doc.id, latest.version.version, planProgress(latest.plan, held, p.now), p);
}

/** What this side's users read: every answer is presented, with every time in UTC and on both sides' clocks. */
export const MECHANISM_QUERIES: readonly QueryRoute[] = [
  query('/positions', 'Both sides\' declared positions and counterpart pairs', null, ({ view }) => presentDirectory(view.state.directory)),
  query('/channels', 'Every channel of the link and its status', null, ({ view, p }) => view.state.channels.map((c) => presentChannel(c, p))),
  query('/requests', 'Engagement requests as they stand now (expired once past their deadline)', RequestListSchema, ({ view, p }, _params, q) =>
    [...view.state.requests.values()].filter((r) => q.status === undefined || requestAt(r, p.now).status === q.status).map((r) => presentRequest(r, p))),
  query('/requests/:request', 'One engagement request with its history', null, ({ view, p }, params) =>
    presentRequest(found(view.state.requests.get(params.request!), 'request', params.request!), p)),
  query('/messages', 'Messages with delivery, seen, acknowledgement and overdue state', MessageListSchema, (context, _params, q) =>
    messagesOf(context).filter((m) => (q.status === undefined || (q.status === 'overdue' ? m.overdue : m.status === q.status))
      && (q.channel === undefined || m.channel === q.channel) && (q.precedence === undefined || m.precedence === q.precedence) && (q.thread === undefined || m.thread === q.thread))),
  query('/messages/:message', 'One message', null, (context, params) => found(messagesOf(context).find((m) => m.id === params.message), 'message', params.message!)),
  query('/notification-templates', 'The notification templates in force, with English and Chinese labels', null, ({ view }) => agreedForms(view.state.documents.values()).templates),
  query('/code-lists', 'The short-code lists in force, in both languages', null, ({ view }) => agreedForms(view.state.documents.values()).codeLists),
  query('/engagements', 'Engagements: scheduled, in progress, held, postponed, cancelled', null, ({ view, p }) => [...view.state.engagements.values()].map((e) => presentEngagement(e, p))),
  query('/engagements/:engagement', 'One engagement with sessions and attendance', null, ({ view, p }, params) =>
    presentEngagement(found(view.state.engagements.get(params.engagement!), 'engagement', params.engagement!), p)),
  query('/readouts/:engagement', 'Both sides\' readouts of an engagement side by side, quotes checked against the agreed minutes', null, ({ view, p }, params) =>
    presentReadouts(found(view.state.engagements.get(params.engagement!), 'engagement', params.engagement!), view.state, view.ourSide, p)),
  query('/documents', 'Joint documents with every version, in force and superseded', null, ({ view, p }) => [...view.state.documents.values()].map((d) => presentDocument(d, view.state, p))),
  query('/documents/:document', 'One joint document', null, ({ view, p }, params) =>
    presentDocument(found(view.state.documents.get(params.document!), 'document', params.document!), view.state, p)),
  query('/plan', 'The annual engagement plan in force: planned against held', PlanSchema, (context, _params, q) => planOf(context, q.year)),
  query('/responsiveness', 'How each side answered the requests put to it, per level and period', ResponsivenessSchema, ({ view, p }, _params, q) =>
    responsiveness([...view.state.requests.values()], p.now, q.period).map(presentResponsiveness)),
  query('/notes', 'This side\'s internal notes on requests and engagements (kept on this node, never sent)', null, ({ view, p }) =>
    view.state.internal.notes.map((n) => ({ subject: n.subject, id: n.id, text: n.text, at: p.time(n.at), by: n.actor }))),
  query('/conflicts', 'Events of the record that their state machine refused during the fold', null, ({ view, p }) => view.conflicts.map((c) => presentConflict(c, p))),
];
