import { Button, Form, Input, Progress, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, TemplateItem } from '../api/types';
import { missingForFail, type Draft } from '../model';

interface Props {
  item: TemplateItem;
  /** The major item a minor one belongs to, shown above it. */
  parent?: TemplateItem;
  index: number;
  total: number;
  draft: Draft | undefined;
  /** The item is being rechecked (an open finding of this place). */
  recheck: boolean;
  /** The new answer; advance: go on to the next item (PASS and NA do at once). */
  onAnswer: (draft: Draft, advance: boolean) => void;
  /** A FAIL with its reason and responsible person is done. */
  onNext: () => void;
  onBack: () => void;
}

const RESULTS: readonly AnswerResult[] = ['PASS', 'FAIL', 'NA'];

/**
 * One item on the phone: large 合格 / 不合格 / 不适用 buttons. PASS and NA go straight to the
 * next item; FAIL asks for the reason and the person responsible first (both required).
 */
export function ItemStep({ item, parent, index, total, draft, recheck, onAnswer, onNext, onBack }: Props) {
  const { t } = useTranslation();
  const fail = draft?.result === 'FAIL';
  const missing = missingForFail(draft);
  const pick = (result: AnswerResult) => onAnswer({ ...draft, result }, result !== 'FAIL');
  const onChange = (d: Draft) => onAnswer(d, false);
  return (
    <section className="gg-insp-step" data-testid="item-step" data-item-id={item.id}>
      <Space className="gg-insp-progress-line">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('inspections.back')} />
        <Typography.Text strong data-testid="item-progress">
          {t('inspections.item.progress', { n: index + 1, total })}
        </Typography.Text>
      </Space>
      <Progress percent={Math.round(((index + 1) / total) * 100)} showInfo={false} aria-label={t('inspections.item.progress', { n: index + 1, total })} />
      {parent && <Typography.Text type="secondary">{parent.text}</Typography.Text>}
      <Space wrap>
        <Tag color={item.severity === 'MAJOR' ? 'red' : 'gold'}>{t(`inspections.severity.${item.severity}`)}</Tag>
        {recheck && <Tag color="purple">{t('inspections.recheck.tag')}</Tag>}
      </Space>
      <Typography.Title level={3} className="gg-insp-item-text">
        {item.text}
      </Typography.Title>
      <div className="gg-insp-answers">
        {RESULTS.map((r) => (
          <Button
            key={r}
            size="large"
            className={`gg-insp-answer gg-insp-${r}`}
            type={draft?.result === r ? 'primary' : 'default'}
            danger={r === 'FAIL'}
            aria-pressed={draft?.result === r}
            onClick={() => pick(r)}
          >
            {t(`inspections.results.${r}`)}
          </Button>
        ))}
      </div>
      {fail && (
        <Form layout="vertical" onFinish={onNext} className="gg-insp-fail">
          <Form.Item label={t('inspections.item.reason')} required validateStatus={missing.includes('reason') ? 'error' : undefined} help={missing.includes('reason') ? t('inspections.item.reasonRequired') : undefined}>
            <Input.TextArea rows={3} value={draft?.reason ?? ''} onChange={(e) => onChange({ ...draft, reason: e.target.value })} aria-label={t('inspections.item.reason')} />
          </Form.Item>
          <Form.Item label={t('inspections.item.responsible')} required validateStatus={missing.includes('responsibleName') ? 'error' : undefined} help={missing.includes('responsibleName') ? t('inspections.item.responsibleRequired') : undefined}>
            <Input size="large" value={draft?.responsibleName ?? ''} onChange={(e) => onChange({ ...draft, responsibleName: e.target.value })} aria-label={t('inspections.item.responsible')} />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" block disabled={missing.length > 0}>
            {t('inspections.item.next')}
          </Button>
        </Form>
      )}
    </section>
  );
}
