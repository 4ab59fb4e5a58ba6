// The API contract the web app builds against: `@shoreline/server/contract`.
//
// Types are inferred from the same zod schemas that validate requests and document
// /api/openapi.json, so a change to a schema is a type error in the web app, not a surprise at
// run time. Only the vocabulary (closed sets of words, files without imports) is loaded at run
// time; everything else here is `export type`, erased from the browser bundle. contract.test.ts
// keeps it so. See docs/decisions/0008-one-api-contract-and-web-kit.md.
import type { z } from '@hono/zod-openapi';
import type { WireTicket } from '@shoreline/core';
import type { AuditVerificationSchema, auditPolicy } from './modules/audit/index.js';
import type {
  ChatClientFrame as ChatClientFrameSchema,
  ChatServerFrame as ChatServerFrameType,
  ChatSessionSchema,
  ChatTyping as ChatTypingSchema,
  ChatWidgetSchema,
  chatPolicy,
} from './modules/chat/index.js';
import type { CustomerHistorySchema, customersPolicy } from './modules/customers/index.js';
import type {
  AgentSchema,
  AvailabilitySchema,
  DeskOverviewSchema,
  deskPolicy,
  MacroCreate as MacroCreateSchema,
  MacroSchema,
  PresencePayload as PresencePayloadType,
  PresenceSchema,
  QueuePageSchema,
  RenderedMacroSchema,
} from './modules/desk/index.js';
import type { AVAILABILITIES, DESK_VIEWS, PRESENCE_MODES } from './modules/desk/vocabulary.js';
import type {
  ClientForecastCreate as ClientForecastCreateSchema,
  ClientForecastSchema,
  ContractApply as ContractApplySchema,
  ContractSummarySchema,
  ContractVersionSchema,
  ExitReadinessSchema,
  ExportChecksSchema,
  GovernanceItemCreate as GovernanceItemCreateSchema,
  GovernanceItemSchema,
  governPolicy,
  ReconciliationSchema,
  SettlementSchema,
  SimulationJobSchema,
  SimulationSchema,
} from './modules/govern/index.js';
import type {
  ApiTokenCreated as ApiTokenCreatedSchema,
  ApiTokenSchema,
  BusinessHours as BusinessHoursSchema,
  identityPolicy,
  MeEnvelope as MeEnvelopeSchema,
  MeSchema,
  MeUpdate as MeUpdateSchema,
  OrganizationChoice as OrganizationChoiceExtension,
  ProviderCreate as ProviderCreateSchema,
  ProviderSchema,
  ProviderUpdate as ProviderUpdateSchema,
  TeamCreate as TeamCreateSchema,
  TeamSchema,
  TeamUpdate as TeamUpdateSchema,
  UserInvited as UserInvitedSchema,
  UserInvite as UserInviteSchema,
  UserSchema,
  UserUpdate as UserUpdateSchema,
} from './modules/identity/index.js';
import type {
  LOCALES,
  PROVIDER_KINDS,
  SHORES,
  USER_STATUSES,
  WEEKDAYS,
} from './modules/identity/vocabulary.js';
import type {
  DRILL_DOWN_FIELDS,
  ImportCreate as ImportCreateSchema,
  ImportFinishedPayload as ImportFinishedPayloadType,
  ImportProgressPayload as ImportProgressPayloadType,
  ImportRunSchema,
  insightLimits,
  insightPolicy,
  KpiComparison as KpiComparisonSchema,
  KpiRowSchema,
  KpiTable as KpiTableSchema,
  ProviderMappingCreate as ProviderMappingCreateSchema,
  ProviderMappingSchema,
  RejectSchema,
  TicketFilterQuery,
  TicketPage as TicketPageSchema,
  TopicTrendSchema,
  TrainingNeedsSchema,
  VolumeSchema,
} from './modules/insight/index.js';
import type {
  GROUP_BYS,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  INTERVALS,
  MATCH_KINDS,
} from './modules/insight/vocabulary.js';
import type {
  ArticleCreate as KnowledgeArticleCreateSchema,
  ArticleDetailSchema as KnowledgeArticleDetailSchema,
  ArticleSchema as KnowledgeArticleSchema,
  ArticleTicketsSchema as KnowledgeArticleTicketsSchema,
  DeflectionSchema as KnowledgeDeflectionSchema,
  DraftCreate as KnowledgeDraftSchema,
  FileSchema as KnowledgeFileSchema,
  FileUpload as KnowledgeFileUploadSchema,
  GapsSchema as KnowledgeGapsSchema,
  SearchHitSchema as KnowledgeSearchHitSchema,
  KnowledgeSettingsSchema,
  SnippetSchema as KnowledgeSnippetSchema,
  SynonymCreate as KnowledgeSynonymsCreateSchema,
  SynonymSchema as KnowledgeSynonymsSchema,
  TicketDraftSchema as KnowledgeTicketDraftSchema,
  VersionSchema as KnowledgeVersionSchema,
  knowledgePolicy,
} from './modules/knowledge/index.js';
import type {
  InboundQuery as InboundQuerySchema,
  InboundSchema,
  MailboxCreate as MailboxCreateSchema,
  MailboxSchema,
  MailboxUpdate as MailboxUpdateSchema,
  mailPolicy,
} from './modules/mail/index.js';
import type { phonePolicy } from './modules/phone/index.js';
import type {
  PlanActuals as PlanActualsSchema,
  PlanComparisonRequest as PlanComparisonRequestSchema,
  PlanComparison as PlanComparisonSchema,
  PlanFinishedPayload as PlanFinishedPayloadType,
  PlanForecastSend as PlanForecastSendSchema,
  PlanHistoryQuery as PlanHistoryQuerySchema,
  PlanHistory as PlanHistorySchema,
  PlanProgressPayload as PlanProgressPayloadType,
  PlanReforecast as PlanReforecastSchema,
  planLimits,
  planPolicy,
  SavedPlanInput as SavedPlanInputSchema,
  SavedPlanList as SavedPlanListSchema,
  SavedPlan as SavedPlanSchema,
  SimulationRequest as SimulationRequestSchema,
  SimulationResponse as SimulationResponseSchema,
  StaffingRequest as StaffingRequestSchema,
  StaffingResponse as StaffingResponseSchema,
} from './modules/plan/index.js';
import type { SCHEDULE_EXPORT_FORMATS } from './modules/plan/vocabulary.js';
import type { routingPolicy } from './modules/routing/index.js';
import type {
  LeadCreate as LeadCreateSchema,
  LeadOutcome as LeadOutcomeSchema,
  LeadSchema,
  LeadsReportSchema,
  salesPolicy,
} from './modules/sales/index.js';
import type { LEAD_DIMENSIONS } from './modules/sales/vocabulary.js';
import type {
  AttainmentSchema,
  HolidaysSchema,
  HolidaysUpdate as HolidaysUpdateSchema,
  SlaDefinition as SlaDefinitionSchema,
  SlaPolicyCreate as SlaPolicyCreateSchema,
  SlaPolicySchema,
  slaPolicy,
  TicketSlaSchema,
} from './modules/sla/index.js';
import type { socialPolicy } from './modules/social/index.js';
import type {
  SourceComparisonSchema,
  SourceDecisionCreate as SourceDecisionCreateSchema,
  SourceDecisionSchema,
  SourceDefaultsSchema,
  SourceEvidenceCreate as SourceEvidenceCreateSchema,
  SourceEvidenceSchema,
  SourcePilotCreate as SourcePilotCreateSchema,
  PilotHours as SourcePilotHoursSchema,
  SourcePilotSchema,
  SourceReadinessSchema,
  SourceScenarioDefinition as SourceScenarioDefinitionSchema,
  SourceScorecardCreate as SourceScorecardCreateSchema,
  SourceScorecardSchema,
  SourceSelectionAdvance as SourceSelectionAdvanceSchema,
  SourceSelectionCreate as SourceSelectionCreateSchema,
  SourceSelectionSchema,
  SourceStageUpdate as SourceStageUpdateSchema,
  SourceVendorCreate as SourceVendorCreateSchema,
  SourceVendorSchema,
  sourcePolicy,
} from './modules/source/index.js';
import type {
  BulkRequest as BulkRequestSchema,
  BulkResultSchema,
  Escalation as EscalationSchema,
  HistoryStepSchema,
  MessageCreate as MessageCreateSchema,
  MessageSchema,
  TicketDetailSchema,
  TypeChange as TypeChangeSchema,
} from './modules/tickets/index.js';
import type { TicketType } from './modules/tickets/vocabulary.js';
import type {
  CreatedEndpointSchema,
  DeliverySchema,
  EndpointCreate as EndpointCreateSchema,
  EndpointSchema,
  EndpointUpdate as EndpointUpdateSchema,
  webhooksPolicy,
} from './modules/webhooks/index.js';
import type { PushedEvent } from './platform/events/index.js';
import type { ProblemSchema } from './platform/http/openapi.js';
import type { JobOverviewSchema, JobSchema, jobsPolicy } from './platform/jobs/index.js';
import type { UploadSchema, UploadStartSchema, UploadStatusSchema } from './platform/uploads/index.js';

// Vocabulary: plain arrays, loaded at run time. Channels, roles, ticket statuses and priorities are
// core's one domain vocabulary.
export {
  CHANNELS,
  type Channel,
  ROLES,
  type Role,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from '@shoreline/core/domain/vocabulary';
export * from './modules/desk/vocabulary.js';
export * from './modules/identity/vocabulary.js';
export * from './modules/insight/vocabulary.js';
export * from './modules/plan/vocabulary.js';
export * from './modules/sales/vocabulary.js';
export * from './modules/tickets/vocabulary.js';

export type Locale = (typeof LOCALES)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type Shore = (typeof SHORES)[number];
export type Weekday = (typeof WEEKDAYS)[number];
export type UserStatus = (typeof USER_STATUSES)[number];
export type GroupBy = (typeof GROUP_BYS)[number];
export type Interval = (typeof INTERVALS)[number];
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type MatchKind = (typeof MATCH_KINDS)[number];
export type ScheduleExportFormat = (typeof SCHEDULE_EXPORT_FORMATS)[number];

/** RFC 9457 problem details, as every error answer carries them. */
export type Problem = z.infer<typeof ProblemSchema>;
export type FieldProblem = NonNullable<Problem['errors']>[number];
/** The `organization_choice` problem (sign-in with an address in several organizations). */
export type OrganizationChoiceProblem = Problem & OrganizationChoiceExtension;
/** One event of the browser's event stream (GET /api/events/stream); `payload` per event type below. */
export type PushEvent = PushedEvent;
/** The envelope of every list answer. */
export interface ListResponse<T> {
  items: T[];
}

// Access: what `/api/me` reports, typed by the modules' policies and limits.
/** An action some module guards; `/api/me` lists those the caller may take. */
export type Ability =
  | keyof typeof identityPolicy
  | keyof typeof insightPolicy
  | keyof typeof planPolicy
  | keyof typeof jobsPolicy
  | keyof typeof webhooksPolicy
  | keyof typeof mailPolicy
  | keyof typeof customersPolicy
  | keyof typeof deskPolicy
  | keyof typeof slaPolicy
  | keyof typeof governPolicy
  | keyof typeof auditPolicy
  | keyof typeof knowledgePolicy
  | keyof typeof sourcePolicy
  | keyof typeof routingPolicy
  | keyof typeof phonePolicy
  | keyof typeof salesPolicy
  | keyof typeof socialPolicy
  | keyof typeof chatPolicy;
/** The bounds `/api/me` reports: the platform's body limit and each module's. */
export type Limits = Record<
  'maxBodyBytes' | keyof ReturnType<typeof insightLimits> | keyof ReturnType<typeof planLimits>,
  number
>;

// Identity.
export type Me = Omit<z.infer<typeof MeSchema>, 'abilities' | 'limits'> & {
  abilities: Ability[];
  limits: Limits;
};
export type MeEnvelope = Omit<z.infer<typeof MeEnvelopeSchema>, 'user'> & { user: Me };
export type MeUpdate = z.input<typeof MeUpdateSchema>;
export type Provider = z.infer<typeof ProviderSchema>;
export type ProviderCreate = z.input<typeof ProviderCreateSchema>;
export type ProviderUpdate = z.input<typeof ProviderUpdateSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;
export type TeamCreate = z.input<typeof TeamCreateSchema>;
export type TeamUpdate = z.input<typeof TeamUpdateSchema>;
export type User = z.infer<typeof UserSchema>;
export type UserInvite = z.input<typeof UserInviteSchema>;
export type UserInvited = z.infer<typeof UserInvitedSchema>;
export type UserUpdate = z.input<typeof UserUpdateSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

// Insight.
/** The filters every KPI endpoint accepts, as the query string carries them. */
export type TicketFilter = { [K in keyof z.input<typeof TicketFilterQuery>]?: string | undefined };
export type KpiRow = z.infer<typeof KpiRowSchema>;
export type DurationStats = KpiRow['resolution'];
export type KpiTable = z.infer<typeof KpiTableSchema>;
export type KpiComparison = z.infer<typeof KpiComparisonSchema>;
export type Volume = z.infer<typeof VolumeSchema>;
export type VolumePoint = Volume['points'][number];
export type TopicTrend = z.infer<typeof TopicTrendSchema>;
export type TopicPoint = TopicTrend['points'][number];
export type LeftOut = TopicTrend['leftOut'];
export type TrainingNeeds = z.infer<typeof TrainingNeedsSchema>;
export type TrainingNeed = TrainingNeeds['items'][number];
/** A ticket as the tickets API answers it (typed from core's field catalogue, plus its live-only type). */
export type Ticket = WireTicket & { type: TicketType | null };
/** A ticket with its conversation (messages) and history (GET /api/tickets/{id}). */
export type TicketDetail = Omit<z.infer<typeof TicketDetailSchema>, 'ticket'> & { ticket: Ticket };
/** The drill-down's subset of a ticket. */
export type InsightTicket = Pick<WireTicket, (typeof DRILL_DOWN_FIELDS)[number]>;
export type InsightTicketPage = Omit<z.infer<typeof TicketPageSchema>, 'items'> & { items: InsightTicket[] };
export type ImportCreate = z.input<typeof ImportCreateSchema>;
export type ImportRun = z.infer<typeof ImportRunSchema>;
export type ImportFindings = ImportRun['findings'];
export type ImportReject = z.infer<typeof RejectSchema>;
export type ProviderMapping = z.infer<typeof ProviderMappingSchema>;
export type ProviderMappingCreate = z.input<typeof ProviderMappingCreateSchema>;
/** The pushed payloads of `import_run.progress` and `import_run.finished`. */
export type ImportProgressPayload = ImportProgressPayloadType;
export type ImportFinishedPayload = ImportFinishedPayloadType;

// Plan.
export type StaffingRequest = z.input<typeof StaffingRequestSchema>;
export type StaffingResponse = z.infer<typeof StaffingResponseSchema>;
export type SavedPlan = z.infer<typeof SavedPlanSchema>;
export type SavedPlanInput = z.input<typeof SavedPlanInputSchema>;
export type SavedPlanList = z.infer<typeof SavedPlanListSchema>;
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;
export type PlanComparisonRequest = z.input<typeof PlanComparisonRequestSchema>;
export type PlanForecastSend = z.input<typeof PlanForecastSendSchema>;
export type PlanHistory = z.infer<typeof PlanHistorySchema>;
export type PlanHistoryQuery = z.input<typeof PlanHistoryQuerySchema>;
export type PlanActuals = z.infer<typeof PlanActualsSchema>;
export type PlanReforecast = z.infer<typeof PlanReforecastSchema>;
/** The pushed payloads of `plan.progress` and `plan.finished`. */
export type PlanProgressPayload = PlanProgressPayloadType;
export type PlanFinishedPayload = PlanFinishedPayloadType;
export type SimulationRequest = z.input<typeof SimulationRequestSchema>;
export type SimulationResponse = z.infer<typeof SimulationResponseSchema>;

// Platform: the job queue's admin view, and uploads (files an import then names).
export type Job = z.infer<typeof JobSchema>;
export type JobStatus = Job['status'];
export type JobOverview = z.infer<typeof JobOverviewSchema>;
export type Upload = z.infer<typeof UploadSchema>;
export type UploadStart = z.input<typeof UploadStartSchema>;
export type UploadStatus = z.infer<typeof UploadStatusSchema>;

// Webhooks.
export type WebhookEndpoint = z.infer<typeof EndpointSchema>;
export type WebhookEndpointCreated = z.infer<typeof CreatedEndpointSchema>;
export type WebhookEndpointCreate = z.input<typeof EndpointCreateSchema>;
export type WebhookEndpointUpdate = z.input<typeof EndpointUpdateSchema>;
export type WebhookDelivery = z.infer<typeof DeliverySchema>;

// Tickets, one at a time (the Desk's ticket page) and many at once.
export type TicketMessage = z.infer<typeof MessageSchema>;
export type TicketMessageCreate = z.input<typeof MessageCreateSchema>;
export type TicketHistoryStep = z.infer<typeof HistoryStepSchema>;
export type TicketEscalation = z.input<typeof EscalationSchema>;
/** PATCH /api/tickets/{id}/type. */
export type TicketTypeChange = z.input<typeof TypeChangeSchema>;
export type TicketBulkRequest = z.input<typeof BulkRequestSchema>;
export type TicketBulkResult = Omit<z.infer<typeof BulkResultSchema>, 'results'> & {
  results: (Omit<z.infer<typeof BulkResultSchema>['results'][number], 'ticket'> & { ticket?: Ticket })[];
};

// Desk.
export type DeskView = (typeof DESK_VIEWS)[number];
export type PresenceMode = (typeof PRESENCE_MODES)[number];
export type DeskOverview = z.infer<typeof DeskOverviewSchema>;
export type DeskQueuePage = Omit<z.infer<typeof QueuePageSchema>, 'items'> & { items: Ticket[] };
export type DeskSearchResult = { items: Ticket[] };
export type DeskAgent = z.infer<typeof AgentSchema>;
export type DeskAvailability = z.infer<typeof AvailabilitySchema>;
export type DeskAvailabilityStatus = (typeof AVAILABILITIES)[number];
export type Macro = z.infer<typeof MacroSchema>;
export type MacroCreate = z.input<typeof MacroCreateSchema>;
export type RenderedMacro = z.infer<typeof RenderedMacroSchema>;
export type DeskPresence = z.infer<typeof PresenceSchema>;
/** The payload of a pushed `desk.presence` event. */
export type DeskPresencePayload = PresencePayloadType;

// SLA.
export type SlaDefinition = z.input<typeof SlaDefinitionSchema>;
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

// Audit (administrators): the hash chain and its anchors outside the database.
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

// Govern.
export type ContractSummary = z.infer<typeof ContractSummarySchema>;
export type ContractVersion = z.infer<typeof ContractVersionSchema>;
export type Settlement = z.infer<typeof SettlementSchema>;
export type ContractApply = z.input<typeof ContractApplySchema>;
export type ContractDocument = ContractVersion['document'];
export type InvoiceReconciliation = z.infer<typeof ReconciliationSchema>;
export type SchemeSimulation = z.infer<typeof SimulationSchema>;
/** A queued simulation: its state, progress and answer (decision 0039). */
export type SchemeSimulationJob = z.infer<typeof SimulationJobSchema>;
export type GovernanceItem = z.infer<typeof GovernanceItemSchema>;
export type ExitReadiness = z.infer<typeof ExitReadinessSchema>;
/** The canonical export's round trips, run as a job (decision 0039). */
export type ExportChecks = z.infer<typeof ExportChecksSchema>;
export type GovernanceItemCreate = z.input<typeof GovernanceItemCreateSchema>;
/** A forecast the client gave a vendor, logged append-only; settlement's forecast relief reads it (decision 0039). */
export type ClientForecast = z.infer<typeof ClientForecastSchema>;
export type ClientForecastCreate = z.input<typeof ClientForecastCreateSchema>;
export type SlaPolicyCreate = z.input<typeof SlaPolicyCreateSchema>;
export type TicketSla = z.infer<typeof TicketSlaSchema>;
export type SlaTargetState = TicketSla['targets'][number];
export type SlaAttainment = z.infer<typeof AttainmentSchema>;
export type SlaHolidays = z.infer<typeof HolidaysSchema>;
export type SlaHolidaysUpdate = z.input<typeof HolidaysUpdateSchema>;

// Knowledge.
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;
export type KnowledgeArticleDetail = z.infer<typeof KnowledgeArticleDetailSchema>;
export type KnowledgeArticleCreate = z.input<typeof KnowledgeArticleCreateSchema>;
export type KnowledgeDraft = z.input<typeof KnowledgeDraftSchema>;
export type KnowledgeVersion = z.infer<typeof KnowledgeVersionSchema>;
export type KnowledgeSettings = z.infer<typeof KnowledgeSettingsSchema>;
export type KnowledgeDeflection = z.infer<typeof KnowledgeDeflectionSchema>;
export type KnowledgeSearchHit = z.infer<typeof KnowledgeSearchHitSchema>;
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
export type KnowledgeFileUpload = z.input<typeof KnowledgeFileUploadSchema>;
export type KnowledgeSnippet = z.infer<typeof KnowledgeSnippetSchema>;
export type KnowledgeSynonyms = z.infer<typeof KnowledgeSynonymsSchema>;
export type KnowledgeSynonymsCreate = z.input<typeof KnowledgeSynonymsCreateSchema>;
export type KnowledgeArticleTickets = z.infer<typeof KnowledgeArticleTicketsSchema>;
export type KnowledgeGaps = z.infer<typeof KnowledgeGapsSchema>;
export type KnowledgeTicketDraft = z.infer<typeof KnowledgeTicketDraftSchema>;
// Mail (admins): support addresses, received mail and its views.
export type Mailbox = z.infer<typeof MailboxSchema>;
export type MailboxCreate = z.input<typeof MailboxCreateSchema>;
export type MailboxUpdate = z.input<typeof MailboxUpdateSchema>;
export type InboundMail = z.infer<typeof InboundSchema>;
export type InboundView = z.output<typeof InboundQuerySchema>['view'];

// Customers: one with their tickets (beside a ticket).
export type CustomerHistory = z.infer<typeof CustomerHistorySchema>;
// Source.
export type SourceScenarioDefinition = z.input<typeof SourceScenarioDefinitionSchema>;
export type SourceComparison = z.infer<typeof SourceComparisonSchema>;
export type SourceDefaults = z.infer<typeof SourceDefaultsSchema>;
export type SourceReadiness = z.infer<typeof SourceReadinessSchema>;
export type SourceVendor = z.infer<typeof SourceVendorSchema>;
export type SourceScorecard = z.infer<typeof SourceScorecardSchema>;
export type SourceScorecardCreate = z.input<typeof SourceScorecardCreateSchema>;
export type SourcePilot = z.infer<typeof SourcePilotSchema>;
export type SourcePilotHours = z.infer<typeof SourcePilotHoursSchema>;

// Chat: the widget's socket protocol (the widget imports these types only) and the agents' reads.
export type ChatClientFrame = z.input<typeof ChatClientFrameSchema>;
export type ChatServerFrame = ChatServerFrameType;
export type ChatSession = z.output<typeof ChatSessionSchema>;
export type ChatWidget = z.output<typeof ChatWidgetSchema>;
export type ChatTypingBody = z.input<typeof ChatTypingSchema>;
export type SourceSelection = z.infer<typeof SourceSelectionSchema>;
export type SourceSelectionCreate = z.input<typeof SourceSelectionCreateSchema>;
export type SourceSelectionAdvance = z.input<typeof SourceSelectionAdvanceSchema>;
export type SourceSelectionStages = z.input<typeof SourceStageUpdateSchema>;
export type SourcePilotCreate = z.input<typeof SourcePilotCreateSchema>;
export type SourceVendorCreate = z.input<typeof SourceVendorCreateSchema>;
export type SourceEvidence = z.infer<typeof SourceEvidenceSchema>;
export type SourceEvidenceCreate = z.input<typeof SourceEvidenceCreateSchema>;
export type SourceDecision = z.infer<typeof SourceDecisionSchema>;
export type SourceDecisionCreate = z.input<typeof SourceDecisionCreateSchema>;

// Sales handoff.
export type Lead = z.infer<typeof LeadSchema>;
export type LeadCreate = z.input<typeof LeadCreateSchema>;
export type LeadOutcome = z.input<typeof LeadOutcomeSchema>;
export type LeadsReport = z.infer<typeof LeadsReportSchema>;
export type LeadDimension = (typeof LEAD_DIMENSIONS)[number];
