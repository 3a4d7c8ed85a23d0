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

/*
 * GET /api/v1/metrics/inspections (the integrator's part 7), typed here by its agreed shape
 * (ports19.md) until the generated schema has it.
 */
export interface ItemMetrics {
  itemId: string;
  itemText: string;
  severity: Severity;
  answered: number;
  passed: number;
  failed: number;
  notApplicable: number;
  passRate?: number | null;
}

export interface TemplateMetrics {
  templateId: string;
  templateName: string;
  version: number;
  answered: number;
  passed: number;
  failed: number;
  passRate?: number | null;
  items: ItemMetrics[];
}

export interface InspectionMetrics {
  areaId?: string | null;
  from: string;
  to: string;
  inspections: number;
  passed: number;
  failed: number;
  passRate?: number | null;
  openTasks: number;
  overdueTasks: number;
  byTemplate: TemplateMetrics[];
  enterprises?: { resumed: number; checkedSameDay: number; notChecked: number };
  disinfection?: { roundsDue: number; roundsDone: number; missed: number; areaM2: number };
}
