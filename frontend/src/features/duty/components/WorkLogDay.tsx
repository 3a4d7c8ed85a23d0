import { useState } from 'react';
import { Button, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useDecideWorkLog, useWorkLogs, type WorkLog } from '../api/duty';
import { TAG_COLOR } from './tagColors';

const STATUS_COLOR: Record<string, string> = { SUBMITTED: TAG_COLOR.gold, APPROVED: TAG_COLOR.green };

/** Leaders: the area's work logs (日志) of a day with their figures; approving counts the hours. */
export function WorkLogDay({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dayjs());
  const day = date.format('YYYY-MM-DD');
  const logs = useWorkLogs(areaId, day);
  const decide = useDecideWorkLog();
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const data = logs.data ?? [];
  const sum = (f: (l: WorkLog) => number | undefined) => data.reduce((n, l) => n + (f(l) ?? 0), 0);

  async function onDecide(log: WorkLog, approve: boolean) {
    const id = log.id ?? '';
    setErrors((e) => ({ ...e, [id]: undefined }));
    try {
      await decide.mutateAsync({ log, approve });
    } catch (err) {
      setErrors((e) => ({ ...e, [id]: err }));
    }
  }

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center" wrap>
        <Typography.Text>{t('duty.logs.day')}</Typography.Text>
        <DatePicker value={date} allowClear={false} onChange={(d) => d && setDate(d)} aria-label={t('duty.logs.day')} />
      </Flex>
      {logs.error && <ProblemAlert error={logs.error} onRetry={() => void logs.refetch()} />}
      <Table<WorkLog>
        size="small"
        loading={logs.isPending}
        rowKey={(l) => l.id ?? ''}
        dataSource={data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        caption={t('duty.logs.caption', { date: date.format('YYYY-MM-DD'), count: data.length })}
        onRow={() => ({ 'data-testid': 'duty-worklog' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('duty.hours.name'), dataIndex: 'personName' },
          { key: 'what', title: t('duty.log.description'), dataIndex: 'description', width: 280 },
          { key: 'hours', title: t('duty.logs.hours'), dataIndex: 'hours' },
          { key: 'phoned', title: t('duty.log.phoned'), dataIndex: 'householdsPhoned' },
          { key: 'visited', title: t('duty.log.visited'), dataIndex: 'householdsVisited' },
          {
            key: 'status',
            title: t('duty.logs.status'),
            render: (_, l) => (
              <Tag color={STATUS_COLOR[l.status ?? '']} data-testid="duty-worklog-status">
                {t(`duty.logs.statuses.${l.status ?? 'SUBMITTED'}`)}
              </Tag>
            ),
          },
          {
            key: 'decide',
            title: t('duty.logs.decision'),
            render: (_, l) => (
              <Flex vertical gap="small">
                {l.status === 'SUBMITTED' && (
                  <Flex gap="small">
                    <Button size="small" type="primary" onClick={() => void onDecide(l, true)} aria-label={t('duty.logs.approveFor', { name: l.personName })}>
                      {t('duty.logs.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => void onDecide(l, false)} aria-label={t('duty.logs.declineFor', { name: l.personName })}>
                      {t('duty.logs.decline')}
                    </Button>
                  </Flex>
                )}
                {errors[l.id ?? ''] !== undefined && <ProblemAlert error={errors[l.id ?? '']} />}
              </Flex>
            ),
          },
        ]}
        summary={() =>
          data.length === 0 ? null : (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('duty.logs.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2}>
                <span data-testid="duty-worklog-hours">
                  {sum((l) => l.hours)} ({t('duty.logs.approvedHours', { hours: sum((l) => (l.status === 'APPROVED' ? l.hours : 0)) })})
                </span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>{sum((l) => l.householdsPhoned)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4}>{sum((l) => l.householdsVisited)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={2} />
            </Table.Summary.Row>
          )
        }
      />
    </Flex>
  );
}
