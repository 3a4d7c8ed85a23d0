import { Button, Form, Input, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCheckpoints } from '../../../lib/api/checkpoints';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import { CATEGORIES, newIdempotencyKey, PLACE_KINDS, useCreateItem, useCreatePlace, type Item, type NewItem, type NewPlace, type Place } from '../api/supplies';

/** The item catalogue and the storage places, with a form to add each. */
export function CatalogueTab({ items, places }: { items: Item[]; places: Place[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={4}>{t('supplies.catalogue.items')}</Typography.Title>
      <NewItemForm />
      <Table<Item>
        rowKey="id"
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('supplies.item.name'), dataIndex: 'name' },
          { title: t('supplies.item.unit'), dataIndex: 'unit' },
          { title: t('supplies.item.category'), render: (_, i) => t(`supplies.category.${i.category ?? 'OTHER'}`) },
        ]}
      />
      <Typography.Title level={4}>{t('supplies.catalogue.places')}</Typography.Title>
      <NewPlaceForm />
      <Table<Place>
        rowKey="id"
        dataSource={places}
        pagination={false}
        columns={[
          { title: t('supplies.place.name'), dataIndex: 'name' },
          { title: t('supplies.place.kind'), render: (_, p) => t(`supplies.placeKind.${p.kind ?? 'COMMUNITY_OFFICE'}`) },
          { title: t('supplies.place.area'), dataIndex: 'areaName' },
        ]}
      />
    </>
  );
}

function NewItemForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewItem>();
  const create = useCreateItem();
  const [key, setKey] = useState(newIdempotencyKey);
  const unitKind = Form.useWatch('unitKind', form) ?? 'COUNT';
  return (
    <Form<NewItem>
      form={form}
      layout="inline"
      className="gg-supply-inline"
      initialValues={{ unitKind: 'COUNT', category: 'PROTECTIVE_EQUIPMENT' }}
      onFinish={(v) => create.mutate({ ...v, unit: v.unitKind === 'COUNT' ? v.unit : v.unitKind === 'KG' ? 'kg' : 'L', key }, { onSuccess: () => (form.resetFields(), setKey(newIdempotencyKey())) })}
    >
      <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('supplies.form.required') }]}>
        <Input placeholder={t('supplies.item.name')} aria-label={t('supplies.item.name')} maxLength={100} />
      </Form.Item>
      <Form.Item name="unitKind">
        <Select aria-label={t('supplies.item.unitKind')} style={{ width: 120 }} options={(['COUNT', 'KG', 'LITRE'] as const).map((k) => ({ value: k, label: t(`supplies.unitKind.${k}`) }))} />
      </Form.Item>
      {unitKind === 'COUNT' && (
        <Form.Item name="unit" rules={[{ required: true, whitespace: true, message: t('supplies.form.required') }]}>
          <Input placeholder={t('supplies.item.unitHint')} aria-label={t('supplies.item.unit')} maxLength={20} style={{ width: 100 }} />
        </Form.Item>
      )}
      <Form.Item name="category">
        <Select aria-label={t('supplies.item.category')} style={{ width: 140 }} options={CATEGORIES.map((c) => ({ value: c, label: t(`supplies.category.${c}`) }))} />
      </Form.Item>
      <Button htmlType="submit" loading={create.isPending}>
        {t('supplies.catalogue.addItem')}
      </Button>
      {create.error && <ProblemAlert error={create.error} />}
    </Form>
  );
}

interface AreaOption {
  value: string;
  title: string;
  children: AreaOption[];
}

function NewPlaceForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewPlace>();
  const create = useCreatePlace();
  const tree = useAreaTree();
  const checkpoints = useCheckpoints('visible');
  const [key, setKey] = useState(newIdempotencyKey);
  const kind = Form.useWatch('kind', form) ?? 'COMMUNITY_OFFICE';
  const areas = mapAreaTree<AreaOption>(tree.data ?? [], (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children }));
  return (
    <Form<NewPlace>
      form={form}
      layout="inline"
      className="gg-supply-inline"
      initialValues={{ kind: 'COMMUNITY_OFFICE' }}
      onFinish={(v) => create.mutate({ ...v, key }, { onSuccess: () => (form.resetFields(), setKey(newIdempotencyKey())) })}
    >
      <Form.Item name="kind">
        <Select aria-label={t('supplies.place.kind')} style={{ width: 140 }} options={PLACE_KINDS.map((k) => ({ value: k, label: t(`supplies.placeKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('supplies.form.required') }]}>
        <Input placeholder={t('supplies.place.name')} aria-label={t('supplies.place.name')} maxLength={100} />
      </Form.Item>
      {kind === 'CHECKPOINT' ? (
        <Form.Item name="checkpointId" rules={[{ required: true, message: t('supplies.form.required') }]}>
          <Select aria-label={t('supplies.recipient.CHECKPOINT')} placeholder={t('supplies.recipient.CHECKPOINT')} style={{ minWidth: 180 }} options={(checkpoints.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="areaId" rules={[{ required: true, message: t('supplies.form.required') }]}>
          <TreeSelect aria-label={t('supplies.place.area')} placeholder={t('supplies.place.area')} style={{ minWidth: 200 }} treeData={areas} />
        </Form.Item>
      )}
      <Space>
        <Button htmlType="submit" loading={create.isPending}>
          {t('supplies.catalogue.addPlace')}
        </Button>
      </Space>
      {create.error && <ProblemAlert error={create.error} />}
    </Form>
  );
}
