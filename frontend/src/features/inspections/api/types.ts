import type { components } from '../../../lib/api/schema';

/** The inspection API's shapes (issue 19), from the generated schema. */
type S = components['schemas'];
export type PlaceKind = S['InspectionPlaceKind'];
export type PlaceType = S['InspectionPlaceType'];
export type Severity = S['InspectionItemSeverity'];
export type AnswerResult = S['InspectionAnswerResult'];
export type InspectionResult = S['InspectionResult'];
export type TaskStatus = S['InspectionTaskStatus'];
export type TaskKind = S['InspectionTaskKind'];
export type TemplateItem = S['InspectionTemplateItem'];
export type TemplateView = S['InspectionTemplate'];
export type PlaceView = S['InspectionPlace'];
export type TaskView = S['InspectionTask'];
export type InspectionSummary = S['InspectionSummary'];
export type PlacePageView = S['InspectionPlacePage'];
export type NewAnswer = S['InspectionAnswerInput'];
export type NewInspection = S['NewInspection'];
export type InspectionView = S['Inspection'];

/** GET /api/v1/metrics/inspections: pass rates, tasks, enterprises checked the same day, disinfection rounds. */
export type InspectionMetrics = S['InspectionMetrics'];
export type TemplateMetrics = S['InspectionTemplateMetrics'];
export type ItemMetrics = S['InspectionItemMetrics'];
