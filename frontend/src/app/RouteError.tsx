import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Shown when a screen fails to render or its code cannot be loaded (e.g. offline after an update). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('routeError.title')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={
        <Button type="primary" size="large" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      }
    />
  );
}
