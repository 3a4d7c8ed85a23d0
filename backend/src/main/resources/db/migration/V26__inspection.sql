-- Inspections (issue 19, ADR 0044): checklist templates as versioned rows (never updated in place; an inspection
-- references the version it used), inspections with their answers and sign-off, the drawn signature in its own table,
-- rectification / first-check tasks and the re-checks that answered them.

create table inspection_template (
    id           uuid primary key,
    -- shared by every version of one template
    template_key uuid not null,
    version      int not null check (version >= 1),
    name         text not null,
    place_type   text not null check (place_type in ('COMPOUND','CHECKPOINT','ISOLATION_SITE','ENTERPRISE')),
    example      boolean not null default false,
    retired      boolean not null default false,
    -- the community (or other node) whose template it is; null: shared by every community (the examples)
    area_id      uuid references area_node (id),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    constraint inspection_template_version_unique unique (template_key, version)
);
create unique index inspection_template_current on inspection_template (template_key) where not retired;

create table inspection_item (
    id          uuid primary key,
    template_id uuid not null references inspection_template (id),
    position    int not null,
    parent_id   uuid references inspection_item (id),
    text        text not null,
    severity    text not null check (severity in ('MAJOR','MINOR')),
    constraint inspection_item_position_unique unique (template_id, position)
);

create table inspection (
    id                  uuid primary key,
    place_kind          text not null check (place_kind in ('AREA','CHECKPOINT','ENTERPRISE')),
    place_id            uuid not null,
    place_name          text not null,
    place_type          text not null,
    -- the place's area node: its reach
    area_id             uuid not null references area_node (id),
    template_id         uuid not null references inspection_template (id),
    inspector           text not null,
    inspected_at        timestamptz not null,
    result              text not null check (result in ('PASSED','FAILED')),
    note                text,
    signer_name         text,
    signer_phone_enc    text,
    signer_phone_masked text,
    responsible_user    text,
    confirmed_by        text,
    confirmed_at        timestamptz,
    created_at          timestamptz not null default now(),
    version             bigint not null default 0
);
create index inspection_place_idx on inspection (place_kind, place_id, inspected_at desc);
create index inspection_time_idx on inspection (inspected_at desc, id desc);
create index inspection_area_idx on inspection (area_id);
create index inspection_responsible_idx on inspection (responsible_user) where responsible_user is not null;

create table inspection_answer (
    inspection_id    uuid not null references inspection (id),
    item_id          uuid not null references inspection_item (id),
    result           text not null check (result in ('PASS','FAIL','NA')),
    reason           text,
    responsible_name text,
    primary key (inspection_id, item_id),
    constraint inspection_answer_fail_reason check (result <> 'FAIL' or (reason is not null and responsible_name is not null))
);
create index inspection_answer_item_idx on inspection_answer (item_id);

-- the responsible person's drawn signature (PNG or JPEG, checked by its first bytes), apart from the row it signs
create table inspection_signature (
    inspection_id uuid primary key references inspection (id),
    content_type  text not null,
    bytes         bytea not null
);

create table inspection_task (
    id               uuid primary key,
    kind             text not null check (kind in ('RECTIFY','FIRST_CHECK')),
    place_kind       text not null,
    place_id         uuid not null,
    place_name       text not null,
    area_id          uuid not null references area_node (id),
    item_id          uuid references inspection_item (id),
    reason           text,
    responsible_name text,
    responsible_user text,
    due_at           timestamptz not null,
    status           text not null check (status in ('OPEN','OVERDUE','CLOSED')),
    opened_by        uuid references inspection (id),
    closed_by        uuid references inspection (id),
    closed_at        timestamptz,
    -- FIRST_CHECK: the business day the enterprise resumed (one task per enterprise and day)
    first_check_day  date,
    created_at       timestamptz not null default now()
);
create unique index inspection_task_first_check on inspection_task (place_id, first_check_day) where kind = 'FIRST_CHECK';
create index inspection_task_open_idx on inspection_task (due_at) where status <> 'CLOSED';
create index inspection_task_place_idx on inspection_task (place_kind, place_id);
create index inspection_task_area_idx on inspection_task (area_id);

-- every re-check of a task: the inspection and what it answered for the task's item (a FAIL keeps the task open)
create table inspection_recheck (
    task_id       uuid not null references inspection_task (id),
    inspection_id uuid not null references inspection (id),
    result        text not null,
    primary key (task_id, inspection_id)
);

-- the three shared example templates (五个100%, 十个一律), which a community copies and edits: 9 major, 15 minor items
insert into inspection_template (id, template_key, version, name, place_type, example, created_by, created_at)
values ('19000000-0000-4000-8000-001000000000', '19000000-0000-4000-8000-001000000000', 1, '小区疫情防控检查表（示例）', 'COMPOUND', true, 'system', '2022-04-01T00:00:00Z');
insert into inspection_item (id, template_id, position, parent_id, text, severity) values
    ('19000000-0000-4000-8000-001000000001', '19000000-0000-4000-8000-001000000000', 1, null, '出入口封闭管理到位，只留必要出入口', 'MAJOR'),
    ('19000000-0000-4000-8000-001000000002', '19000000-0000-4000-8000-001000000000', 2, '19000000-0000-4000-8000-001000000001', '出入口24小时有人值守，值守人员在岗在位', 'MINOR'),
    ('19000000-0000-4000-8000-001000000003', '19000000-0000-4000-8000-001000000000', 3, '19000000-0000-4000-8000-001000000001', '进出人员100%测温、100%登记、100%查验通行证', 'MINOR'),
    ('19000000-0000-4000-8000-001000000004', '19000000-0000-4000-8000-001000000000', 4, null, '公共区域消毒到位', 'MAJOR'),
    ('19000000-0000-4000-8000-001000000005', '19000000-0000-4000-8000-001000000000', 5, '19000000-0000-4000-8000-001000000004', '电梯、楼道、垃圾收集点每日消毒两次并有记录', 'MINOR'),
    ('19000000-0000-4000-8000-001000000006', '19000000-0000-4000-8000-001000000000', 6, '19000000-0000-4000-8000-001000000004', '消毒药剂配比正确、存放安全', 'MINOR'),
    ('19000000-0000-4000-8000-001000000007', '19000000-0000-4000-8000-001000000000', 7, null, '居家隔离人员管理到位', 'MAJOR'),
    ('19000000-0000-4000-8000-001000000008', '19000000-0000-4000-8000-001000000000', 8, '19000000-0000-4000-8000-001000000007', '隔离户门磁或封条完好，每日两次上门测温并登记', 'MINOR');
insert into inspection_template (id, template_key, version, name, place_type, example, created_by, created_at)
values ('19000000-0000-4000-8000-002000000000', '19000000-0000-4000-8000-002000000000', 1, '卡口/隔离点检查表（示例）', 'CHECKPOINT', true, 'system', '2022-04-01T00:00:00Z');
insert into inspection_item (id, template_id, position, parent_id, text, severity) values
    ('19000000-0000-4000-8000-002000000001', '19000000-0000-4000-8000-002000000000', 1, null, '卡口值守人员在岗在位', 'MAJOR'),
    ('19000000-0000-4000-8000-002000000002', '19000000-0000-4000-8000-002000000000', 2, '19000000-0000-4000-8000-002000000001', '值守人员一律佩戴口罩、手套，规范着装', 'MINOR'),
    ('19000000-0000-4000-8000-002000000003', '19000000-0000-4000-8000-002000000000', 3, '19000000-0000-4000-8000-002000000001', '排班表上墙，交接班记录完整', 'MINOR'),
    ('19000000-0000-4000-8000-002000000004', '19000000-0000-4000-8000-002000000000', 4, null, '进出车辆人员一律检查登记', 'MAJOR'),
    ('19000000-0000-4000-8000-002000000005', '19000000-0000-4000-8000-002000000000', 5, '19000000-0000-4000-8000-002000000004', '外来车辆一律登记，进出人员一律测温', 'MINOR'),
    ('19000000-0000-4000-8000-002000000006', '19000000-0000-4000-8000-002000000000', 6, '19000000-0000-4000-8000-002000000004', '体温异常者一律按流程转运并报告', 'MINOR'),
    ('19000000-0000-4000-8000-002000000007', '19000000-0000-4000-8000-002000000000', 7, null, '防疫物资储备充足', 'MAJOR'),
    ('19000000-0000-4000-8000-002000000008', '19000000-0000-4000-8000-002000000000', 8, '19000000-0000-4000-8000-002000000007', '测温枪、消毒液、口罩储备不少于三天用量', 'MINOR');
insert into inspection_template (id, template_key, version, name, place_type, example, created_by, created_at)
values ('19000000-0000-4000-8000-003000000000', '19000000-0000-4000-8000-003000000000', 1, '复工企业检查表（示例）', 'ENTERPRISE', true, 'system', '2022-04-01T00:00:00Z');
insert into inspection_item (id, template_id, position, parent_id, text, severity) values
    ('19000000-0000-4000-8000-003000000001', '19000000-0000-4000-8000-003000000000', 1, null, '复工备案与防控方案落实', 'MAJOR'),
    ('19000000-0000-4000-8000-003000000002', '19000000-0000-4000-8000-003000000000', 2, '19000000-0000-4000-8000-003000000001', '复工备案材料齐全，防控责任人明确', 'MINOR'),
    ('19000000-0000-4000-8000-003000000003', '19000000-0000-4000-8000-003000000000', 3, '19000000-0000-4000-8000-003000000001', '员工健康台账100%建立，返岗人员一律核查行程', 'MINOR'),
    ('19000000-0000-4000-8000-003000000004', '19000000-0000-4000-8000-003000000000', 4, null, '员工每日健康监测到位', 'MAJOR'),
    ('19000000-0000-4000-8000-003000000005', '19000000-0000-4000-8000-003000000000', 5, '19000000-0000-4000-8000-003000000004', '上下班两次测温并登记', 'MINOR'),
    ('19000000-0000-4000-8000-003000000006', '19000000-0000-4000-8000-003000000000', 6, '19000000-0000-4000-8000-003000000004', '发热员工一律不得上岗并立即报告', 'MINOR'),
    ('19000000-0000-4000-8000-003000000007', '19000000-0000-4000-8000-003000000000', 7, null, '场所消毒通风到位', 'MAJOR'),
    ('19000000-0000-4000-8000-003000000008', '19000000-0000-4000-8000-003000000000', 8, '19000000-0000-4000-8000-003000000007', '食堂分餐错峰，公共区域每日消毒、通风', 'MINOR');
