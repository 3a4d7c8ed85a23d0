import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { JobProgress } from '../../../components/job-progress/JobProgress';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useBuildRoster, usePublishRoster, useRoster, type UnfilledShift } from '../api/duty';
import { RuleViolations } from './RuleViolations';

interface Props {
  areaId: string;
  monday: Dayjs;
  pollMs?: number;
}

/** "Build rota": solve the week, watch the job, read why shifts stay unfilled, publish. */
export function BuildRota({ areaId, monday, pollMs }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const build = useBuildRoster();
  const publish = usePublishRoster();
  const [rosterId, setRosterId] = useState<string>();
  const [jobId, setJobId] = useState<string>();
  const roster = useRoster(rosterId, pollMs);
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const r = roster.data;
  const unfilled = (r?.unfilled ?? []) as UnfilledShift[];
  const proposed = (r?.proposal ?? []).reduce((n, p) => n + (Array.isArray(p.personIds) ? p.personIds.length : 0), 0);

  async function start() {
    publish.reset();
    setRosterId(undefined);
    setJobId(undefined);
    try {
      const v = await build.mutateAsync({ areaId, from, to });
      setRosterId(v?.id);
      setJobId(v?.jobId);
    } catch {
      // shown below
    }
  }

  async function onPublish() {
    if (!rosterId) return;
    try {
      await publish.mutateAsync(rosterId);
      void message.success(t('duty.rota.published'));
      void roster.refetch();
    } catch {
      // shown below
    }
  }

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center" wrap>
        <Button type="primary" size="large" loading={build.isPending} onClick={() => void start()}>
          {t('duty.rota.build')}
        </Button>
        <Typography.Text type="secondary">
          {t('duty.rota.range', { from: dayjs(from).format('MM-DD'), to: dayjs(to).format('MM-DD') })}
        </Typography.Text>
      </Flex>
      {build.error && <ProblemAlert error={build.error} />}
      {jobId && <JobProgress jobId={jobId} pollMs={pollMs} />}
      {roster.error && <ProblemAlert error={roster.error} />}
      {r && r.status !== 'SOLVING' && (
        <Card size="small" title={t('duty.rota.result')} data-testid="duty-rota-result">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'status', label: t('duty.rota.status'), children: <Tag data-testid="duty-rota-status">{t(`duty.rota.statuses.${r.status ?? 'FAILED'}`)}</Tag> },
              { key: 'score', label: t('duty.rota.score'), children: <span className="gg-code" data-testid="duty-rota-score">{r.score ?? '—'}</span> },
              { key: 'proposed', label: t('duty.rota.proposed'), children: proposed },
              { key: 'unfilled', label: t('duty.rota.unfilledCount'), children: unfilled.length },
            ]}
          />
          {unfilled.length > 0 && (
            <Table<UnfilledShift>
              className="gg-section"
              size="small"
              rowKey={(u) => u.shiftId ?? ''}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 'max-content' }}
              dataSource={unfilled}
              caption={t('duty.rota.unfilledTitle')}
              columns={[
                { key: 'post', title: t('duty.board.post'), dataIndex: 'checkpointCode' },
                { key: 'start', title: t('duty.rota.start'), render: (_, u) => (u.startsAt ? dayjs(u.startsAt).format('MM-DD HH:mm') : '') },
                { key: 'short', title: t('duty.rota.short'), render: (_, u) => `${u.short ?? 0} / ${u.needed ?? 0}` },
                {
                  key: 'blocked',
                  title: t('duty.rota.blockedBy'),
                  render: (_, u) =>
                    Object.entries(u.blockedBy ?? {}).map(([rule, n]) => (
                      <Tag key={rule} color="orange">
                        {rule} × {n}
                      </Tag>
                    )),
                },
                { key: 'why', title: t('duty.rota.why'), dataIndex: 'why' },
              ]}
            />
          )}
          {r.status === 'PROPOSED' && (
            <Button type="primary" size="large" className="gg-section" loading={publish.isPending} onClick={() => void onPublish()}>
              {t('duty.rota.publish')}
            </Button>
          )}
          {publish.error && <RuleViolations error={publish.error} />}
        </Card>
      )}
    </Flex>
  );
}
