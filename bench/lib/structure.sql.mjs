// SQL of the benchmark's structure: more communes for the demo province (a province after the 2025
// reform has about a hundred), their four agencies, and three staff accounts (desk, leader,
// specialist) in every commune and at the province. Idempotent: a second run adds nothing.

/** The benchmark's accounts share the demo password: they copy the hash of a demo account. */
export const STAFF_PREFIX = 'bench.';

/** `$1` = the number of communes wanted in all (the demo ones count). */
export const ADD_COMMUNES = `
with p as (select id, path from units where code = '99'),
     have as (select count(*)::int as n from units u, p where u.parent_id = p.id and u.valid_to is null),
     todo as (select i, gen_random_uuid() as id from have, generate_series(have.n + 1, $1::int) i)
insert into units (id, parent_id, path, depth, code, name, kind, valid_from, note)
select todo.id, p.id, p.path || todo.id || '/', 1, '99' || lpad(todo.i::text, 3, '0'),
       'Xã Mẫu ' || lpad(todo.i::text, 3, '0'), 'commune', '2025-07-01', 'Dữ liệu đo hiệu năng (bench/), không phải đơn vị thật'
from todo, p
on conflict (code) do nothing`;

export const ADD_AGENCIES = `
insert into agencies (unit_id, code, name, kind)
select u.id, u.code || a.suffix, a.name, a.kind
from units u
cross join (values ('.UB', 'Ủy ban nhân dân xã', 'people_committee'), ('.MC', 'Bộ phận Một cửa', 'one_stop_desk'),
                   ('.VHXH', 'Phòng Văn hóa - Xã hội', 'department'), ('.KT', 'Phòng Kinh tế', 'department')) as a(suffix, name, kind)
where u.note like 'Dữ liệu đo hiệu năng%'
  and not exists (select 1 from agencies x where x.code = u.code || a.suffix)`;

/** Every active unit of the province (communes and the province itself) with its desk and departments. */
export const UNITS_VIEW = `
create or replace view bench_units as
select u.id as unit_id, u.code, u.path, (u.depth = 0) as is_province,
       (select a.id from agencies a where a.unit_id = u.id and a.kind = 'one_stop_desk' order by a.code limit 1) as desk_id,
       (select a.code from agencies a where a.unit_id = u.id and a.kind = 'one_stop_desk' order by a.code limit 1) as desk_code,
       coalesce((select a.id from agencies a where a.code = u.code || '.VHXH'), (select a.id from agencies a where a.code = u.code || '.STP')) as dept1_id,
       coalesce((select a.id from agencies a where a.code = u.code || '.KT'), (select a.id from agencies a where a.code = u.code || '.SXD')) as dept2_id,
       (select a.id from agencies a where a.unit_id = u.id and a.kind = 'people_committee' order by a.code limit 1) as committee_id
from units u
where (u.code = '99' or u.parent_id = (select id from units where code = '99')) and u.valid_to is null`;

export const ADD_STAFF = `
with h as (select password_hash from staff where username = 'motcua.anbinh'),
     r as (select * from (values ('motcua', 'one_stop_officer', 'Công chức Một cửa'), ('lanhdao', 'leader', 'Lãnh đạo'),
                                 ('chuyenvien', 'specialist', 'Chuyên viên')) as r(tag, role, title)),
     ins as (
       insert into staff (username, full_name, title, unit_id, agency_id, password_hash)
       select '${STAFF_PREFIX}' || r.tag || '.' || b.code, r.title || ' ' || b.code, r.title, b.unit_id,
              case r.role when 'one_stop_officer' then b.desk_id when 'leader' then b.committee_id else b.dept1_id end, h.password_hash
       from bench_units b cross join r cross join h
       where not exists (select 1 from staff s where s.username = '${STAFF_PREFIX}' || r.tag || '.' || b.code)
       returning id, unit_id, username)
insert into role_grants (staff_id, role, unit_id)
select ins.id, r.role, ins.unit_id from ins join r on ins.username like '${STAFF_PREFIX}' || r.tag || '.%'`;

/** The accounts a lifecycle uses, per unit. */
export const STAFF_OF_UNITS = `
select b.unit_id as "unitId", b.code, b.is_province as "isProvince", b.dept1_id as "transferTo",
       (select id from staff where username = '${STAFF_PREFIX}chuyenvien.' || b.code) as "specialistId",
       '${STAFF_PREFIX}motcua.' || b.code as desk, '${STAFF_PREFIX}lanhdao.' || b.code as leader, '${STAFF_PREFIX}chuyenvien.' || b.code as specialist
from bench_units b order by b.code`;
