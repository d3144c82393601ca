// SQL that generates two years of citizens' letters in bulk, as the product would have written them:
// the letters (content in Vietnamese from a dozen topics, each letter a different mix of sentences,
// places, people and numbers, so that trigram similarity means something), one case per classified
// letter, the links of the cases to their letters, some letters filed as duplicates of an earlier
// case (same writer, reworded content, linked with role 'duplicate'), and the workflow steps.
//
// Every attribute of letter n is a hash of n (pg_temp.h), so that a duplicate recomputes the content
// and writer of the letter it repeats without a join. Writers come from bench_writers (keyed hashes
// and sealed identities computed by the product's own code, bench/lib/letters-writers.ts), so that a
// letter sent through the API by a writer of the pool is recognised as the same writer.

/** A reception officer in every unit (letters need one; the dossier structure has none). */
export const ADD_RECEPTION = `
with h as (select password_hash from staff where username = 'motcua.anbinh'),
     ins as (
       insert into staff (username, full_name, title, unit_id, agency_id, password_hash)
       select 'bench.tiepdan.' || b.code, 'Cán bộ tiếp công dân ' || b.code, 'Cán bộ tiếp công dân', b.unit_id, b.committee_id, h.password_hash
       from bench_units b cross join h
       where not exists (select 1 from staff s where s.username = 'bench.tiepdan.' || b.code)
       returning id, unit_id)
insert into role_grants (staff_id, role, unit_id) select ins.id, 'reception_officer', ins.unit_id from ins`;

/** The accounts a letter lifecycle uses, per commune. */
export const LETTER_STAFF = `
select b.unit_id as "unitId", b.code, b.is_province as "isProvince",
       (select id from staff where username = 'bench.chuyenvien.' || b.code) as "specialistId",
       'bench.tiepdan.' || b.code as desk, 'bench.lanhdao.' || b.code as leader, 'bench.chuyenvien.' || b.code as specialist
from bench_units b order by b.code`;

/** The communes numbered from 0, and the province. */
export const UNITS = `
create temp table bench_units_n as select row_number() over (order by code) - 1 as i, b.* from bench_units b where not b.is_province;
create temp table bench_province as select b.* from bench_units b where b.is_province`;

/** Hash helpers: h(n, salt) in [0, 2^28), hf in [0, 1), pick(arr, n, salt) an element. */
export const FUNCTIONS = `
create or replace function pg_temp.h(n bigint, salt int) returns int language sql immutable as
  $$ select ('x' || substr(md5(n::text || ':' || salt::text), 1, 7))::bit(28)::int $$;
create or replace function pg_temp.hf(n bigint, salt int) returns float8 language sql immutable as
  $$ select pg_temp.h(n, salt)::float8 / 268435456 $$;
create or replace function pg_temp.pick(a text[], n bigint, salt int) returns text language sql immutable as
  $$ select a[1 + pg_temp.h(n, salt) % cardinality(a)] $$`;

/** Topics: the type a letter of that topic is classified as, its subject, sentences and targets ({thon}, {so}, {ten}, {nam}, {dt} filled per letter). */
export const TOPICS = `
create temp table bench_topics (t int primary key, type text, subjects text[], sentences text[], targets text[]);
insert into bench_topics values
 (0, 'complaint', '{"Khiếu nại quyết định thu hồi đất","Khiếu nại về việc bồi thường, hỗ trợ khi thu hồi đất","Đề nghị xem xét lại phương án bồi thường đất nông nghiệp"}',
  '{"Gia đình tôi có thửa đất số {so} tại {thon}, diện tích {dt} m² đã sử dụng ổn định từ năm {nam}.","Quyết định thu hồi đất số {so}/QĐ-UBND không đúng diện tích thực tế đang sử dụng.","Đơn giá bồi thường thấp hơn nhiều so với giá đất thị trường tại khu vực.","Tôi chưa nhận được thông báo thu hồi đất và không được tham gia đo đạc, kiểm đếm.","Phần đất vườn liền kề nhà ở bị tính là đất nông nghiệp nên mức bồi thường không thỏa đáng.","Hội đồng bồi thường chưa trả lời kiến nghị của gia đình tôi tại buổi đối thoại ngày {so} tháng trước."}',
  '{"Ủy ban nhân dân xã","Hội đồng bồi thường, hỗ trợ và tái định cư","Chủ tịch Ủy ban nhân dân xã"}'),
 (1, 'petition', '{"Đề nghị giải quyết tranh chấp ranh giới đất","Kiến nghị xác định lại mốc giới thửa đất","Đề nghị hòa giải tranh chấp đất đai với hộ liền kề"}',
  '{"Hộ ông {ten} ở {thon} đã lấn sang phần đất của gia đình tôi khoảng {dt} m².","Ranh giới giữa hai thửa đất đã được xác định từ năm {nam} nhưng nay bị xây tường rào lấn chiếm.","Tổ hòa giải thôn đã hòa giải {so} lần nhưng không thành.","Đề nghị cán bộ địa chính xuống đo đạc, cắm lại mốc giới theo bản đồ địa chính.","Việc lấn chiếm làm gia đình tôi không thể mở lối đi ra đường liên thôn."}',
  '{"Ủy ban nhân dân xã","Công chức địa chính xã","Tổ hòa giải {thon}"}'),
 (2, 'feedback', '{"Phản ánh ô nhiễm môi trường do trại chăn nuôi","Phản ánh mùi hôi từ trại lợn gây ảnh hưởng đời sống","Phản ánh nước thải chăn nuôi chảy ra kênh mương"}',
  '{"Trại chăn nuôi lợn của hộ ông {ten} ở {thon} xả nước thải trực tiếp ra kênh tưới tiêu.","Mùi hôi thối bốc lên suốt ngày đêm, nhất là khi trời nắng nóng.","Nhiều cháu nhỏ trong xóm bị ho, sốt kéo dài nghi do ô nhiễm.","Trại có khoảng {so} con lợn nhưng không có hệ thống xử lý chất thải.","Người dân đã phản ánh nhiều lần từ năm {nam} nhưng tình trạng vẫn không được khắc phục.","Đề nghị cơ quan chức năng kiểm tra, xử lý nghiêm và buộc khắc phục ô nhiễm."}',
  '{"Trại chăn nuôi hộ ông {ten}","Ủy ban nhân dân xã","Cơ sở chăn nuôi tại {thon}"}'),
 (3, 'feedback', '{"Phản ánh xây dựng công trình không phép","Phản ánh việc xây nhà lấn chiếm hành lang giao thông","Phản ánh công trình xây dựng sai giấy phép"}',
  '{"Hộ ông {ten} đang xây nhà {so} tầng tại {thon} nhưng không có giấy phép xây dựng.","Công trình lấn ra hành lang an toàn đường bộ khoảng {dt} m².","Vật liệu xây dựng để tràn ra đường gây cản trở giao thông và mất an toàn.","Chính quyền thôn đã nhắc nhở nhưng chủ công trình vẫn tiếp tục thi công.","Đề nghị kiểm tra, lập biên bản và đình chỉ thi công công trình vi phạm."}',
  '{"Công trình xây dựng của hộ ông {ten}","Ủy ban nhân dân xã","Đội quản lý trật tự xây dựng"}'),
 (4, 'petition', '{"Kiến nghị sửa chữa đường giao thông nông thôn","Đề nghị nâng cấp tuyến đường liên thôn bị xuống cấp","Kiến nghị lắp đèn chiếu sáng và sửa đường"}',
  '{"Tuyến đường từ {thon} ra trung tâm xã dài khoảng {so} mét bị hư hỏng nặng, nhiều ổ gà.","Mùa mưa nước ngập sâu, học sinh đi học rất nguy hiểm.","Đường được làm từ năm {nam} đến nay chưa được sửa chữa lần nào.","Nhân dân sẵn sàng đóng góp ngày công nếu được Nhà nước hỗ trợ vật liệu.","Đề nghị đưa tuyến đường vào kế hoạch đầu tư công năm tới."}',
  '{"Ủy ban nhân dân xã","Ban quản lý dự án xã","Hội đồng nhân dân xã"}'),
 (5, 'complaint', '{"Khiếu nại việc cắt trợ cấp xã hội","Khiếu nại về chế độ chính sách người có công","Đề nghị xem xét lại việc dừng chi trả trợ cấp"}',
  '{"Mẹ tôi là bà {ten}, {so} tuổi, đang hưởng trợ cấp xã hội hằng tháng tại {thon}.","Từ tháng {so} năm {nam} gia đình không được nhận trợ cấp mà không có thông báo.","Cán bộ chính sách xã trả lời là hồ sơ bị thiếu nhưng không nói rõ thiếu giấy tờ gì.","Gia đình tôi thuộc diện hộ cận nghèo, mẹ tôi già yếu không có thu nhập.","Đề nghị xem xét, chi trả lại trợ cấp và truy lĩnh các tháng còn thiếu."}',
  '{"Công chức văn hóa - xã hội xã","Ủy ban nhân dân xã","Phòng Văn hóa - Xã hội"}'),
 (6, 'denunciation', '{"Tố cáo cán bộ nhũng nhiễu khi giải quyết thủ tục","Tố cáo hành vi nhận tiền để giải quyết hồ sơ đất đai","Tố cáo cán bộ lợi dụng chức vụ trục lợi"}',
  '{"Ông {ten}, cán bộ địa chính xã, yêu cầu gia đình tôi nộp {so} triệu đồng mới làm giấy chứng nhận quyền sử dụng đất.","Việc nhận tiền diễn ra tại nhà riêng vào tháng {so} năm {nam}, có người làm chứng.","Nhiều hộ dân ở {thon} cũng bị đòi tiền như vậy nhưng không dám lên tiếng.","Tôi có ghi âm cuộc nói chuyện và giấy biên nhận viết tay.","Đề nghị xác minh, xử lý nghiêm hành vi vi phạm và giữ bí mật thông tin người tố cáo."}',
  '{"Ông {ten}, công chức địa chính xã","Ông {ten}, cán bộ xã","Phó Chủ tịch Ủy ban nhân dân xã"}'),
 (7, 'feedback', '{"Phản ánh tiếng ồn hát karaoke quá giờ","Phản ánh quán karaoke gây ồn ào ban đêm","Phản ánh loa kẹo kéo gây mất trật tự khu dân cư"}',
  '{"Quán karaoke của hộ bà {ten} ở {thon} mở nhạc rất to đến quá nửa đêm.","Tiếng ồn ảnh hưởng nghiêm trọng đến giấc ngủ của người già và trẻ nhỏ.","Khách hát thường xuyên say xỉn, gây gổ, mất trật tự khu dân cư.","Công an xã đã đến nhắc nhở nhưng chỉ được vài hôm lại tái diễn.","Đề nghị kiểm tra giấy phép kinh doanh và xử phạt theo quy định."}',
  '{"Quán karaoke hộ bà {ten}","Công an xã","Ủy ban nhân dân xã"}'),
 (8, 'complaint', '{"Khiếu nại việc chậm cấp giấy chứng nhận quyền sử dụng đất","Khiếu nại việc từ chối cấp sổ đỏ","Đề nghị giải quyết hồ sơ cấp giấy chứng nhận quá hạn"}',
  '{"Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho thửa đất tại {thon} từ tháng {so} năm {nam}.","Đến nay đã quá thời hạn giải quyết nhiều tháng nhưng chưa được cấp giấy.","Cán bộ một cửa hẹn nhiều lần, mỗi lần lại yêu cầu bổ sung một loại giấy tờ khác.","Thửa đất không có tranh chấp, đã được xác nhận nguồn gốc sử dụng ổn định.","Đề nghị trả lời bằng văn bản lý do chậm và thời hạn cấp giấy."}',
  '{"Bộ phận Một cửa xã","Văn phòng đăng ký đất đai","Ủy ban nhân dân xã"}'),
 (9, 'denunciation', '{"Tố cáo khai thác cát trái phép trên sông","Tố cáo hành vi khai thác khoáng sản không phép","Tố cáo việc bao che khai thác đất trái phép"}',
  '{"Nhóm của ông {ten} dùng {so} tàu hút cát trên đoạn sông chảy qua {thon} vào ban đêm.","Việc khai thác gây sạt lở bờ sông, đe dọa nhà cửa của nhiều hộ dân.","Tôi nghi có cán bộ xã bao che vì đã báo nhiều lần mà không ai xử lý.","Xe chở cát chạy liên tục làm hỏng đường bê tông của thôn làm năm {nam}.","Đề nghị công an và cơ quan tài nguyên môi trường vào cuộc xử lý dứt điểm."}',
  '{"Ông {ten} và nhóm khai thác cát","Bãi tập kết cát tại {thon}","Ông {ten}"}'),
 (10, 'petition', '{"Kiến nghị về nước sạch sinh hoạt","Đề nghị kéo đường ống nước sạch về thôn","Kiến nghị cấp điện sinh hoạt ổn định"}',
  '{"Khoảng {so} hộ dân ở {thon} đến nay vẫn chưa có nước sạch, phải dùng nước giếng nhiễm phèn.","Điện thường xuyên mất vào giờ cao điểm, điện áp yếu không dùng được máy bơm.","Công ty cấp nước đã khảo sát từ năm {nam} nhưng chưa thi công.","Nhân dân đề nghị được hỗ trợ chi phí lắp đặt đồng hồ nước cho hộ nghèo.","Đề nghị xã làm việc với doanh nghiệp để sớm có phương án."}',
  '{"Công ty cấp nước","Điện lực khu vực","Ủy ban nhân dân xã"}'),
 (11, 'complaint', '{"Khiếu nại kết quả bình xét hộ nghèo","Khiếu nại việc không được công nhận hộ cận nghèo","Đề nghị rà soát lại danh sách hộ nghèo"}',
  '{"Gia đình tôi ở {thon} có {so} nhân khẩu, thu nhập thấp nhưng không có tên trong danh sách hộ nghèo năm {nam}.","Một số hộ có nhà kiên cố, ô tô vẫn được bình xét là hộ nghèo.","Cuộc họp bình xét ở thôn không thông báo cho tất cả các hộ tham dự.","Trưởng thôn {ten} tự ý đưa người thân vào danh sách.","Đề nghị rà soát công khai, minh bạch theo đúng tiêu chí."}',
  '{"Ban chỉ đạo giảm nghèo xã","Trưởng thôn {ten}","Ủy ban nhân dân xã"}');
create temp table bench_words as select
  '{Nguyễn Văn Hùng,Trần Thị Lan,Lê Văn Tám,Phạm Đức Long,Hoàng Thị Mai,Vũ Văn Bình,Đặng Quốc Tuấn,Bùi Thị Hạnh,Đỗ Văn Sơn,Ngô Thị Nga,Dương Văn Phúc,Lý Thị Yến,Phan Văn Quân,Võ Minh Khánh,Huỳnh Thị Thảo,Hồ Văn Dũng}'::text[] as people,
  '{thôn Đông,thôn Tây,thôn Nam,thôn Bắc,thôn Thượng,thôn Hạ,xóm Chùa,xóm Bến,xóm Mới,thôn Đồng Tâm,thôn Tân Lập,thôn Phú Hòa,ấp Bình An,ấp Long Thạnh,bản Nà Sài,tổ dân phố số}'::text[] as places,
  '{"Kính gửi các đồng chí lãnh đạo,","Tôi làm đơn này trình bày sự việc như sau.","Kính đề nghị quý cơ quan xem xét.","Tôi xin trình bày nội dung sau:","Thay mặt các hộ dân trong thôn, tôi xin phản ánh."}'::text[] as openings,
  '{"Tôi xin cam đoan nội dung trình bày là đúng sự thật.","Rất mong được quý cơ quan quan tâm giải quyết sớm.","Xin trân trọng cảm ơn.","Tôi sẵn sàng cung cấp thêm giấy tờ khi được yêu cầu.","Kính mong lãnh đạo xem xét, giải quyết dứt điểm."}'::text[] as closings,
  '{"Tôi đã gửi đơn lần trước nhưng chưa được trả lời.","Đây là lần thứ hai tôi gửi đơn về việc này.","Tôi tiếp tục gửi đơn vì sự việc chưa được giải quyết.","Gửi kèm bản sao đơn cũ để quý cơ quan đối chiếu."}'::text[] as repeats,
  '{"Từ tháng {m} năm {nam}","Khoảng {k} tuần nay","Đã nhiều năm nay","Từ đầu năm {nam}","Sáng ngày {d}/{m}/{nam}","Vào cuối tháng {m} vừa qua","Hơn {k} tháng qua","Trong dịp Tết vừa rồi"}'::text[] as times,
  '{"gia đình tôi","bà con trong xóm","các hộ dân ở {thon}","vợ chồng tôi","bố mẹ tôi","nhiều người dân quanh khu vực","anh em chúng tôi","các cụ cao tuổi trong thôn"}'::text[] as actors,
  '{"rất bức xúc","lo lắng không yên","gặp nhiều khó khăn trong sinh hoạt","bị thiệt hại về kinh tế","không biết kêu ai","mất ăn mất ngủ","phải chịu đựng thiệt thòi","cảm thấy bất bình"}'::text[] as feelings,
  '{"đã báo với trưởng thôn","đã lên xã trình bày {k} lần","đã gọi điện cho cán bộ phụ trách","đã làm đơn gửi thôn","đã chụp ảnh, quay phim làm bằng chứng","đã họp xóm bàn cách giải quyết","đã nhờ hội cựu chiến binh can thiệp","đã gặp trực tiếp người có trách nhiệm"}'::text[] as actions,
  '{"chưa được giải quyết","không nhận được trả lời","sự việc vẫn tiếp diễn","chỉ được hứa hẹn","cán bộ bảo chờ thêm","tình hình ngày càng nghiêm trọng hơn","không ai đứng ra xử lý","mọi việc vẫn như cũ"}'::text[] as outcomes`;

/**
 * One row per letter with everything the inserts need. $1 = how many, $2 = now, $3 = the share of
 * duplicates, $4 = the writers in the pool. A duplicate repeats letter `orig` (a few thousand
 * numbers before it) a little later, usually by the same writer and at the same unit, reworded.
 */
export const DRAFT = `
create unlogged table bench_letter_draft as
with r as (
  select n, gen_random_uuid() as id, gen_random_uuid() as case_id,
    (n > 5000 and pg_temp.hf(n, 1) < $3::float8) as dup
  from generate_series(1, $1::int) n
),
o as (
  select r.*, case when r.dup then n - 1 - pg_temp.h(n, 2) % 5000 else n end as s from r
),
a as (
  select o.*,
    pg_temp.h(o.s, 3) % 12 as topic,
    -- the original's age in days (two years), its unit and writer; a duplicate comes up to 30 days after it
    greatest(0, (pg_temp.h(o.s, 4) % 730) - case when o.dup then 1 + pg_temp.h(o.n, 5) % 30 else 0 end) as d_ago,
    case when o.dup and pg_temp.hf(o.n, 6) < 0.25 then pg_temp.h(o.n, 7) else pg_temp.h(o.s, 7) end as r_unit,
    case when o.dup and pg_temp.hf(o.n, 8) < 0.1 then pg_temp.h(o.n, 9) else pg_temp.h(o.s, 9) end % $4::int + 1 as writer_no,
    pg_temp.hf(o.n, 10) as r_state, pg_temp.hf(o.n, 11) as r_time, pg_temp.hf(o.n, 12) as r_anon, pg_temp.hf(o.n, 13) as r_chan
  from o
),
u as (
  select a.*, coalesce(case when a.r_unit % 100 < 12 then p.unit_id end, c.unit_id) as unit_id,
         coalesce(case when a.r_unit % 100 < 12 then p.code end, c.code) as unit_code,
         t.type, t.subjects, t.sentences, t.targets,
         least($2::timestamptz - interval '1 hour', (date_trunc('day', $2::timestamptz at time zone 'Asia/Ho_Chi_Minh') - make_interval(days => a.d_ago)
           + interval '7 hours 30 minutes' + make_interval(secs => a.r_time * 34200)) at time zone 'Asia/Ho_Chi_Minh') as received_at
  from a
  join bench_topics t on t.t = a.topic
  join bench_units_n c on c.i = a.r_unit % (select count(*) from bench_units_n)
  cross join bench_province p
),
txt as (
  select u.*, w.*,
    pg_temp.pick(w.people, u.s, 20) as ten, pg_temp.pick(w.places, u.s, 21) || ' ' || (1 + pg_temp.h(u.s, 22) % 12) as thon,
    (1 + pg_temp.h(u.s, 23) % 300)::text as so, (2000 + pg_temp.h(u.s, 24) % 25)::text as nam, (20 + pg_temp.h(u.s, 25) % 900)::text as dt,
    (1 + pg_temp.h(u.s, 35) % 12)::text as m, (1 + pg_temp.h(u.s, 36) % 28)::text as d, (2 + pg_temp.h(u.s, 37) % 9)::text as k,
    -- two different sentences of the topic; a duplicate sometimes leaves the second one out
    (pg_temp.h(u.s, 26) % cardinality(u.sentences)) as i1, (pg_temp.h(u.s, 27) % (cardinality(u.sentences) - 1)) as i2,
    (u.dup and pg_temp.hf(u.n, 28) < 0.3) as short
  from u cross join bench_words w
)
select n, id, case_id, dup, s, type, unit_id, unit_code, writer_no, received_at, r_state, r_anon, r_chan,
  replace(replace(replace(replace(replace(replace(replace(replace(
    pg_temp.pick(openings, n, 30) || ' ' || pg_temp.pick(subjects, s, 31) || '. ' ||
    pg_temp.pick(times, s, 40) || ', ' || pg_temp.pick(actors, s, 41) || ' ' || pg_temp.pick(feelings, s, 42) || '. ' ||
    sentences[1 + i1] || ' Chúng tôi ' || pg_temp.pick(actions, s, 43) || ' nhưng ' || pg_temp.pick(outcomes, s, 44) || '. ' ||
    case when short then '' else sentences[1 + (i1 + 1 + i2) % cardinality(sentences)] || ' ' end ||
    case when dup then pg_temp.pick(repeats, n, 32) || ' ' else '' end || pg_temp.pick(closings, n, 33),
    '{ten}', ten), '{thon}', thon), '{so}', so), '{nam}', nam), '{dt}', dt), '{m}', m), '{d}', d), '{k}', k) as content,
  pg_temp.pick(subjects, s, 31) as subject,
  replace(replace(pg_temp.pick(targets, s, 34), '{ten}', ten), '{thon}', thon) as target
from txt`;

/**
 * States: an original letter of the last 10 days is still to classify one time in three; every other
 * letter is classified into one case, or (a duplicate) filed with the case of the letter it repeats.
 * Cases older than 45 days are finished (answered, resolved, forwarded, guided, filed), newer ones open.
 */
export const DRAFT_STATES = `
alter table bench_letter_draft add primary key (n);
alter table bench_letter_draft add column state text, add column case_state text, add column outcome text, add column result text,
  add column code text, add column due_at timestamptz, add column anonymous boolean, add column orig_case uuid;
update bench_letter_draft d set
  anonymous = (d.r_anon < case when d.type = 'denunciation' then 0.25 when d.type = 'feedback' then 0.1 else 0.02 end),
  state = case when d.received_at > $1::timestamptz - interval '10 days' and d.r_state < 0.33 then 'received'
               when d.dup then 'duplicate' else 'classified' end;
-- A duplicate of a letter still to classify, or itself to classify, stays to classify.
update bench_letter_draft d set state = 'received' from bench_letter_draft o
  where d.dup and o.n = d.s and (o.state = 'received' or d.state = 'received');
update bench_letter_draft d set orig_case = o.case_id from bench_letter_draft o where d.dup and d.state = 'duplicate' and o.n = d.s;
update bench_letter_draft d set
  case_state = case when d.state <> 'classified' then null
    when d.received_at < $1::timestamptz - interval '45 days' then
      case when d.r_state < 0.55 then (case d.type when 'complaint' then 'resolved' when 'denunciation' then 'concluded' else 'answered' end)
           when d.r_state < 0.7 then 'forwarded' when d.r_state < 0.82 then 'guided' when d.r_state < 0.9 then 'returned' else 'filed' end
    else case when d.r_state < 0.5 then 'to_process' else (case d.type when 'complaint' then 'resolving' when 'denunciation' then 'investigating' else 'answering' end) end end,
  due_at = case when d.state = 'received' then d.received_at + interval '14 days' end;
update bench_letter_draft d set
  outcome = case when d.case_state in ('resolved', 'concluded', 'answered', 'resolving', 'investigating', 'answering') then 'accepted'
                 when d.case_state = 'to_process' or d.case_state is null then null else d.case_state end,
  result = case d.case_state when 'resolved' then 'rejected' when 'concluded' then 'partly_founded' when 'answered' then 'answered' end,
  due_at = case when d.case_state = 'to_process' then d.received_at + interval '14 days'
                when d.case_state in ('resolving', 'investigating', 'answering') then d.received_at + interval '44 days' else d.due_at end;
update bench_letter_draft d set code = 'DT-' || d.unit_code || '-' || to_char(d.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(x.seq::text, greatest(4, length(x.seq::text)), '0')
  from (select b.n, coalesce(c.next, 0) + row_number() over (partition by b.unit_code, (b.received_at at time zone 'Asia/Ho_Chi_Minh')::date order by b.received_at, b.n) as seq
        from bench_letter_draft b
        left join code_counters c on c.series = 'letter:' || b.unit_code and c.day = (b.received_at at time zone 'Asia/Ho_Chi_Minh')::date) x
  where x.n = d.n`;

/** Identity columns: sealed always; plaintext on classified letters without a denunciation (as the product does). */
export const INSERT_LETTERS = `
insert into letters (id, code, secret_hash, channel, workflow_code, state, unit_id, received_at, due_at, classified_at, declared_kind,
  subject, content, target, people_count, language, has_translation, dated, signed, anonymous, identity_protected,
  writer_sealed, writer_keys, writer_name, writer_address, writer_phone, writer_id_number, representatives, seq, created_at, updated_at)
select d.id, d.code, md5(d.code), case when d.r_chan < 0.45 then 'portal' when d.r_chan < 0.8 then 'desk' when d.r_chan < 0.95 then 'post' else 'forwarded' end,
  'letter_intake', d.state, d.unit_id, d.received_at, d.due_at, case when d.state <> 'received' then d.received_at + interval '2 days' end,
  case when d.r_chan < 0.45 then d.type end, d.subject, d.content, d.target, 1, 'vi', false, true, d.r_chan >= 0.45, d.anonymous,
  d.type = 'denunciation',
  case when d.anonymous then w0.sealed else w.sealed end, case when d.anonymous then '{}'::text[] else w.keys end,
  case when d.state <> 'received' and d.type <> 'denunciation' and not d.anonymous then w.name end,
  case when d.state <> 'received' and d.type <> 'denunciation' and not d.anonymous then w.address end,
  case when d.state <> 'received' and d.type <> 'denunciation' and not d.anonymous then w.phone end,
  case when d.state <> 'received' and d.type <> 'denunciation' and not d.anonymous then w.id_number end,
  case when d.state <> 'received' and d.type <> 'denunciation' then '[]'::jsonb end,
  case when d.state = 'received' then 1 else 2 end, d.received_at, d.received_at
from bench_letter_draft d join bench_writers w on w.i = d.writer_no join bench_writers w0 on w0.i = 0`;

/** The bands of the content sketches (the product's trigger does it for each letter; triggers are off during the load). */
export const INSERT_SKETCH_BANDS = `
insert into letter_sketch_bands (band, unit_id, letter_id)
select distinct b, l.unit_id, l.id from letters l cross join lateral unnest(l.content_sketch) as b
where l.id in (select id from bench_letter_draft)
on conflict do nothing`;

export const INSERT_CASES = `
insert into letter_cases (id, code, letter_id, ordinal, type, workflow_code, state, unit_id, summary, target, about_regulation, eligibility,
  processable, anonymous, received_at, due_at, accepted_at, finished_at, outcome, outcome_reason, result, seq, created_at, updated_at)
select d.case_id, d.code || '.1', d.id, 1, d.type, 'letter_' || d.type, d.case_state, d.unit_id, d.subject, d.target, false,
  '{"inVietnamese":true,"statesContent":true}'::jsonb, true, d.anonymous, d.received_at, case when d.case_state in ('to_process', 'resolving', 'investigating', 'answering') then d.due_at end,
  case when d.outcome = 'accepted' then d.received_at + interval '5 days' end,
  case when d.case_state not in ('to_process', 'resolving', 'investigating', 'answering') then d.received_at + interval '35 days' end,
  d.outcome, case when d.outcome in ('forwarded', 'guided', 'returned', 'filed') then 'Không thuộc thẩm quyền giải quyết' end, d.result,
  case when d.case_state = 'to_process' then 1 else 2 end, d.received_at + interval '2 days', d.received_at + interval '2 days'
from bench_letter_draft d where d.state = 'classified'`;

export const INSERT_LINKS = `
insert into letter_case_letters (case_id, letter_id, role, similarity, linked_at)
select case when d.state = 'classified' then d.case_id else d.orig_case end, d.id, case when d.state = 'classified' then 'origin' else 'duplicate' end,
  case when d.state = 'duplicate' then 0.6 end, d.received_at + interval '2 days'
from bench_letter_draft d where d.state in ('classified', 'duplicate')`;

/** The intake steps of every letter and the first (and, when finished, the last) step of every case. */
export const INSERT_STEPS = `
insert into workflow_steps (entity_type, entity_id, seq, workflow_code, action, from_state, to_state, actor_label, to_unit_id, data, due_at, at)
select 'letter', d.id, 1, 'letter_intake', 'start', null, 'received', 'Cán bộ tiếp công dân', d.unit_id, '{}'::jsonb, d.received_at + interval '14 days', d.received_at
from bench_letter_draft d
union all
select 'letter', d.id, 2, 'letter_intake', case when d.state = 'duplicate' then 'mark_duplicate' else 'classify' end, 'received', d.state, 'Cán bộ tiếp công dân', d.unit_id,
  case when d.state = 'duplicate' then jsonb_build_object('caseId', d.orig_case) else jsonb_build_object('caseCount', 1, 'caseTypes', jsonb_build_array(d.type)) end,
  null, d.received_at + interval '2 days'
from bench_letter_draft d where d.state <> 'received'
union all
select 'letter_case', d.case_id, 1, 'letter_' || d.type, 'start', null, 'to_process', 'Cán bộ tiếp công dân', d.unit_id, '{}'::jsonb, d.received_at + interval '14 days', d.received_at + interval '2 days'
from bench_letter_draft d where d.state = 'classified'
union all
select 'letter_case', d.case_id, 2, 'letter_' || d.type, case d.outcome when 'returned' then 'return_letter' when 'filed' then 'file_away' when 'forwarded' then 'forward' when 'guided' then 'guide' else 'accept' end,
  'to_process', d.case_state, 'Lãnh đạo', d.unit_id, '{}'::jsonb, d.due_at, d.received_at + interval '5 days'
from bench_letter_draft d where d.state = 'classified' and d.case_state <> 'to_process'`;

export const INSERT_COUNTERS = `
insert into code_counters (series, day, next)
select 'letter:' || unit_code, (received_at at time zone 'Asia/Ho_Chi_Minh')::date, count(*) from bench_letter_draft group by 1, 2
on conflict (series, day) do update set next = code_counters.next + excluded.next`;
