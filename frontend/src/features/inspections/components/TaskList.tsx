import { useState } from 'react';
import { List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../api/types';
import { lateness } from '../model';

const STATUS_COLORS = { OPEN: 'blue', OVERDUE: 'red', CLOSED: 'green' } as const;

/** Due time, or for an overdue finding how late it is, in red. */
export function TaskDue({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const [now] = useState(() => new Date());
  if (task.status === 'CLOSED') return <span>{t('inspections.tasks.closedAt', { at: new Date(task.closedAt ?? task.dueAt).toLocaleString() })}</span>;
  if (task.status === 'OVERDUE' || new Date(task.dueAt) < now) {
    const late = lateness(task.dueAt, now);
    return (
      <span className="gg-overdue" data-testid="task-late">
        {late.days > 0 ? t('inspections.tasks.lateDays', { days: late.days, hours: late.hours }) : t('inspections.tasks.lateHours', { hours: late.hours })}
      </span>
    );
  }
  return <span>{t('inspections.tasks.dueAt', { at: new Date(task.dueAt).toLocaleString() })}</span>;
}

/** Findings: what failed where, why, who must fix it and by when; a tap opens the place. */
export function TaskList({ tasks, loading, showPlace = true }: { tasks: TaskView[]; loading?: boolean; showPlace?: boolean }) {
  const { t } = useTranslation();
  return (
    <List<TaskView>
      loading={loading}
      dataSource={tasks}
      rowKey="id"
      locale={{ emptyText: t('inspections.tasks.empty') }}
      renderItem={(task) => (
        <List.Item data-testid="task-row" data-status={task.status}>
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <Tag color={STATUS_COLORS[task.status]}>{t(`inspections.taskStatus.${task.status}`)}</Tag>
              <Tag>{t(`inspections.taskKinds.${task.kind}`)}</Tag>
              {task.severity && <Tag color={task.severity === 'MAJOR' ? 'red' : 'gold'}>{t(`inspections.severity.${task.severity}`)}</Tag>}
              {showPlace && <Link to={`/inspection-places/${task.placeKind}/${task.placeId}`}>{task.placeName}</Link>}
            </Space>
            {task.itemText && <Typography.Text strong>{task.itemText}</Typography.Text>}
            {task.reason && <Typography.Text>{task.reason}</Typography.Text>}
            <Typography.Text type="secondary">
              {task.responsibleName && `${t('inspections.item.responsible')}: ${task.responsibleName} · `}
              <TaskDue task={task} />
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
