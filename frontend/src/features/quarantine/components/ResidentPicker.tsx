import { useState } from 'react';
import { Button, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { docTypeLabel } from '../../../lib/i18n/labels';
import { useResidentSearch, type DocType } from '../api/quarantine';

const DOC_TYPES: DocType[] = ['MAINLAND_ID', 'PASSPORT', 'HK_MACAU_PERMIT', 'TAIWAN_PERMIT'];

/** Finds a resident with the census's search (ID number or phone) and picks one. */
export function ResidentPicker({ value, onChange }: { value?: string; onChange?: (residentId: string) => void }) {
  const { t } = useTranslation();
  const search = useResidentSearch();
  const [idType, setIdType] = useState<DocType>('MAINLAND_ID');
  const [text, setText] = useState('');
  const run = () => {
    const q = text.trim();
    if (!q) return;
    search.mutate(/^1\d{10}$/.test(q) ? { phone: q } : { idType, idNumber: q });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Select<DocType> value={idType} onChange={setIdType} options={DOC_TYPES.map((d) => ({ value: d, label: docTypeLabel(t, d) }))} style={{ width: 140 }} aria-label={t('quarantineDesk.person.documentType')} />
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => {
            e.preventDefault();
            run();
          }}
          placeholder={t('quarantineDesk.person.searchHint')}
          aria-label={t('quarantineDesk.person.searchHint')}
        />
        <Button onClick={run} loading={search.isPending}>
          {t('common.search')}
        </Button>
      </Space.Compact>
      {search.error && <ProblemAlert error={search.error} />}
      {search.data && search.data.length === 0 && <Typography.Text type="secondary">{t('quarantineDesk.person.noneFound')}</Typography.Text>}
      {search.data && search.data.length > 0 && (
        <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)}>
          <Space direction="vertical">
            {search.data.map((r) => (
              <Radio key={r.id} value={r.id}>
                {r.name} · {r.idNumber ?? ''} · {r.phone ?? ''}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
    </Space>
  );
}
