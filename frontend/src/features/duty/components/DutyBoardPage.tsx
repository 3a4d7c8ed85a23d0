import { useMemo } from 'react';
import { Button, Flex, Select, Tabs, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useAreaTree } from '../../../lib/api/areaTree';
import { kindLabel } from '../../../lib/i18n/labels';
import type { AreaNode } from '../../../lib/api/types';
import { useMe } from '../../../lib/api/me';
import { BuildRota } from './BuildRota';
import { GapInbox } from './GapInbox';
import { HoursTable } from './HoursTable';
import { WeekBoard } from './WeekBoard';
import { SwapApprovals } from './SwapViews';
import { WorkLogDay } from './WorkLogDay';
import { SpotInspections } from './SpotInspections';
import { CheckInCorrections } from './CheckInCorrections';
import { weekStart } from './shiftUtils';
import '../duty.css';

const ROSTERED = ['COMMUNITY', 'ZONE'];

function flatten(nodes: readonly AreaNode[], out: AreaNode[] = []): AreaNode[] {
  for (const n of nodes) {
    if (ROSTERED.includes(n.kind ?? '')) out.push(n);
    flatten(n.children ?? [], out);
  }
  return out;
}

/** Leaders at the desk: the week board, building and publishing the rota, gaps and hours. */
export function DutyBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tree = useAreaTree();
  const me = useMe();
  const areas = useMemo(() => flatten(tree.data ?? []), [tree.data]);
  const own = me.data?.jurisdiction?.find((j) => j.role === 'grid-leader')?.nodeId ?? me.data?.jurisdiction?.[0]?.nodeId;
  const areaId = params.get('area') ?? own ?? areas[0]?.id;
  const monday = params.get('week') ? weekStart(dayjs(params.get('week'))) : weekStart();
  const tab = params.get('tab') ?? 'board';

  const set = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(key, value);
      return next;
    });

  const options = areas.map((a) => ({ value: a.id ?? '', label: `${a.name ?? ''} · ${kindLabel(t, a.kind)}` }));
  if (areaId && !options.some((o) => o.value === areaId)) options.push({ value: areaId, label: areaId });

  return (
    <section aria-labelledby="duty-board-title" className="gg-page">
      <Typography.Title level={2} id="duty-board-title">
        {t('duty.board.title')}
      </Typography.Title>
      <Flex gap="small" wrap align="center">
        <Select
          size="large"
          style={{ minWidth: 240 }}
          aria-label={t('duty.board.area')}
          value={areaId}
          options={options}
          onChange={(v: string) => set('area', v)}
        />
        <Button size="large" icon={<LeftOutlined />} aria-label={t('duty.board.prevWeek')} onClick={() => set('week', monday.subtract(7, 'day').format('YYYY-MM-DD'))} />
        <Typography.Text strong data-testid="duty-week">
          {monday.format('YYYY-MM-DD')} – {monday.add(6, 'day').format('MM-DD')}
        </Typography.Text>
        <Button size="large" icon={<RightOutlined />} aria-label={t('duty.board.nextWeek')} onClick={() => set('week', monday.add(7, 'day').format('YYYY-MM-DD'))} />
      </Flex>
      {areaId && (
        <Tabs
          className="gg-section gg-duty-tabs"
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            { key: 'board', label: t('duty.tabs.board'), children: <WeekBoard areaId={areaId} monday={monday} /> },
            { key: 'rota', label: t('duty.tabs.rota'), children: <BuildRota areaId={areaId} monday={monday} /> },
            { key: 'swaps', label: t('duty.tabs.swaps'), children: <SwapApprovals areaId={areaId} /> },
            { key: 'logs', label: t('duty.tabs.logs'), children: <WorkLogDay areaId={areaId} /> },
            { key: 'inspections', label: t('duty.tabs.inspections'), children: <SpotInspections areaId={areaId} /> },
            { key: 'checkins', label: t('duty.tabs.checkins'), children: <CheckInCorrections areaId={areaId} /> },
            { key: 'gaps', label: t('duty.tabs.gaps'), children: <GapInbox areaId={areaId} /> },
            { key: 'hours', label: t('duty.tabs.hours'), children: <HoursTable areaId={areaId} year={monday.year()} /> },
          ]}
        />
      )}
    </section>
  );
}
