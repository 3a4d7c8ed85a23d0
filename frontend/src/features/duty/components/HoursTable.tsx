import { Flex, Table, Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useDutyHours, type HoursReport } from '../api/duty';

type PersonRow = NonNullable<HoursReport['people']>[number];
type UnitRow = NonNullable<HoursReport['units']>[number];

/** Service hours this year by person (against the party members' target) and by unit. */
export function HoursTable({ areaId, year }: { areaId: string | undefined; year: number }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useDutyHours(areaId, year);
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Flex vertical gap="middle">
      <Table<PersonRow>
        size="small"
        loading={isPending}
        rowKey={(p) => p.personId ?? ''}
        dataSource={data?.people ?? []}
        scroll={{ x: 'max-content' }}
        caption={t('duty.hours.people', { year })}
        columns={[
          { key: 'name', title: t('duty.hours.name'), dataIndex: 'name' },
          { key: 'unit', title: t('duty.hours.unit'), dataIndex: 'unit' },
          { key: 'checkIn', title: t('duty.hours.checkIn'), dataIndex: 'checkInHours' },
          { key: 'log', title: t('duty.hours.workLog'), dataIndex: 'workLogHours' },
          { key: 'total', title: t('duty.hours.total'), dataIndex: 'totalHours' },
          {
            key: 'target',
            title: t('duty.hours.target'),
            render: (_, p) =>
              p.targetHours === undefined || p.targetHours === null ? '' : (
                <Tag icon={p.targetMet ? <CheckCircleOutlined /> : undefined}>
                  {p.totalHours} / {p.targetHours}
                </Tag>
              ),
          },
        ]}
      />
      <Table<UnitRow>
        size="small"
        loading={isPending}
        rowKey={(u) => u.unit ?? ''}
        dataSource={data?.units ?? []}
        pagination={false}
        caption={t('duty.hours.units')}
        columns={[
          { key: 'unit', title: t('duty.hours.unit'), dataIndex: 'unit' },
          { key: 'people', title: t('duty.hours.peopleCount'), dataIndex: 'people' },
          { key: 'hours', title: t('duty.hours.total'), dataIndex: 'hours' },
        ]}
      />
    </Flex>
  );
}
