// The mechanism's pure decision layer (issue #7): state machines the node loads, calls, stores and sends.
export * from './vocabulary.js';
export { MINUTE, HOUR, toMillis, fromMillis, addMillis, millisBetween, reached } from './instant.js';
export * from './event-catalogue.js';
export { DEFAULT_ACK_MINUTES, ackWindow, ackDeadline } from './precedence.js';
export { applyChannelEvent, channelSides, scopeCovers, type Channel, type ChannelEnd, type ChannelEvent, type ChannelStatus, type ChannelSuspension } from './channel.js';
export { applyScopedChannelEvent, channelsCoveredBy, type ScopedChannelEvent } from './channel-scope.js';
export { applyRequestEvent, requestAt, requestToSend, type EngagementRequest, type RequestEvent, type RequestStatus, type RequestStep } from './engagement-request.js';
export { responsiveness, periodOf, type Period, type ResponsivenessRow } from './responsiveness.js';
export { applyMessageEvent, messageToSend, isOverdue, acknowledgedLate, type Message, type MessageEvent, type MessageStatus } from './message.js';
export { escalationAt, ESCALATION_LADDER, type Escalation, type EscalationStep } from './escalation.js';
export { attachTranslation, translationsOf, sameEvent, type Translation } from './translation.js';
export { fieldErrors, fieldAt, FieldSpecSchema, NotificationTemplateSchema, type FieldSpec, type FieldType, type FieldError, type FieldErrorCode, type NotificationTemplate } from './notification-template.js';
export { checkNotification, notificationErrors, replyDueAt, valueAt } from './notification.js';
export { AIR_MARITIME_ENCOUNTER, EXPLANATION_REQUEST, LAUNCH_NOTICE, MAJOR_MILITARY_ACTIVITY, NOTIFICATION_TEMPLATES } from './notification-templates.js';
export { CodeListSchema, checkCodeList, renderShortCode, type CodeList } from './short-codes.js';
export { checkMessageContent, type AgreedForms, type MessageContent } from './message-content.js';
export { applyJointDocumentEvent, contentHash, inForce, type JointDocument, type JointDocumentEvent, type JointDocumentVersion, type VersionStatus } from './joint-document.js';
export { EngagementPlanSchema, planProgress, type EngagementPlan, type PlanEntry, type HeldEngagement, type PlanEntryStatus, type PlanEntryProgress, type PlanProgress } from './engagement-plan.js';
