import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage, type Language } from '../lib/i18n/language';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** Switches between Chinese and English; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('lang.label')}
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{LABELS[l]}</span> }))}
    />
  );
}
