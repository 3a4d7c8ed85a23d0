import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../api/types';
import { expectedResult, type Drafts } from '../model';

interface Props {
  items: TemplateItem[];
  drafts: Drafts;
  note: string;
  onNote: (note: string) => void;
  /** Opens an item again to change its answer. */
  onEdit: (index: number) => void;
  onNext: () => void;
}

const COLORS = { PASS: 'green', FAIL: 'red', NA: 'default' } as const;

/** Every answer at a glance before the sign-off; a tap on an item changes it. */
export function SummaryStep({ items, drafts, note, onNote, onEdit, onNext }: Props) {
  const { t } = useTranslation();
  const failed = items.filter((i) => drafts[i.id]?.result === 'FAIL').length;
  const result = expectedResult(drafts);
  return (
    <section className="gg-insp-step" data-testid="summary-step">
      <Typography.Title level={3}>{t('inspections.summary.title')}</Typography.Title>
      <Space>
        <Tag color={result === 'FAILED' ? 'red' : 'green'} data-testid="summary-result">
          {t(`inspections.inspectionResults.${result}`)}
        </Tag>
        <Typography.Text>{t('inspections.summary.failed', { count: failed })}</Typography.Text>
      </Space>
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        renderItem={(item, index) => {
          const d = drafts[item.id];
          return (
            <List.Item onClick={() => onEdit(index)} className="gg-insp-summary-row">
              <Space orientation="vertical" size={0}>
                <span>
                  <Tag color={d?.result ? COLORS[d.result] : 'default'}>{d?.result ? t(`inspections.results.${d.result}`) : '—'}</Tag>
                  {item.text}
                </span>
                {d?.result === 'FAIL' && (
                  <Typography.Text type="danger">
                    {d.reason} · {t('inspections.item.responsible')}: {d.responsibleName}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <Input.TextArea rows={2} value={note} onChange={(e) => onNote(e.target.value)} placeholder={t('inspections.summary.note')} aria-label={t('inspections.summary.note')} />
      <Button type="primary" size="large" block onClick={onNext}>
        {t('inspections.summary.toSignOff')}
      </Button>
    </section>
  );
}
