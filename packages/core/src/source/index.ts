// Public surface of core/source: is outsourcing right for us, what would it cost, which vendor.
// docs/source-worked-examples.md works the cost arithmetic through by hand.

export {
  type BreakEven,
  breakEven,
  type Comparison,
  compareOptions,
  type SensitivityRow,
  type SourcingScenario,
  sensitivity,
} from './compare.js';
export {
  businessHoursPattern,
  firstWeekdayOfYear,
  patternFromForecast,
  yearFromHourOfWeek,
} from './demand.js';
export { SourceInputError } from './errors.js';
export { daysUntil, dueReminder, EXPIRY_MILESTONES, expiryStatus } from './expiry.js';
export { convertMinor, type FxRate, type FxTable, roundMinor } from './money.js';
export {
  type CostLine,
  inHouseCost,
  type OptionCost,
  optionCost,
  scheduledHoursOf,
  vendorCost,
} from './option-cost.js';
export {
  type InHouseOption,
  type OneOffCost,
  PRICE_UNITS,
  type PriceComponent,
  type PriceUnit,
  pricingModelOf,
  type SourcingOption,
  type VendorOption,
} from './options.js';
export {
  assignArm,
  assignWeightedArm,
  bootstrapMedianDifference,
  type Interval,
  inverseNormalCdf,
  medianPilot,
  newcombeDifference,
  type PilotRegistration,
  type PilotReport,
  type PilotVerdict,
  pilotVerdict,
  proportionPilot,
  sampleSizePerArm,
  wilsonInterval,
} from './pilot.js';
export {
  assessReadiness,
  coefficientOfVariation,
  DEFAULT_THRESHOLDS,
  gradeSegments,
  isBusinessHour,
  type Leaning,
  READINESS_QUESTIONS,
  type ReadinessAnswer,
  type ReadinessEvidence,
  type ReadinessQuestion,
  type ReadinessThresholds,
  type SegmentGrade,
} from './readiness.js';
export { type EvidenceGrade, REFERENCE_DEFAULTS, type ReferenceDefault } from './reference-defaults.js';
export {
  type Criterion,
  type CriterionResult,
  type Score,
  type ScorecardResult,
  scorecard,
  type VendorResult,
} from './scorecard.js';
export {
  type Advance,
  advanceSelection,
  newSelection,
  overdueStages,
  SELECTION_STAGES,
  type Selection,
  type SelectionStage,
  type SelectionVendor,
  type StageRecord,
} from './selection.js';
export {
  type DemandInterval,
  type StaffingBasis,
  type StaffingProfile,
  staffingProfile,
} from './staffing-profile.js';
export {
  GERMANY_IN_HOUSE,
  PHILIPPINES_OFFSHORE_PER_CONTACT,
  POLAND_NEARSHORE_PER_HOUR,
  workedExampleScenario,
  workedExampleSeries,
} from './worked-example.js';
