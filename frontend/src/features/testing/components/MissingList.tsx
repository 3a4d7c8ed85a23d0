import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useMissing, type MissingPerson } from '../api/testing';

/** Groups the worklist by building, keeping the server's order (building, then door number). */
export function byBuilding(people: readonly MissingPerson[]): { building: string; people: MissingPerson[] }[] {
  const groups: { building: string; people: MissingPerson[] }[] = [];
  for (const p of people) {
    const building = p.buildingName ?? '';
    const last = groups[groups.length - 1];
    if (last && last.building === building) last.people.push(p);
    else groups.push({ building, people: [p] });
  }
  return groups;
}

/** "Missing in my cells": expected residents with no sample yet, the make-up sweep's worklist (补检). */
export function MissingList({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const missing = useMissing(roundId);
  const groups = byBuilding(missing.data ?? []);
  return (
    <div>
      {missing.error && <ProblemAlert error={missing.error} onRetry={() => void missing.refetch()} />}
      <Typography.Paragraph type="secondary" data-testid="missing-count">
        {t('testing.missing.count', { count: missing.data?.length ?? 0 })}
      </Typography.Paragraph>
      {!missing.isPending && groups.length === 0 && <Empty description={t('testing.missing.none')} />}
      {groups.map((g) => (
        <List
          key={g.building}
          size="small"
          header={<Typography.Text strong>{g.building || t('testing.missing.noBuilding')}</Typography.Text>}
          dataSource={g.people}
          rowKey="residentId"
          renderItem={(p) => (
            <List.Item data-testid="missing-person">
              <span className="gg-door">{p.doorNumber}</span>
              <Typography.Text strong>{p.name}</Typography.Text>
              <span>{p.phone}</span>
              <span>{(p.categories ?? []).map((c) => <Tag key={c}>{t(`categories.${c}` as 'categories.TENANT', { defaultValue: c })}</Tag>)}</span>
            </List.Item>
          )}
        />
      ))}
    </div>
  );
}
