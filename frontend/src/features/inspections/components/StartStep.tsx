import { Alert, Button, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePlacePage, useTemplates } from '../api/inspections';
import type { PlaceView, TaskView, TemplateView } from '../api/types';
import { recheckable } from '../model';

interface Props {
  place: PlaceView;
  templateId: string | undefined;
  onTemplate: (t: TemplateView) => void;
  /** Starts the walk; on a recheck with the open findings to close. */
  onStart: (template: TemplateView, recheck: TaskView[]) => void;
  onChangePlace: () => void;
}

/**
 * The picked place: which checklist (the one in use for its type, or a choice when there are
 * several) and, when the place has open findings, 复查 — a recheck that walks those items first.
 */
export function StartStep({ place, templateId, onTemplate, onStart, onChangePlace }: Props) {
  const { t } = useTranslation();
  const templates = useTemplates(place.placeType);
  const page = usePlacePage(place.placeKind, place.placeId);
  const inUse = (templates.data ?? []).filter((x) => !x.retired);
  const template = inUse.find((x) => x.id === templateId) ?? (inUse.length === 1 ? inUse[0] : undefined);
  const open = recheckable(page.data?.openTasks);
  return (
    <section className="gg-insp-step" data-testid="start-step">
      <Typography.Title level={3}>{place.name}</Typography.Title>
      <Space wrap>
        <Tag>{t(`inspections.placeTypes.${place.placeType}`)}</Tag>
        <Typography.Text type="secondary">{place.areaName}</Typography.Text>
        <Button type="link" onClick={onChangePlace}>
          {t('inspections.place.change')}
        </Button>
      </Space>
      {templates.error && <ProblemAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data && inUse.length === 0 && <Alert type="warning" showIcon title={t('inspections.template.none')} />}
      {inUse.length > 1 && (
        <Radio.Group value={template?.id} onChange={(e) => onTemplate(inUse.find((x) => x.id === e.target.value) as TemplateView)} className="gg-insp-templates">
          {inUse.map((x) => (
            <Radio key={x.id} value={x.id}>
              {x.name} · v{x.version}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {template && (
        <Typography.Text>
          {t('inspections.template.items', { name: template.name, version: template.version, count: template.items.length })}
        </Typography.Text>
      )}
      {open.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('inspections.recheck.open', { count: open.length })}</Typography.Text>}
          dataSource={open}
          rowKey="id"
          renderItem={(task) => (
            <List.Item>
              <Space wrap>
                {task.status === 'OVERDUE' && <Tag color="red">{t('inspections.taskStatus.OVERDUE')}</Tag>}
                <span>{task.itemText}</span>
                <Typography.Text type="secondary">{task.reason}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <div className="gg-insp-actions">
        {open.length > 0 && (
          <Button size="large" type="primary" disabled={!template} onClick={() => template && onStart(template, open)}>
            {t('inspections.recheck.start', { count: open.length })}
          </Button>
        )}
        <Button size="large" type={open.length > 0 ? 'default' : 'primary'} disabled={!template} onClick={() => template && onStart(template, [])}>
          {t('inspections.start')}
        </Button>
      </div>
    </section>
  );
}
