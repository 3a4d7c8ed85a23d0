import { Button, Result, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Finished } from './InspectPage';

/** The inspection is signed: its result (the server's once sent), the findings it opened, and what is next. */
export function DoneStep({ finished, onAnother }: { finished: Finished; onAnother: () => void }) {
  const { t } = useTranslation();
  const { view, place } = finished;
  const result = view?.result ?? finished.expected;
  return (
    <Result
      status={result === 'FAILED' ? 'warning' : 'success'}
      data-testid="inspection-done"
      title={
        <span data-testid="inspection-result" data-result={result}>
          {t(`inspections.inspectionResults.${result}`)} · {finished.placeName}
        </span>
      }
      subTitle={
        <Space orientation="vertical" size={0}>
          <span data-testid="inspection-sent" data-sent={!!view}>
            {view ? t('inspections.done.sent') : t('inspections.done.queued')}
          </span>
          {view && (
            <Typography.Text data-testid="inspection-tasks" data-count={view.tasksOpened.length}>
              {t('inspections.done.tasksOpened', { count: view.tasksOpened.length })}
              {view.tasksClosed.length > 0 && ` · ${t('inspections.done.tasksClosed', { count: view.tasksClosed.length })}`}
            </Typography.Text>
          )}
        </Space>
      }
      extra={[
        <Button key="another" type="primary" size="large" onClick={onAnother}>
          {t('inspections.done.another')}
        </Button>,
        view && (
          <Link key="view" to={`/inspections/${view.id}`}>
            {t('inspections.done.open')}
          </Link>
        ),
        <Link key="place" to={`/inspection-places/${place.placeKind}/${place.placeId}`}>
          {t('inspections.done.place')}
        </Link>,
      ]}
    />
  );
}
