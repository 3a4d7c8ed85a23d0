import { Alert, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangeHistory } from '../../../components/ChangeHistory';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRoles } from '../../../lib/auth/roles';
import { categoryLabel, docTypeLabel, healthCodeLabel, residentStatusLabel } from '../../../lib/i18n/labels';
import { unmaskableFields, useActiveQuarantine, useResident, useResidentHistory } from '../api/residents';
import { RevealValue } from './RevealValue';

/** One resident: masked identity data with the audited "show", categories, health code, history. */
export function ResidentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const roles = useRoles();
  const fields = unmaskableFields(roles);
  const { data: r, error, isPending, refetch } = useResident(id);
  const history = useResidentHistory(id);
  const quarantine = useActiveQuarantine(id).data;

  return (
    <section aria-labelledby="resident-title" className="gg-page">
      {r?.householdId ? (
        <Link to={`/households/${r.householdId}`} className="gg-back">
          ← {t('residents.back')}
        </Link>
      ) : (
        <Link to="/households" className="gg-back">
          ← {t('households.back')}
        </Link>
      )}
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={2} id="resident-title">
            {r.name}
          </Typography.Title>
          {quarantine && (
            <Alert
              type="error"
              showIcon
              className="gg-resident-quarantine"
              title={t('residents.quarantine', { kind: t(`quarantineDesk.kinds.${quarantine.kind}`), until: quarantine.endsOn })}
              description={<Link to={`/quarantines/${quarantine.id}`}>{t('residents.quarantineChain', { number: quarantine.number })}</Link>}
            />
          )}
          <Card>
            <Descriptions
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'idType', label: t('residents.idType'), children: docTypeLabel(t, r.idType) || '—' },
                {
                  key: 'idNumber',
                  label: t('residents.idNumber'),
                  children: <RevealValue residentId={id} field="ID_NUMBER" masked={r.idNumber} allowed={fields.includes('ID_NUMBER')} />,
                },
                {
                  key: 'phone',
                  label: t('residents.phone'),
                  children: <RevealValue residentId={id} field="PHONE" masked={r.phone} allowed={fields.includes('PHONE')} />,
                },
                { key: 'sex', label: t('residents.sex'), children: r.sex === 'MALE' ? t('residents.male') : r.sex === 'FEMALE' ? t('residents.female') : r.sex || '—' },
                { key: 'birthDate', label: t('residents.birthDate'), children: r.birthDate ?? '—' },
                { key: 'relation', label: t('residents.relation'), children: r.relation || '—' },
                { key: 'status', label: t('residents.status'), children: residentStatusLabel(t, r.status) || '—' },
                {
                  key: 'categories',
                  label: t('residents.categories'),
                  children:
                    (r.categories ?? []).length === 0 ? t('common.none') : (r.categories ?? []).map((c) => <Tag key={c}>{categoryLabel(t, c)}</Tag>),
                },
                {
                  key: 'returnee',
                  label: t('residents.returnee'),
                  children: r.returneeFrom ? `${r.returneeFrom}${r.returnedOn ? ` · ${r.returnedOn}` : ''}` : '—',
                },
                {
                  key: 'healthCode',
                  label: t('residents.healthCode'),
                  children: r.healthCode ? (
                    <span>
                      <Tag className={`gg-status gg-health-${r.healthCode}`}>{healthCodeLabel(t, r.healthCode)}</Tag>
                      <span className="gg-muted">
                        {r.healthCodeSource ?? ''} {r.healthCodeSeenAt ? dayjs(r.healthCodeSeenAt).format('YYYY-MM-DD HH:mm') : ''}
                      </span>
                    </span>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
          </Card>
          <ChangeHistory items={history.data} error={history.error} isPending={history.isPending} onRetry={() => void history.refetch()} />
        </>
      )}
    </section>
  );
}
