import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DEPARTURE_REASONS, newIdempotencyKey, useAddRoom, useArrive, useDepart, useGuests, useOccupancy, useOrders, useRooms, type DepartureReason, type Guest, type Room } from '../api/quarantine';
import { Chart } from './Chart';
import { departureText } from './labels';

/** One site: occupancy per day, rooms, guests; arrivals into a room and departures. */
export function SiteDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const occupancy = useOccupancy(id);
  const rooms = useRooms(id);
  const guests = useGuests(id);
  const depart = useDepart();
  const [reason, setReason] = useState<DepartureReason>('RELEASED');
  const days = occupancy.data?.days ?? [];
  const error = occupancy.error ?? rooms.error ?? guests.error ?? depart.error;

  return (
    <section className="gg-page gg-quarantine" aria-labelledby="site-title">
      <Link to="/quarantine-sites" className="gg-back">
        ← {t('quarantineDesk.sites.title')}
      </Link>
      <Typography.Title level={2} id="site-title">
        {occupancy.data?.siteName ?? ''}
      </Typography.Title>
      {error && <ProblemAlert error={error} />}
      <Card title={t('quarantineDesk.sites.occupancy', { beds: occupancy.data?.beds ?? 0 })} loading={occupancy.isPending}>
        <Chart
          ariaLabel={t('quarantineDesk.sites.occupancyChart')}
          height={260}
          categories={days.map((d) => d.date?.slice(5) ?? '')}
          series={[
            { name: t('quarantineDesk.sites.guests'), values: days.map((d) => d.guests ?? 0) },
            { name: t('quarantineDesk.sites.arrivals'), values: days.map((d) => d.arrivals ?? 0) },
            { name: t('quarantineDesk.sites.departures'), values: days.map((d) => d.departures ?? 0) },
          ]}
        />
      </Card>
      <Card title={t('quarantineDesk.sites.guests')}>
        <ArrivalForm siteId={id} rooms={rooms.items} staying={guests.items} />
        <Space className="gg-q-depart">
          <span>{t('quarantineDesk.sites.departureReason')}</span>
          <Select<DepartureReason> value={reason} onChange={setReason} options={DEPARTURE_REASONS.map((r) => ({ value: r, label: departureText(t, r) }))} style={{ width: 140 }} />
        </Space>
        <Table<Guest>
          rowKey="stayId"
          loading={guests.isPending}
          dataSource={guests.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('quarantineDesk.sites.room'), dataIndex: 'roomNumber' },
            { title: t('quarantineDesk.order.person'), render: (_, g) => `${g.name ?? ''} ${g.documentMasked ?? ''}` },
            { title: t('quarantineDesk.order.number'), render: (_, g) => <Link to={`/quarantines/${g.orderId}`}>{g.orderNumber}</Link> },
            { title: t('quarantineDesk.sites.arrived'), render: (_, g) => (g.arrivedAt ? dayjs(g.arrivedAt).format('MM-DD HH:mm') : '') },
            { title: t('quarantineDesk.order.endsOn'), dataIndex: 'endsOn', responsive: ['md'] },
            {
              title: '',
              render: (_, g) => (
                <Popconfirm title={t('quarantineDesk.sites.departConfirm', { reason: departureText(t, reason) })} onConfirm={() => depart.mutate({ stayId: g.stayId ?? '', reason })}>
                  <Button size="small">{t('quarantineDesk.sites.depart')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('quarantineDesk.sites.rooms')}>
        <AddRoomForm siteId={id} />
        <Table<Room>
          rowKey="id"
          loading={rooms.isPending}
          dataSource={rooms.items}
          pagination={false}
          columns={[
            { title: t('quarantineDesk.sites.room'), dataIndex: 'number' },
            { title: t('quarantineDesk.sites.beds'), dataIndex: 'beds' },
            { title: t('quarantineDesk.sites.guests'), dataIndex: 'guests' },
          ]}
        />
      </Card>
    </section>
  );
}

function ArrivalForm({ siteId, rooms, staying }: { siteId: string; rooms: Room[]; staying: Guest[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ orderId: string; roomId: string }>();
  const arrive = useArrive(siteId);
  const orders = useOrders({ status: 'ACTIVE', kind: 'CENTRAL_ISOLATION' });
  const here = new Set(staying.map((g) => g.orderId));
  const waiting = orders.items.filter((o) => o.siteId === siteId && !here.has(o.id));
  return (
    <Form
      form={form}
      layout="inline"
      className="gg-q-inline-form"
      onFinish={(v) => arrive.mutate({ ...v, key: newIdempotencyKey() }, { onSuccess: () => form.resetFields() })}
    >
      <Form.Item name="orderId" rules={[{ required: true }]}>
        <Select placeholder={t('quarantineDesk.sites.arriving')} style={{ minWidth: 200 }} options={waiting.map((o) => ({ value: o.id, label: `${o.number} ${o.person.name}` }))} />
      </Form.Item>
      <Form.Item name="roomId" rules={[{ required: true }]}>
        <Select
          placeholder={t('quarantineDesk.sites.room')}
          style={{ minWidth: 120 }}
          options={rooms.filter((r) => (r.guests ?? 0) < (r.beds ?? 0)).map((r) => ({ value: r.id, label: `${r.number ?? ''} (${(r.beds ?? 0) - (r.guests ?? 0)})` }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={arrive.isPending}>
        {t('quarantineDesk.sites.arrive')}
      </Button>
      {arrive.error && <ProblemAlert error={arrive.error} />}
    </Form>
  );
}

function AddRoomForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ number: string; beds: number }>();
  const add = useAddRoom(siteId);
  return (
    <Form form={form} layout="inline" className="gg-q-inline-form" onFinish={(v) => add.mutate({ ...v, key: newIdempotencyKey() }, { onSuccess: () => form.resetFields() })}>
      <Form.Item name="number" rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('quarantineDesk.sites.room')} maxLength={20} aria-label={t('quarantineDesk.sites.room')} />
      </Form.Item>
      <Form.Item name="beds" rules={[{ required: true }]} initialValue={1}>
        <InputNumber min={1} max={20} aria-label={t('quarantineDesk.sites.beds')} />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('quarantineDesk.sites.addRoom')}
      </Button>
      {add.error && <ProblemAlert error={add.error} />}
    </Form>
  );
}
