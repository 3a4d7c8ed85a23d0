import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useTaskOutcome, useTasks, type Task } from '../api/testing';

/** A worker's door-to-door visits and urgent re-tests (单采) in their cells: urgent first, then by building and door. */
export function TaskList({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'OPEN' | 'DONE' | 'FAILED'>('OPEN');
  const tasks = useTasks(roundId, status);
  const outcome = useTaskOutcome(roundId);
  const [failing, setFailing] = useState<Task>();
  const [reason, setReason] = useState('');

  const done = (task: Task) => outcome.mutate({ task, status: 'DONE' }, { onSuccess: () => void message.success(t('testing.tasks.markedDone')) });

  return (
    <div>
      <Segmented
        value={status}
        onChange={setStatus}
        options={(['OPEN', 'DONE', 'FAILED'] as const).map((s) => ({ value: s, label: t(`testing.taskStatus.${s}`) }))}
      />
      {tasks.error && <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {outcome.error && <ProblemAlert error={outcome.error} />}
      <List
        loading={tasks.isPending}
        dataSource={tasks.data ?? []}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('testing.tasks.none')} /> }}
        renderItem={(task) => (
          <List.Item data-testid="test-task" data-kind={task.kind}>
            <Card size="small" className="gg-task" style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Tag color={task.kind === 'RETEST' ? 'red' : 'blue'}>{t(`testing.taskKind.${task.kind}`)}</Tag>
                {task.urgent && <Tag color="volcano">{t('testing.tasks.urgent')}</Tag>}
                <Typography.Text strong>{[task.buildingName, task.doorNumber].filter(Boolean).join(' · ')}</Typography.Text>
              </Space>
              <div className="gg-task-people">{task.people.map((p) => p.name).join('、')}</div>
              {task.failureReason && <Typography.Text type="danger">{task.failureReason}</Typography.Text>}
              {task.status === 'OPEN' && (
                <Space className="gg-task-actions">
                  <Button type="primary" size="large" loading={outcome.isPending} onClick={() => done(task)}>
                    {t('testing.tasks.done')}
                  </Button>
                  <Button size="large" danger onClick={() => { setFailing(task); setReason(''); }}>
                    {t('testing.tasks.failed')}
                  </Button>
                </Space>
              )}
            </Card>
          </List.Item>
        )}
      />
      <Modal
        open={failing !== undefined}
        title={t('testing.tasks.failTitle')}
        okButtonProps={{ disabled: reason.trim().length === 0, loading: outcome.isPending }}
        onCancel={() => setFailing(undefined)}
        onOk={() =>
          failing &&
          outcome.mutate({ task: failing, status: 'FAILED', reason: reason.trim() }, { onSuccess: () => setFailing(undefined) })
        }
      >
        <Input.TextArea
          aria-label={t('testing.tasks.failReason')}
          placeholder={t('testing.tasks.failReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </div>
  );
}
