// SQL that generates a year of dossiers in bulk, as the product would have written them: the dossier
// rows, their workflow steps (the whole history), the audit entries of those steps, one uploaded
// document each, the daily code counters and some satisfaction ratings. Dossiers are spread over the
// last 365 days (working hours, no weekends) across the province's units and procedures; the older
// ones are finished (returned on time, early or late, refused, withdrawn, stopped), the recent ones
// are in every open state, some past their deadline.
//
// Tracking secrets are known to the benchmark: the secret of a generated dossier is the first 20
// hexadecimal digits of md5(code || salt), upper case; only its SHA-256 is stored, as the product does.

import { readFileSync } from 'node:fs';

export const SECRET_SALT = 'danvan-bench';
/** The secret of a generated dossier, as `XXXX-XXXX-XXXX-XXXX-XXXX` (the client computes it the same way). */
export const SECRET_SQL = `upper(substr(md5(code || '${SECRET_SALT}'), 1, 20))`;

/** The paths a dossier can have taken; `kind` < 10 are finished, the others still open. */
export const PATHS = `
create temp table bench_paths (kind int primary key, actions text[], states text[]);
insert into bench_paths values
 (0, '{start,accept,transfer,assign,submit_for_approval,approve,return_result}', '{submitted,accepted,transferred,processing,pending_approval,result_ready,returned}'),
 (1, '{start,request_completion,resubmit,accept,transfer,assign,submit_for_approval,approve,return_result}',
     '{submitted,needs_completion,submitted,accepted,transferred,processing,pending_approval,result_ready,returned}'),
 (2, '{start,refuse}', '{submitted,refused}'),
 (3, '{start,request_completion,refuse}', '{submitted,needs_completion,refused}'),
 (4, '{start,accept,withdraw}', '{submitted,accepted,withdrawn}'),
 (5, '{start,accept,transfer,assign,stop}', '{submitted,accepted,transferred,processing,stopped}'),
 (10, '{start}', '{submitted}'),
 (11, '{start,request_completion}', '{submitted,needs_completion}'),
 (12, '{start,accept}', '{submitted,accepted}'),
 (13, '{start,accept,transfer}', '{submitted,accepted,transferred}'),
 (14, '{start,accept,transfer,assign}', '{submitted,accepted,transferred,processing}'),
 (15, '{start,accept,transfer,assign,request_documents}', '{submitted,accepted,transferred,processing,awaiting_documents}'),
 (16, '{start,accept,transfer,assign,submit_for_approval}', '{submitted,accepted,transferred,processing,pending_approval}'),
 (17, '{start,accept,transfer,assign,submit_for_approval,approve}', '{submitted,accepted,transferred,processing,pending_approval,result_ready}');
create temp table bench_units_n as
  select row_number() over (order by code) - 1 as i, b.*,
         (select s.id from staff s where s.username = 'bench.motcua.' || b.code) as desk_staff,
         (select s.id from staff s where s.username = 'bench.lanhdao.' || b.code) as leader_staff,
         (select s.id from staff s where s.username = 'bench.chuyenvien.' || b.code) as specialist_staff
  from bench_units b where not b.is_province;
create temp table bench_province as
  select b.*, (select s.id from staff s where s.username = 'bench.motcua.' || b.code) as desk_staff,
         (select s.id from staff s where s.username = 'bench.lanhdao.' || b.code) as leader_staff,
         (select s.id from staff s where s.username = 'bench.chuyenvien.' || b.code) as specialist_staff
  from bench_units b where b.is_province;
create temp table bench_procs as
  select row_number() over (partition by (level <> 'commune') order by code) - 1 as i, (level <> 'commune') as provincial, id, code, name, agency_id,
         coalesce(local_days, statutory_days)::float8 as days, workflow_code
  from procedures where active and workflow_code = 'one_stop_standard';
create temp table bench_names as select
  '{Nguyễn,Trần,Lê,Phạm,Hoàng,Huỳnh,Phan,Vũ,Võ,Đặng,Bùi,Đỗ,Hồ,Ngô,Dương,Lý}'::text[] as s,
  '{Văn,Thị,Hữu,Đức,Minh,Thanh,Ngọc,Quốc,Thu,Xuân}'::text[] as m,
  '{An,Bình,Châu,Dũng,Giang,Hà,Hải,Hạnh,Hùng,Hương,Khánh,Lan,Linh,Long,Mai,Nam,Nga,Phúc,Quân,Sơn,Tâm,Thảo,Trang,Tuấn,Vy,Yến}'::text[] as g`;

/**
 * One row per dossier with everything the inserts need. $1 = how many, $2 = now, $3 = the share
 * received by the province's own desk (provincial procedures).
 */
export const DRAFT = `
create unlogged table bench_draft as
with r as (
  select n, gen_random_uuid() as id, gen_random_uuid() as file_id,
         random() as r_open, random() as r_kind, random() as r_unit, random() as r_proc, random() as r_span,
         random() as r_late, random() as r_pre, random() as r_chan, random() as r_dept, random() as r_rate,
         floor(random() * 365)::int as d_ago, random() as r_time
  from generate_series(1, $1::int) n
),
t as (
  -- A working day between 07:30 and 17:00 local time (weekends move back to Friday), never after now.
  select r.*, least($2::timestamptz - interval '1 minute',
      ((date_trunc('day', $2::timestamptz at time zone 'Asia/Ho_Chi_Minh') - make_interval(days => r.d_ago)
        - make_interval(days => case extract(isodow from date_trunc('day', $2::timestamptz at time zone 'Asia/Ho_Chi_Minh') - make_interval(days => r.d_ago))
                                  when 6 then 1 when 7 then 2 else 0 end)
        + interval '7 hours 30 minutes' + make_interval(secs => r.r_time * 34200)) at time zone 'Asia/Ho_Chi_Minh')) as submitted_at,
    (r.r_unit < $3::float8) as provincial
  from r
),
u as (
  select t.*, pr.id as procedure_id, pr.code as procedure_code, pr.name as procedure_name, pr.days, pr.workflow_code,
         coalesce(bp.unit_id, bu.unit_id) as unit_id, coalesce(bp.desk_id, bu.desk_id) as desk_id, coalesce(bp.desk_code, bu.desk_code) as desk_code,
         case when t.provincial then coalesce(pr.agency_id, bp.dept1_id) when t.r_dept < 0.6 then bu.dept1_id else bu.dept2_id end as dept_id,
         coalesce(bp.desk_staff, bu.desk_staff) as desk_staff, coalesce(bp.leader_staff, bu.leader_staff) as leader_staff,
         coalesce(bp.specialist_staff, bu.specialist_staff) as specialist_staff, coalesce(bp.code, bu.code) as unit_code,
         case when t.r_chan < 0.45 then 'online' else 'desk' end as channel,
         extract(epoch from $2::timestamptz - t.submitted_at) as age_s
  from t
  left join bench_province bp on t.provincial
  -- Larger communes receive more: the unit index is skewed towards the first ones.
  left join bench_units_n bu on not t.provincial and bu.i = floor(power(t.r_unit, 1.5) * (select count(*) from bench_units_n))::int
  join (select provincial, count(*) as cnt from bench_procs group by provincial) pc on pc.provincial = t.provincial
  join bench_procs pr on pr.provincial = t.provincial and pr.i = floor(t.r_proc * pc.cnt)::int
),
k as (
  select u.*,
    case
      when u.r_open < greatest(0, 1 - u.age_s / (20 * 86400.0)) then
        case when u.r_kind < 0.10 then 10 when u.r_kind < 0.15 then 11 when u.r_kind < 0.25 then 12 when u.r_kind < 0.35 then 13
             when u.r_kind < 0.75 then 14 when u.r_kind < 0.80 then 15 when u.r_kind < 0.92 then 16 else 17 end
      when u.r_kind < 0.03 then case when u.r_pre < 0.3 then 3 else 2 end
      when u.r_kind < 0.04 then 4
      when u.r_kind < 0.045 then 5
      when u.r_pre < 0.08 then 1
      else 0
    end as kind
  from u
),
s as (
  select k.*, p.actions, p.states, cardinality(p.actions) as nsteps,
    array_position(p.actions, 'accept') as accept_pos, array_position(p.actions, 'transfer') as transfer_pos,
    case
      when k.kind in (2, 3) then least(k.age_s * 0.98, 86400 * 2 * k.r_span)
      when k.kind < 10 then least(k.age_s * 0.98, (ceil(k.days) * 1.4 + 1) * 86400 *
           case when k.r_late < 0.06 then 1.05 + k.r_span else 0.15 + k.r_span * 0.8 end)
      else k.age_s * (0.3 + 0.65 * k.r_span)
    end as span_s
  from k join bench_paths p on p.kind = k.kind
)
select s.*,
  -- At the desk the first decision is taken at intake, in the same instant.
  case when s.accept_pos is not null then s.submitted_at + make_interval(secs =>
      case when s.channel = 'desk' and s.accept_pos = 2 then 0 else s.span_s * (s.accept_pos - 1) / (s.nsteps - 1) end) end as received_at,
  s.submitted_at + make_interval(secs => s.span_s) as last_at,
  (s.kind < 10) as finished
from s`;

/** Adds the due date (working days approximated as 7/5 calendar days, end of the local day) and the outcome. */
export const DRAFT_DUE = `
alter table bench_draft add column due_date date, add column due_at timestamptz, add column result_kind text, add column code text, add column seq int;
update bench_draft set
  due_date = case when accept_pos is not null then
    (received_at at time zone 'Asia/Ho_Chi_Minh')::date + ceil(ceil(days) * 7 / 5.0)::int end;
update bench_draft set
  due_at = ((due_date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh') - interval '1 millisecond',
  result_kind = case
    when kind in (2, 3) then 'refused' when kind = 4 then 'withdrawn' when kind = 5 then 'stopped'
    when kind in (0, 1) then case
      when last_at > ((due_date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh') - interval '1 millisecond' then 'late'
      when (last_at at time zone 'Asia/Ho_Chi_Minh')::date < due_date then 'early' else 'on_time' end
  end`;

/** Codes: the default format `{agency}-{yymmdd}-{seq:4}`, numbered after what the counters (series `dossier:<agency>`) already hold. */
export const DRAFT_CODES = `
with numbered as (
  select d.n, coalesce(c.next, 0) + row_number() over (partition by d.desk_code, (d.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date order by d.submitted_at, d.n) as seq
  from bench_draft d
  left join code_counters c on c.series = 'dossier:' || d.desk_code and c.day = (d.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date
)
update bench_draft d set seq = numbered.seq,
  code = d.desk_code || '-' || to_char(d.submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(numbered.seq::text, greatest(4, length(numbered.seq::text)), '0')
from numbered where numbered.n = d.n`;

export const INSERT_DOSSIERS = `
insert into dossiers (id, code, secret_hash, procedure_id, procedure_code, procedure_name, processing_days, workflow_code, state,
  unit_id, agency_id, receiving_unit_id, receiving_agency_id, applicant_name, applicant_id_no, applicant_phone, applicant_address,
  channel, submitted_at, received_at, due_at, finished_at, result_kind, assignee_id, seq, created_at, updated_at)
select d.id, d.code, encode(sha256(convert_to(upper(substr(md5(d.code || '${SECRET_SALT}'), 1, 20)), 'UTF8')), 'hex'),
  d.procedure_id, d.procedure_code, d.procedure_name, d.days, d.workflow_code, d.states[d.nsteps],
  d.unit_id, case when d.transfer_pos is not null then d.dept_id else d.desk_id end, d.unit_id, d.desk_id,
  nm.s[1 + d.n % 16] || ' ' || nm.m[1 + (d.n / 16) % 10] || ' ' || nm.g[1 + (d.n / 160) % 26],
  '0' || lpad(((d.n::bigint * 7919) % 99999999999)::text, 11, '0'), '09' || lpad(((d.n::bigint * 104729) % 100000000)::text, 8, '0'),
  'Thôn ' || (1 + d.n % 12) || ', ' || d.unit_code,
  d.channel, d.submitted_at, d.received_at,
  case when d.states[d.nsteps] in ('accepted', 'transferred', 'processing', 'pending_approval', 'result_ready') then d.due_at end,
  case when d.finished then d.last_at end, d.result_kind,
  case when array_position(d.actions, 'assign') is not null then d.specialist_staff end,
  d.nsteps, d.submitted_at, d.last_at
from bench_draft d, bench_names nm`;

/** The step at position `o` of a dossier's path, and who took it. */
const STEP_ROWS = `
from bench_draft d
cross join lateral unnest(d.actions, d.states) with ordinality as st(action, state, o)
cross join lateral (select
  d.submitted_at + make_interval(secs => case when st.o = 1 then 0 when d.channel = 'desk' and st.o = 2 then 0
                                         else d.span_s * (st.o - 1) / (d.nsteps - 1) end) as at,
  case when st.action in ('start', 'resubmit') and d.channel = 'online' then null
       when st.action in ('assign', 'approve', 'stop') then d.leader_staff
       when st.action in ('submit_for_approval', 'request_documents') then d.specialist_staff
       else d.desk_staff end as actor,
  case when d.transfer_pos is not null and st.o >= d.transfer_pos then d.dept_id else d.desk_id end as agency,
  case when d.transfer_pos is not null and st.o - 1 >= d.transfer_pos then d.dept_id when st.o > 1 then d.desk_id end as from_agency
) x`;

export const INSERT_STEPS = `
insert into workflow_steps (entity_type, entity_id, seq, workflow_code, action, from_state, to_state, actor_id, actor_label,
  from_unit_id, to_unit_id, from_agency_id, to_agency_id, assignee_id, note, attachments, data, due_at, at)
select 'dossier', d.id, st.o, d.workflow_code, st.action, case when st.o > 1 then d.states[st.o - 1] end, st.state, x.actor,
  case when x.actor is null then 'Người nộp (công dân)' else 'Cán bộ ' || d.unit_code end,
  case when st.o > 1 then d.unit_id end, d.unit_id, x.from_agency, x.agency,
  case when st.action = 'assign' then d.specialist_staff end, null, '[]'::jsonb,
  case st.action
    when 'request_completion' then '{"missingDocuments":[{"name":"Bản sao giấy tờ tùy thân"}],"guidance":"Bổ sung tại Bộ phận Một cửa"}'::jsonb
    when 'refuse' then '{"reason":"Không thuộc thẩm quyền giải quyết","legalBasis":"Nghị định 118/2025/NĐ-CP"}'::jsonb
    when 'withdraw' then '{"reason":"Người nộp xin rút hồ sơ"}'::jsonb
    when 'stop' then '{"reason":"Người nộp không bổ sung hồ sơ"}'::jsonb
    when 'request_documents' then '{"missingDocuments":[{"name":"Giấy xác nhận cư trú"}],"reason":"Cần xác minh nơi cư trú"}'::jsonb
    when 'accept' then '{"copies":1}'::jsonb
    else '{}'::jsonb end,
  case when st.state in ('accepted', 'transferred', 'processing', 'pending_approval', 'result_ready') then d.due_at end,
  x.at
${STEP_ROWS}`;

/** One audit entry per step (as the engine writes them) and one for the creation of each dossier. */
export const INSERT_AUDIT = `
insert into audit_log (at, actor_id, actor_label, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
select x.at, x.actor, case when x.actor is null then 'Người nộp (công dân)' else 'Cán bộ ' || d.unit_code end,
  'dossier.' || st.action, 'dossier', d.id::text, d.unit_id,
  case when st.o > 1 then jsonb_build_object('state', d.states[st.o - 1], 'seq', st.o - 1) end,
  jsonb_build_object('state', st.state, 'seq', st.o, 'unitId', d.unit_id, 'agencyId', x.agency),
  'bench-gen', null
${STEP_ROWS}
union all
select d.submitted_at, case when d.channel = 'desk' then d.desk_staff end, 'Cán bộ ' || d.unit_code, 'dossier.create', 'dossier', d.id::text, d.unit_id,
  null, jsonb_build_object('code', d.code, 'procedureCode', d.procedure_code, 'channel', d.channel), 'bench-gen', null
from bench_draft d`;

/** One uploaded application document per dossier; identical content shares one stored copy, as uploads do. */
export const INSERT_FILES = `
insert into files (id, sha256, name, mime, size, storage_key, created_at, created_by)
select d.file_id, 'b0'  || repeat('0', 62), 'to-khai.pdf', 'application/pdf', 48213, 'b0/b0' || repeat('0', 62), d.submitted_at,
  case when d.channel = 'desk' then d.desk_staff end
from bench_draft d;
insert into dossier_documents (dossier_id, file_id, name, kind, step_seq, created_by, created_at)
select d.id, d.file_id, 'Tờ khai', 'application', 1, case when d.channel = 'desk' then d.desk_staff end, d.submitted_at
from bench_draft d`;

export const INSERT_COUNTERS = `
insert into code_counters (series, day, next)
select 'dossier:' || desk_code, (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date, max(seq) from bench_draft group by 1, 2
on conflict (series, day) do update set next = greatest(code_counters.next, excluded.next)`;

/** A quarter of the returned dossiers are rated (SIPAS criteria, mostly satisfied). $1 = now. */
export const INSERT_RATINGS = `
insert into dossier_ratings (dossier_id, access, procedure, officials, result, feedback, created_at)
select d.id, 3 + (d.n % 3), 3 + ((d.n / 3) % 3), 4 + (d.n % 2), 3 + ((d.n / 7) % 3), 3 + ((d.n / 11) % 3),
  least($1::timestamptz, d.last_at + interval '1 day')
from bench_draft d where d.kind in (0, 1) and d.r_rate < 0.25
on conflict do nothing`;

/**
 * The facts of the records that the product carries on each dossier's row for the statistics (the
 * rating's points, the times of the requests to complete): the backfill of migration 0018, read
 * from it so that both stay the same.
 */
export const STATS_FACTS = readFileSync(new URL('../../drizzle/0018_dossier_stats_facts.sql', import.meta.url), 'utf8')
  .split('--> statement-breakpoint')
  .find((statement) => statement.includes('UPDATE "dossiers"'));
