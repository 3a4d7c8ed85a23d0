import { useSyncExternalStore } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/** A banner across the top while the device has no network (gates often have bad signal). */
export function OfflineBanner() {
  const online = useOnline();
  const { t } = useTranslation();
  if (online) return null;
  return <Alert banner type="warning" showIcon role="status" aria-live="polite" title={t('offline.banner')} className="gg-offline" />;
}
