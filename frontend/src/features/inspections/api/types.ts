/**
 * The inspection API's shapes (issue 19, ports19.md). Local until the generated schema has them.
 */
export type PlaceKind = 'AREA' | 'CHECKPOINT' | 'ENTERPRISE';
export type PlaceType = 'COMPOUND' | 'CHECKPOINT' | 'ISOLATION_SITE' | 'ENTERPRISE';
export type Severity = 'MAJOR' | 'MINOR';
export type AnswerResult = 'PASS' | 'FAIL' | 'NA';
export type InspectionResult = 'PASSED' | 'FAILED';
export type TaskStatus = 'OPEN' | 'OVERDUE' | 'CLOSED';
export type TaskKind = 'RECTIFY' | 'FIRST_CHECK';

export interface TemplateItem {
  id: string;
  position: number;
  parentId?: string | null;
  text: string;
  severity: Severity;
}

export interface TemplateView {
  id: string;
  key: string;
  version: number;
  name: string;
  placeType: PlaceType;
  example: boolean;
  retired: boolean;
  createdAt: string;
  items: TemplateItem[];
}

export interface PlaceView {
  placeKind: PlaceKind;
  placeId: string;
  name: string;
  placeType: PlaceType;
  areaId?: string | null;
  areaName?: string | null;
}

export interface TaskView {
  id: string;
  kind: TaskKind;
  placeKind: PlaceKind;
  placeId: string;
  placeName: string;
  itemId?: string | null;
  itemText?: string | null;
  severity?: Severity | null;
  reason?: string | null;
  responsibleName?: string | null;
  dueAt: string;
  status: TaskStatus;
  openedBy?: string | null;
  closedBy?: string | null;
  closedAt?: string | null;
}

export interface InspectionSummary {
  id: string;
  placeKind: PlaceKind;
  placeId: string;
  placeName: string;
  templateName: string;
  templateVersion: number;
  inspector: string;
  inspectedAt: string;
  result: InspectionResult;
  failedItems: number;
}

export interface PlacePageView {
  place: PlaceView;
  inspections: InspectionSummary[];
  openTasks: TaskView[];
}

export interface NewAnswer {
  itemId: string;
  result: AnswerResult;
  reason?: string | null;
  responsibleName?: string | null;
}

export interface NewInspection {
  placeKind: PlaceKind;
  placeId: string;
  templateId: string;
  inspectedAt: string;
  answers: NewAnswer[];
  recheckOf: string[];
  note?: string | null;
  signOff?: { name: string; phone: string; signaturePng: string } | null;
  responsibleUser?: string | null;
}

export interface InspectionView {
  id: string;
  placeKind: PlaceKind;
  placeId: string;
  placeName: string;
  placeType: PlaceType;
  templateId: string;
  templateName: string;
  templateVersion: number;
  inspector: string;
  inspectedAt: string;
  result: InspectionResult;
  answers: { itemId: string; text: string; severity: Severity; result: AnswerResult; reason?: string | null; responsibleName?: string | null }[];
  signedBy?: { name: string; phoneMasked: string } | null;
  signature: boolean;
  confirmedBy?: string | null;
  confirmedAt?: string | null;
  responsibleUser?: string | null;
  tasksOpened: TaskView[];
  tasksClosed: TaskView[];
  version: number;
}

export interface Page<T> {
  items?: T[];
  next?: string | null;
}

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
