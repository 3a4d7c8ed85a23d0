import { useState } from 'react';
import { App, Button, Empty, Form, Input, InputNumber, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../ProblemAlert';
import { useLanguage } from '../../lib/i18n/language';
import { kindColor, kindLabel, useAlertKinds, useAlertTransition, useAlerts, type Alert, type AlertKind, type AlertState } from './alerts';
import './alerts.css';

interface Props {
  /** One kind (e.g. DUTY_GAP on the duty board) or all. */
  kind?: AlertKind;
  areaId?: string;
  includeClosed?: boolean;
  /** Leaders move alerts along their workflow here; the duty board only lists. */
  actions?: boolean;
  /** data-testid of each row. */
  itemTestId?: string;
  /** Shown first and outlined (a link from the checkpoint screen: /alerts?id=…). */
  highlightId?: string;
  emptyText?: string;
}

/**
 * The shared alert inbox of every kind the features raise (their labels and colours come from
 * GET /api/v1/alert-kinds): newest first, with the next steps the server allows for each alert. Re-measuring a fever asks for the new value.
 */
export function AlertInbox({ kind, areaId, includeClosed = false, actions = true, itemTestId = 'alert', highlightId, emptyText }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, isPending, refetch } = useAlerts(kind, includeClosed, areaId);
  const { data: kinds } = useAlertKinds();
  const { language } = useLanguage();
  const transition = useAlertTransition();
  const [remeasuring, setRemeasuring] = useState<Alert>();
  const [form] = Form.useForm<{ temperature: number; note?: string }>();

  const move = (alert: Alert, to: AlertState, temperature?: number, note?: string) =>
    transition.mutateAsync({ alert, to, temperature, note }).then(() => {
      message.success(t('alerts.done'));
    });

  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;
  if (data.length === 0) return <Empty description={emptyText ?? t('alerts.empty')} />;
  const rows = highlightId ? [...data].sort((a, b) => Number(b.id === highlightId) - Number(a.id === highlightId)) : data;

  return (
    <>
      {transition.error && <ProblemAlert error={transition.error} onRetry={() => void refetch()} />}
      <List
        dataSource={rows}
        rowKey={(a) => a.id ?? ''}
        renderItem={(a) => {
          return (
            <List.Item data-testid={itemTestId} data-id={a.id} className={a.id === highlightId ? 'gg-alert-row gg-alert-highlight' : 'gg-alert-row'}>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag color={kindColor(kinds, a.kind ?? '')} data-testid="alert-kind">
                      {kindLabel(kinds, a.kind ?? '', language)}
                    </Tag>
                    <span>{a.subjectLabel}</span>
                  </Space>
                }
                description={
                  <>
                    <Typography.Text type="secondary">
                      {a.areaName} · {t('alerts.raised', { time: a.raisedAt ? dayjs(a.raisedAt).format('MM-DD HH:mm') : '' })} ·{' '}
                      {a.state ? t(`alerts.states.${a.state}`) : ''}
                      {a.overdue ? ` · ${t('alerts.overdue')}` : ''}
                    </Typography.Text>
                    {actions && (a.nextStates?.length ?? 0) > 0 && (
                      <div className="gg-alert-actions">
                        {a.nextStates?.map((to) => (
                          <Button
                            key={to}
                            danger={to === 'REFERRED'}
                            type={to === 'REMEASURED' ? 'primary' : 'default'}
                            loading={transition.isPending && transition.variables?.alert.id === a.id && transition.variables?.to === to}
                            onClick={() => {
                              if (to === 'REMEASURED') {
                                form.resetFields();
                                setRemeasuring(a);
                              } else void move(a, to).catch(() => undefined);
                            }}
                          >
                            {t(`alerts.to.${to}`)}
                          </Button>
                        ))}
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      <Modal
        open={remeasuring !== undefined}
        title={t('alerts.remeasure.title')}
        onCancel={() => setRemeasuring(undefined)}
        confirmLoading={transition.isPending}
        onOk={() => {
          void form.validateFields().then(async (v) => {
            if (!remeasuring) return;
            await move(remeasuring, 'REMEASURED', v.temperature, v.note).catch(() => undefined);
            setRemeasuring(undefined);
          });
        }}
      >
        <Typography.Paragraph>{remeasuring?.subjectLabel}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="temperature" label={t('alerts.remeasure.temperature')} rules={[{ required: true }]}>
            <InputNumber size="large" min={34} max={43} step={0.1} precision={1} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
          <Form.Item name="note" label={t('alerts.remeasure.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
