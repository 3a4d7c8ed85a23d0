import { Card, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useHousehold } from '../api/households';
import { HouseholdForm } from './HouseholdForm';

/** /households/new (register) and /households/:id/edit (change). */
export function HouseholdEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const editing = id !== '';
  const { data, error, isPending, refetch } = useHousehold(id);
  const back = editing ? `/households/${id}` : '/households';

  return (
    <section aria-labelledby="household-form-title" className="gg-page gg-narrow">
      <Link to={back} className="gg-back">
        ← {t('households.back')}
      </Link>
      <Typography.Title level={2} id="household-form-title">
        {editing ? t('households.editTitle') : t('households.newTitle')}
      </Typography.Title>
      <Card>
        {!editing ? (
          <HouseholdForm defaultAreaId={params.get('areaId') ?? undefined} onDone={(nid) => void navigate(`/households/${nid}`)} onCancel={() => void navigate(back)} />
        ) : error ? (
          <ProblemAlert error={error} onRetry={() => void refetch()} />
        ) : isPending ? (
          <Skeleton active />
        ) : (
          // Keyed by version: a reload after a 412 starts the form again from the current data.
          <HouseholdForm
            key={data.version}
            household={data}
            onDone={(hid) => void navigate(`/households/${hid}`)}
            onCancel={() => void navigate(back)}
            onReload={() => void refetch()}
          />
        )}
      </Card>
    </section>
  );
}
