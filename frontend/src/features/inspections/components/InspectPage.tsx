import { useMemo, useState } from 'react';
import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useQueueSnapshot } from '../../../lib/offline';
import { inspectionKeys, usePlacePage } from '../api/inspections';
import { sentInspections, useInspectionQueue } from '../api/queue';
import type { InspectionView, PlaceKind, PlaceView, TaskView, TemplateView } from '../api/types';
import { expectedResult, firstOpen, inspectionBody, isAnswered, walkOrder, type Draft, type Drafts, type SignOff } from '../model';
import { DoneStep } from './DoneStep';
import { InspectionQueueStatus } from './InspectionQueueStatus';
import { ItemStep } from './ItemStep';
import { PlacePicker } from './PlacePicker';
import { SignOffStep } from './SignOffStep';
import { StartStep } from './StartStep';
import { SummaryStep } from './SummaryStep';
import '../inspections.css';

type Step = 'place' | 'start' | 'items' | 'summary' | 'signoff' | 'done';

export interface Finished {
  key: string;
  placeName: string;
  place: PlaceView;
  expected: 'PASSED' | 'FAILED';
  /** The server's answer once it was sent. */
  view?: InspectionView;
}

/**
 * 检查, the inspector's phone flow: a place → its checklist → every item with large buttons →
 * a summary → the responsible person's name, phone and drawn signature → done. The finished
 * inspection goes into the offline queue first with its Idempotency-Key and is sent right away
 * when there is a network (else when it comes back): queued once, recorded once.
 */
export function InspectPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const linked = usePlacePage((params.get('placeKind') as PlaceKind) ?? undefined, params.get('placeId') ?? undefined);
  const queue = useInspectionQueue();
  const snapshot = useQueueSnapshot(queue);
  const queryClient = useQueryClient();

  const [picked, setPicked] = useState<PlaceView>();
  const place = picked ?? linked.data?.place;
  const [step, setStep] = useState<Step>('place');
  const [template, setTemplate] = useState<TemplateView>();
  const [recheck, setRecheck] = useState<TaskView[]>([]);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [finished, setFinished] = useState<Finished>();

  const recheckItems = useMemo(() => new Set(recheck.map((r) => r.itemId ?? '')), [recheck]);
  const items = useMemo(() => (template ? walkOrder(template.items, recheckItems) : []), [template, recheckItems]);
  const byId = useMemo(() => new Map((template?.items ?? []).map((i) => [i.id, i])), [template]);
  const current = step === 'place' && place ? 'start' : step;

  const reset = () => {
    if (params.has('placeId')) setParams({}, { replace: true });
    setPicked(undefined);
    setTemplate(undefined);
    setRecheck([]);
    setDrafts({});
    setIndex(0);
    setNote('');
    setStep('place');
  };

  const start = (tpl: TemplateView, tasks: TaskView[]) => {
    setTemplate(tpl);
    setRecheck(tasks);
    setDrafts({});
    setIndex(0);
    setStep('items');
  };

  /** On to the next item not answered yet (after this one, else the first one skipped); the summary once all are. */
  const next = (all: Drafts) => {
    const after = items.findIndex((i, n) => n > index && !isAnswered(all[i.id]));
    const open = after !== -1 ? after : firstOpen(items, all);
    if (open === -1) setStep('summary');
    else setIndex(open);
  };

  const answer = (d: Draft, advance: boolean) => {
    const all = { ...drafts, [items[index]?.id ?? '']: d };
    setDrafts(all);
    if (advance) next(all);
  };

  const sign = async (signOff: SignOff) => {
    if (!queue || !place || !template) return;
    setBusy(true);
    const key = crypto.randomUUID();
    const body = inspectionBody({ place, template, drafts, recheckOf: recheck, note, signOff, inspectedAt: new Date() });
    await queue.enqueue({ key, body }, { placeName: place.name, templateName: template.name });
    const done: Finished = { key, placeName: place.name, place, expected: expectedResult(drafts) };
    setFinished(done);
    setStep('done');
    setBusy(false);
    if (navigator.onLine) {
      await queue.flush();
      const view = sentInspections.get(key);
      if (view) setFinished({ ...done, view });
      void queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
    }
  };

  const item = items[index];
  return (
    <div className="gg-insp">
      <Typography.Title level={2}>{t('inspections.title')}</Typography.Title>
      <InspectionQueueStatus queue={queue} snapshot={snapshot} />
      {current === 'place' && <PlacePicker onPick={(p) => (setPicked(p), setStep('start'))} />}
      {current === 'start' && place && (
        <StartStep place={place} templateId={template?.id} onTemplate={setTemplate} onStart={start} onChangePlace={reset} />
      )}
      {current === 'items' && item && (
        <ItemStep
          key={item.id}
          item={item}
          parent={item.parentId ? byId.get(item.parentId) : undefined}
          index={index}
          total={items.length}
          draft={drafts[item.id]}
          recheck={recheckItems.has(item.id)}
          onAnswer={answer}
          onNext={() => next(drafts)}
          onBack={() => (index > 0 ? setIndex(index - 1) : setStep('start'))}
        />
      )}
      {current === 'summary' && (
        <SummaryStep items={items} drafts={drafts} note={note} onNote={setNote} onEdit={(i) => (setIndex(i), setStep('items'))} onNext={() => setStep('signoff')} />
      )}
      {current === 'signoff' && <SignOffStep busy={busy} onSign={(s) => void sign(s)} onBack={() => setStep('summary')} />}
      {current === 'done' && finished && <DoneStep finished={finished} onAnother={reset} />}
    </div>
  );
}
