import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { UiProvider } from './UiProvider';

/** The app could not start (no /config.json: backend down or offline on first visit). */
export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <UiProvider>
      <main>
        <Result
          status="warning"
          title={t('startup.failed')}
          subTitle={error instanceof Error ? error.message : String(error)}
          extra={
            <Button type="primary" size="large" onClick={() => window.location.reload()}>
              {t('common.retry')}
            </Button>
          }
        />
      </main>
    </UiProvider>
  );
}
