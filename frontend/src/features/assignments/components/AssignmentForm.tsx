import { useMemo, useState } from 'react';
import { Button, Flex, Form, Input, Radio, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { kindLabel, roleLabel } from '../../../lib/i18n/labels';
import type { AreaKind, AreaNode } from '../../../lib/api/types';
import { useCreateAssignment, type NewAssignment } from '../api/assignments';

type PrincipalType = NewAssignment['principalType'];
type AssignableRole = 'grid-worker' | 'grid-leader' | 'supervisor' | 'agency';

/**
 * The roles a person (USER) or a partner system (CLIENT) can be given jurisdiction for
 * (labs are assigned test rounds, not area nodes).
 */
const ROLES_BY_TYPE: Record<PrincipalType, AssignableRole[]> = {
  USER: ['grid-worker', 'grid-leader', 'supervisor'],
  CLIENT: ['agency'],
};

/** Where each role's jurisdiction sits in the hierarchy (the roles table); partners may sit anywhere. */
const KINDS_BY_ROLE: Partial<Record<AssignableRole, readonly AreaKind[]>> = {
  'grid-worker': ['GRID_CELL'],
  'grid-leader': ['ZONE', 'GRID_CELL'],
  supervisor: ['COMMUNITY', 'STREET', 'DISTRICT'],
};

/** Keycloak user names and client ids: letters, digits and . _ @ - only. */
const PRINCIPAL_PATTERN = /^[A-Za-z0-9._@-]+$/;

interface FormValues {
  principalType: PrincipalType;
  principal: string;
  role: AssignableRole;
  nodeId: string;
}

const FIELDS = ['principalType', 'principal', 'role', 'nodeId'] as const satisfies readonly (keyof FormValues)[];

interface TreeOption {
  value: string;
  title: string;
  kind: AreaKind;
  disabled: boolean;
  children: TreeOption[];
}

function toOptions(nodes: readonly AreaNode[], t: TFunction): TreeOption[] {
  // Buildings and compounds are never a jurisdiction: stop at grid cells.
  return mapAreaTree<TreeOption>(nodes, (n, children) =>
    n.kind && n.kind !== 'COMPOUND' && n.kind !== 'BUILDING'
      ? {
          value: n.id,
          title: `${n.name ?? n.code ?? ''} · ${kindLabel(t, n.kind)}`,
          kind: n.kind,
          // Ancestors shown only as context are outside the caller's jurisdiction.
          disabled: n.context === true,
          children,
        }
      : undefined,
  );
}

function kindOf(options: readonly TreeOption[], id: string): AreaKind | undefined {
  for (const o of options) {
    if (o.value === id) return o.kind;
    const k = kindOf(o.children, id);
    if (k) return k;
  }
  return undefined;
}

/** Gives a person or partner client jurisdiction over an area node. */
export function AssignmentForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const principalType = Form.useWatch('principalType', form) ?? 'USER';
  const tree = useAreaTree();
  const create = useCreateAssignment();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const options = useMemo(() => (tree.data ? toOptions(tree.data, t) : []), [tree.data, t]);

  async function submit(values: FormValues) {
    setProblem(null);
    try {
      await create.mutateAsync({ ...values, principal: values.principal.trim() });
      form.resetFields();
      onDone();
    } catch (e) {
      // Anything not shown on a field (or no field errors at all) goes into the alert.
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ principalType: 'USER' }}
      onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<FormValues>) => {
        if (changed.principalType) form.setFieldValue('role', undefined);
      }}
      requiredMark
    >
      <Form.Item name="principalType" label={t('assignments.principalType')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(['USER', 'CLIENT'] as const).map((v) => ({ value: v, label: t(`principalTypes.${v}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="principal"
        label={principalType === 'USER' ? t('assignments.principalUser') : t('assignments.principalClient')}
        rules={[
          { required: true, whitespace: true, message: t('assignments.validation.principalRequired') },
          { max: 100, message: t('assignments.validation.principalTooLong') },
          { pattern: PRINCIPAL_PATTERN, message: t('assignments.validation.principalFormat') },
        ]}
      >
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item name="role" label={t('assignments.role')} rules={[{ required: true, message: t('assignments.validation.roleRequired') }]}>
        <Select
          options={ROLES_BY_TYPE[principalType].map((r) => ({ value: r, label: `${roleLabel(t, r)} (${r})` }))}
          placeholder={t('assignments.rolePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="nodeId"
        label={t('assignments.node')}
        dependencies={['role']}
        rules={[
          { required: true, message: t('assignments.validation.nodeRequired') },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              const role = getFieldValue('role') as AssignableRole | undefined;
              const allowed = role ? KINDS_BY_ROLE[role] : undefined;
              const kind = value ? kindOf(options, value) : undefined;
              if (!allowed || !kind || allowed.includes(kind)) return Promise.resolve();
              return Promise.reject(
                new Error(t('assignments.validation.nodeKind', { role: roleLabel(t, role), kinds: allowed.map((k) => kindLabel(t, k)).join(' / ') })),
              );
            },
          }),
        ]}
      >
        <TreeSelect
          treeData={options}
          loading={tree.isPending}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          placeholder={t('assignments.nodePlaceholder')}
          notFoundContent={tree.error ? t('problem.unknown') : undefined}
        />
      </Form.Item>
      {problem && <ProblemAlert error={problem} />}
      <Flex gap="small" justify="end" className="gg-section">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('assignments.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
