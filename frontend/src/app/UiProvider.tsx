import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { useLanguage } from '../lib/i18n/language';

/** antd in the chosen language; no space forced between two Chinese characters on buttons. */
export function UiProvider({ children }: { children: ReactNode }) {
  const { antdLocale } = useLanguage();
  return (
    <ConfigProvider
      locale={antdLocale}
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          // #0b5cad on white is 6.6:1 (WCAG AA for all text sizes).
          colorPrimary: '#0b5cad',
          colorLink: '#0b5cad',
          // antd's default greys, placeholder and error red fall below WCAG AA contrast (4.5:1).
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          colorError: '#cf1322',
          borderRadius: 8,
          fontSize: 15,
          controlHeightLG: 48,
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
