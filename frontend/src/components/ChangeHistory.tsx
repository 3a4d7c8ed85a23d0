import { Card, Empty, List, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { components } from '../lib/api/schema';
import { ProblemAlert } from './ProblemAlert';

export type CensusChange = components['schemas']['CensusChange'];

/** One changed value: objects ({old, new}) read as "old → new"; anything else as itself. */
function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('old' in v || 'new' in v) return `${describe(v.old)} → ${describe(v.new)}`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return value.map(describe).join('、');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface Props {
  items: readonly CensusChange[] | undefined;
  error: unknown;
  isPending: boolean;
  onRetry: () => void;
}

/** Who changed a census record, when, and what (old and new values). */
export function ChangeHistory({ items, error, isPending, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={t('history.title')} className="gg-section">
      {error ? (
        <ProblemAlert error={error} onRetry={onRetry} />
      ) : isPending ? (
        <Skeleton active />
      ) : !items || items.length === 0 ? (
        <Empty description={t('history.empty')} />
      ) : (
        <List
          data-testid="change-history"
          dataSource={[...items]}
          rowKey={(c) => String(c.id)}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {c.action} · {c.actor} <span className="gg-muted">{c.at ? dayjs(c.at).format('YYYY-MM-DD HH:mm') : ''}</span>
                  </span>
                }
                description={
                  <ul className="gg-history-changes">
                    {Object.entries(c.changes ?? {}).map(([field, v]) => (
                      <li key={field}>
                        <Typography.Text code>{field}</Typography.Text> {describe(v)}
                      </li>
                    ))}
                  </ul>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
