import { useState } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePlaces, useTasks } from '../api/inspections';
import type { PlaceKind, TaskStatus } from '../api/types';
import { TaskList } from './TaskList';
import '../inspections.css';

const STATUSES: readonly TaskStatus[] = ['OPEN', 'OVERDUE', 'CLOSED'];

function StatusTab({ status, place }: { status: TaskStatus; place?: { placeKind: PlaceKind; placeId: string } }) {
  const tasks = useTasks({ status, ...place });
  return (
    <>
      {tasks.error && <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
      <TaskList tasks={tasks.items} loading={tasks.isPending && !tasks.error} />
      <LoadMoreButton pages={tasks} />
    </>
  );
}

/** 整改, the leader's findings board: open, overdue (in red, with how late) and closed findings, by place. */
export function TasksBoardPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [placeKey, setPlaceKey] = useState<string>();
  const places = usePlaces(q);
  const [placeKind, placeId] = (placeKey ?? '|').split('|') as [PlaceKind, string];
  const place = placeKey ? { placeKind, placeId } : undefined;
  return (
    <div className="gg-insp-desk">
      <Typography.Title level={2}>{t('inspections.tasks.title')}</Typography.Title>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        placeholder={t('inspections.tasks.filterPlace')}
        aria-label={t('inspections.tasks.filterPlace')}
        style={{ maxWidth: 360, width: '100%' }}
        value={placeKey}
        onChange={(v: string | undefined) => setPlaceKey(v)}
        options={(places.data ?? []).map((p) => ({ value: `${p.placeKind}|${p.placeId}`, label: p.name }))}
      />
      <Tabs
        items={STATUSES.map((s) => ({ key: s, label: t(`inspections.taskStatus.${s}`), children: <StatusTab status={s} place={place} /> }))}
      />
    </div>
  );
}
