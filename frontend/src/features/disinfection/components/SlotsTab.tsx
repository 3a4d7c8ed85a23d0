import { Button, Empty, Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSlots, type Day, type SlotStatus } from '../api/disinfection';
import { clockInZone } from '../roundRules';
import type { RoundPreset } from './RoundForm';

const COLOR: Record<SlotStatus, string> = { DONE: 'green', MISSED: 'red', DUE: 'orange', UPCOMING: 'default' };
const MARK: Record<SlotStatus, string> = { DONE: '✓ ', MISSED: '✗ ', DUE: '', UPCOMING: '' };

/** A day's slots per place: done ✓, due, missed in red; a tap on a due or missed place opens the record form. */
export function SlotsTab({ day, onDay, onRecord }: { day: string; onDay: (d: string) => void; onRecord?: (p: RoundPreset) => void }) {
  const { t } = useTranslation();
  const slots = useSlots(day);
  const columns = [
    { title: t('disinfection.columns.place'), dataIndex: 'placeName', key: 'place' },
    {
      title: t('disinfection.columns.slots'),
      key: 'slots',
      render: (_: unknown, d: Day) => (
        <Space wrap size={4}>
          {d.slots.map((s) => (
            <Tag key={s.at} color={COLOR[s.status]} data-testid="disinfection-slot" data-status={s.status}>
              {MARK[s.status]}
              {clockInZone(s.at)} {t(`disinfection.status.${s.status}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(onRecord
      ? [
          {
            title: '',
            key: 'record',
            render: (_: unknown, d: Day) =>
              d.slots.some((s) => s.status === 'DUE' || s.status === 'MISSED') && (
                <Button onClick={() => onRecord({ place: `${d.placeKind}:${d.placeId}`, placeName: d.placeName, scheduleId: d.scheduleId })}>
                  {t('disinfection.record')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Input type="date" value={day} onChange={(e) => e.target.value && onDay(e.target.value)} aria-label={t('disinfection.day')} style={{ maxWidth: 200, marginBottom: 12 }} />
      {slots.error && <ProblemAlert error={slots.error} onRetry={() => void slots.refetch()} />}
      <Table<Day>
        rowKey="scheduleId"
        size="small"
        loading={slots.isLoading}
        dataSource={slots.items}
        columns={columns}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('disinfection.noSchedules')} /> }}
      />
      <LoadMoreButton pages={slots} />
    </>
  );
}
