// Demo procedure catalog of the demo province: realistic but DEMO data, to be replaced by the official catalog before real use.
//
// The names are real procedure names and the legal bases are the texts these procedures rest on.
// Codes follow the national format (1.001193 is the real code of birth registration); the others are
// shaped like national codes but were not checked one by one against the national database
// (csdl.dichvucong.gov.vn), and fees set by provincial resolutions are sample amounts. Time limits
// are those of the cited texts; the "local" time is a sample of the reductions provinces announce.
import { DEFAULT_WORKFLOW, type DocumentForm, type ProcedureLevel } from '../../common/procedures.schema';
import type { Tx } from '../db/client';
import { procedures } from '../db/schema';

const FIELDS = {
  HT: 'Hộ tịch',
  CT: 'Chứng thực',
  DD: 'Đất đai',
  XD: 'Xây dựng',
  HKD: 'Hộ kinh doanh',
  BTXH: 'Bảo trợ xã hội',
  NCC: 'Người có công',
  GD: 'Giáo dục và Đào tạo',
  VH: 'Văn hóa',
  MT: 'Môi trường',
  LLTP: 'Lý lịch tư pháp',
} as const;
type Field = keyof typeof FIELDS;

interface DemoProcedure {
  code: string;
  name: string;
  field: Field;
  level: ProcedureLevel;
  agency: string;
  /** Code of a demo agency of the province (seed/demo-data.ts) that decides. */
  agencyCode?: string;
  days: number;
  local?: number;
  fees?: Array<[string, number, string?]>;
  docs: Array<[string, DocumentForm, number?]>;
  result: string;
  legal: string;
  online?: boolean;
  /** The workflow followed; the standard one-stop workflow unless named. */
  workflow?: 'one_stop_commune';
}

const ID_DOC: [string, DocumentForm] = ['Giấy tờ tùy thân có ảnh (CCCD/hộ chiếu) hoặc thông tin định danh điện tử', 'original'];
const UBX = 'Ủy ban nhân dân cấp xã';
const HT_LAW = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch';
const CT_LAW = 'Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch';
const DD_LAW = 'Luật Đất đai 2024; Nghị định 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai, đăng ký, cấp Giấy chứng nhận';
const XD_LAW = 'Luật Xây dựng 2014 (sửa đổi, bổ sung 2020); Nghị định 175/2024/NĐ-CP';
const BTXH_LAW = 'Nghị định 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội';
const NCC_LAW = 'Pháp lệnh Ưu đãi người có công với cách mạng 2020; Nghị định 131/2021/NĐ-CP';
/** The demo province (seed/demo-data.ts), whose catalog this is. */
const PROVINCE = '99';
const SAMPLE_FEE = 'mức mẫu; theo Nghị quyết của HĐND tỉnh';

export const DEMO_PROCEDURES: DemoProcedure[] = [
  // ---------- Hộ tịch ----------
  { code: '1.001193', name: 'Đăng ký khai sinh', field: 'HT', level: 'commune', agency: UBX, days: 1, local: 0.5, fees: [['Lệ phí', 0, 'miễn lệ phí khi đăng ký đúng hạn']], docs: [['Tờ khai đăng ký khai sinh', 'original'], ['Giấy chứng sinh hoặc văn bản thay Giấy chứng sinh', 'original'], ID_DOC], result: 'Giấy khai sinh (bản chính) và trích lục khai sinh', legal: HT_LAW, online: true },
  { code: '1.000656', name: 'Đăng ký khai tử', field: 'HT', level: 'commune', agency: UBX, days: 1, fees: [['Lệ phí', 0, 'miễn lệ phí khi đăng ký đúng hạn']], docs: [['Tờ khai đăng ký khai tử', 'original'], ['Giấy báo tử hoặc giấy tờ thay Giấy báo tử', 'original'], ID_DOC], result: 'Trích lục khai tử', legal: HT_LAW, online: true, workflow: 'one_stop_commune' },
  { code: '1.000894', name: 'Đăng ký kết hôn', field: 'HT', level: 'commune', agency: UBX, days: 5, local: 1, fees: [['Lệ phí', 0, 'miễn lệ phí với công dân Việt Nam cư trú trong nước']], docs: [['Tờ khai đăng ký kết hôn', 'original'], ['Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)', 'original'], ID_DOC], result: 'Giấy chứng nhận kết hôn', legal: HT_LAW },
  { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', field: 'HT', level: 'commune', agency: UBX, days: 3, local: 2, fees: [['Lệ phí', 15000, SAMPLE_FEE]], docs: [['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'original'], ID_DOC], result: 'Giấy xác nhận tình trạng hôn nhân', legal: HT_LAW, online: true },
  { code: '1.004859', name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', field: 'HT', level: 'commune', agency: UBX, days: 3, fees: [['Lệ phí', 15000, SAMPLE_FEE]], docs: [['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'original'], ['Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', 'original_or_copy'], ID_DOC], result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch', legal: HT_LAW, workflow: 'one_stop_commune' },
  { code: '1.004746', name: 'Cấp bản sao trích lục hộ tịch', field: 'HT', level: 'commune', agency: UBX, days: 1, fees: [['Phí cấp bản sao trích lục', 8000, 'mỗi bản']], docs: [['Tờ khai cấp bản sao trích lục hộ tịch', 'original'], ID_DOC], result: 'Bản sao trích lục hộ tịch', legal: HT_LAW, online: true, workflow: 'one_stop_commune' },
  { code: '1.001022', name: 'Đăng ký nhận cha, mẹ, con', field: 'HT', level: 'commune', agency: UBX, days: 3, fees: [['Lệ phí', 15000, SAMPLE_FEE]], docs: [['Tờ khai đăng ký nhận cha, mẹ, con', 'original'], ['Chứng cứ chứng minh quan hệ cha, mẹ, con', 'original_or_copy'], ID_DOC], result: 'Trích lục đăng ký nhận cha, mẹ, con', legal: HT_LAW, workflow: 'one_stop_commune' },
  // ---------- Chứng thực ----------
  { code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận', field: 'CT', level: 'commune', agency: UBX, days: 1, local: 0.5, fees: [['Phí chứng thực bản sao', 2000, 'mỗi trang; từ trang thứ 3 là 1.000 đồng/trang, tối đa 200.000 đồng/bản']], docs: [['Bản chính giấy tờ, văn bản cần chứng thực', 'original'], ['Bản sao cần chứng thực', 'copy']], result: 'Bản sao được chứng thực từ bản chính', legal: CT_LAW },
  { code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', field: 'CT', level: 'commune', agency: UBX, days: 1, local: 0.5, fees: [['Phí chứng thực chữ ký', 10000, 'mỗi trường hợp']], docs: [['Giấy tờ, văn bản cần chứng thực chữ ký', 'original'], ID_DOC], result: 'Giấy tờ, văn bản được chứng thực chữ ký', legal: CT_LAW, workflow: 'one_stop_commune' },
  { code: '2.001035', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở', field: 'CT', level: 'commune', agency: UBX, days: 2, fees: [['Phí chứng thực hợp đồng, giao dịch', 50000, 'mỗi hợp đồng, giao dịch']], docs: [['Dự thảo hợp đồng, giao dịch', 'original'], ['Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản', 'certified_copy'], ID_DOC], result: 'Hợp đồng, giao dịch được chứng thực', legal: CT_LAW, workflow: 'one_stop_commune' },
  { code: '2.000908', name: 'Cấp bản sao từ sổ gốc', field: 'CT', level: 'province_commune', agency: 'Cơ quan, tổ chức đang quản lý sổ gốc', days: 1, fees: [['Phí', 0, 'theo quy định của cơ quan quản lý sổ gốc']], docs: [ID_DOC], result: 'Bản sao từ sổ gốc', legal: CT_LAW },
  // ---------- Đất đai ----------
  { code: '1.012756', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu', field: 'DD', level: 'commune', agency: UBX, days: 20, local: 15, fees: [['Lệ phí cấp Giấy chứng nhận', 100000, SAMPLE_FEE]], docs: [['Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu 04/ĐK)', 'original'], ['Giấy tờ về quyền sử dụng đất (nếu có)', 'original_or_copy'], ['Chứng từ thực hiện nghĩa vụ tài chính (nếu có)', 'copy']], result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', legal: DD_LAW },
  { code: '1.012760', name: 'Đăng ký biến động đất đai, tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất', field: 'DD', level: 'province', agency: 'Văn phòng đăng ký đất đai', agencyCode: '99.SNNMT', days: 10, local: 8, fees: [['Lệ phí đăng ký biến động', 50000, SAMPLE_FEE]], docs: [['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'original'], ['Hợp đồng, văn bản về chuyển quyền đã công chứng, chứng thực', 'original'], ['Giấy chứng nhận đã cấp', 'original']], result: 'Giấy chứng nhận mới hoặc xác nhận biến động trên Giấy chứng nhận đã cấp', legal: DD_LAW },
  { code: '1.012770', name: 'Hòa giải tranh chấp đất đai tại Ủy ban nhân dân cấp xã', field: 'DD', level: 'commune', agency: UBX, days: 30, fees: [['Lệ phí', 0]], docs: [['Đơn đề nghị hòa giải tranh chấp đất đai', 'original'], ['Giấy tờ liên quan đến tranh chấp (nếu có)', 'copy']], result: 'Biên bản hòa giải thành hoặc không thành', legal: DD_LAW },
  // ---------- Xây dựng ----------
  { code: '1.009994', name: 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ', field: 'XD', level: 'commune', agency: UBX, days: 15, local: 12, fees: [['Lệ phí cấp giấy phép xây dựng', 75000, SAMPLE_FEE]], docs: [['Đơn đề nghị cấp giấy phép xây dựng', 'original'], ['Giấy tờ chứng minh quyền sử dụng đất', 'certified_copy'], ['Bản vẽ thiết kế xây dựng', 'original', 2]], result: 'Giấy phép xây dựng nhà ở riêng lẻ', legal: XD_LAW },
  { code: '1.009995', name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ', field: 'XD', level: 'commune', agency: UBX, days: 15, fees: [['Lệ phí cấp giấy phép xây dựng', 75000, SAMPLE_FEE]], docs: [['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo', 'original'], ['Giấy tờ chứng minh quyền sở hữu, quyền sử dụng', 'certified_copy'], ['Ảnh chụp hiện trạng công trình', 'original']], result: 'Giấy phép xây dựng sửa chữa, cải tạo', legal: XD_LAW },
  { code: '1.009972', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III', field: 'XD', level: 'province', agency: 'Sở Xây dựng', agencyCode: '99.SXD', days: 20, local: 15, fees: [['Lệ phí cấp giấy phép xây dựng công trình', 150000, SAMPLE_FEE]], docs: [['Đơn đề nghị cấp giấy phép xây dựng', 'original'], ['Giấy tờ chứng minh quyền sử dụng đất', 'certified_copy'], ['Hồ sơ thiết kế xây dựng', 'original', 2]], result: 'Giấy phép xây dựng công trình', legal: XD_LAW },
  // ---------- Hộ kinh doanh ----------
  { code: '2.000575', name: 'Đăng ký thành lập hộ kinh doanh', field: 'HKD', level: 'commune', agency: UBX, days: 3, local: 2, fees: [['Lệ phí đăng ký hộ kinh doanh', 100000, `${SAMPLE_FEE}; miễn khi nộp trực tuyến`]], docs: [['Giấy đề nghị đăng ký hộ kinh doanh', 'original'], ID_DOC], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', legal: 'Luật Doanh nghiệp 2020; Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp', online: true },
  { code: '2.000571', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', field: 'HKD', level: 'commune', agency: UBX, days: 3, fees: [['Lệ phí', 100000, SAMPLE_FEE]], docs: [['Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'original'], ['Giấy chứng nhận đăng ký hộ kinh doanh đã cấp', 'original']], result: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại theo nội dung thay đổi)', legal: 'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp', online: true },
  { code: '2.000639', name: 'Chấm dứt hoạt động hộ kinh doanh', field: 'HKD', level: 'commune', agency: UBX, days: 3, fees: [['Lệ phí', 0]], docs: [['Thông báo chấm dứt hoạt động hộ kinh doanh', 'original'], ['Giấy chứng nhận đăng ký hộ kinh doanh', 'original']], result: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', legal: 'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp' },
  // ---------- Bảo trợ xã hội ----------
  { code: '1.001776', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng', field: 'BTXH', level: 'commune', agency: UBX, days: 22, local: 15, docs: [['Tờ khai đề nghị trợ giúp xã hội', 'original'], ['Giấy tờ chứng minh thuộc đối tượng (nếu có)', 'copy']], result: 'Quyết định trợ cấp xã hội hàng tháng', legal: BTXH_LAW },
  { code: '1.001758', name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', field: 'BTXH', level: 'commune', agency: UBX, days: 5, docs: [['Tờ khai đề nghị hỗ trợ chi phí mai táng', 'original'], ['Giấy chứng tử hoặc trích lục khai tử', 'copy']], result: 'Quyết định hỗ trợ chi phí mai táng', legal: BTXH_LAW },
  { code: '1.001739', name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', field: 'BTXH', level: 'commune', agency: UBX, days: 30, local: 20, docs: [['Đơn đề nghị xác định mức độ khuyết tật', 'original'], ['Giấy tờ liên quan đến khuyết tật (nếu có)', 'copy']], result: 'Giấy xác nhận khuyết tật', legal: 'Luật Người khuyết tật 2010; Nghị định 28/2012/NĐ-CP' },
  // ---------- Người có công ----------
  { code: '1.010821', name: 'Giải quyết chế độ mai táng phí đối với cựu chiến binh', field: 'NCC', level: 'commune', agency: UBX, days: 15, docs: [['Bản khai đề nghị hưởng chế độ mai táng phí', 'original'], ['Giấy chứng tử hoặc trích lục khai tử', 'copy']], result: 'Quyết định trợ cấp mai táng phí', legal: NCC_LAW },
  { code: '1.010816', name: 'Hỗ trợ người có công đi làm phương tiện, dụng cụ trợ giúp chỉnh hình', field: 'NCC', level: 'province', agency: 'Sở Nội vụ', days: 10, docs: [['Đơn đề nghị', 'original'], ['Chỉ định của cơ sở y tế', 'copy']], result: 'Quyết định cấp tiền hỗ trợ phương tiện, dụng cụ chỉnh hình', legal: NCC_LAW },
  // ---------- Giáo dục ----------
  { code: '1.005099', name: 'Chuyển trường đối với học sinh trung học cơ sở', field: 'GD', level: 'commune', agency: 'Hiệu trưởng trường trung học cơ sở', days: 6, docs: [['Đơn xin chuyển trường của cha mẹ hoặc người giám hộ', 'original'], ['Học bạ', 'original']], result: 'Học sinh được tiếp nhận vào trường mới', legal: 'Thông tư 50/2021/TT-BGDĐT ban hành Quy định về chuyển trường và tiếp nhận học sinh' },
  { code: '1.008950', name: 'Hỗ trợ học tập đối với trẻ mẫu giáo, học sinh tiểu học, học sinh trung học cơ sở dân tộc thiểu số rất ít người', field: 'GD', level: 'commune', agency: UBX, days: 10, docs: [['Đơn đề nghị hỗ trợ học tập', 'original'], ['Giấy khai sinh hoặc giấy tờ chứng minh dân tộc', 'copy']], result: 'Quyết định hỗ trợ học tập', legal: 'Nghị định 57/2017/NĐ-CP quy định chính sách ưu tiên tuyển sinh và hỗ trợ học tập đối với trẻ mẫu giáo, học sinh, sinh viên dân tộc thiểu số rất ít người' },
  // ---------- Văn hóa ----------
  { code: '1.012390', name: 'Xét tặng danh hiệu Gia đình văn hóa hằng năm', field: 'VH', level: 'commune', agency: UBX, days: 5, docs: [['Bản đăng ký danh hiệu Gia đình văn hóa', 'original']], result: 'Quyết định tặng danh hiệu và Giấy khen Gia đình văn hóa', legal: 'Nghị định 86/2023/NĐ-CP quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu "Gia đình văn hóa"' },
  { code: '1.003645', name: 'Thông báo tổ chức lễ hội', field: 'VH', level: 'commune', agency: UBX, days: 5, docs: [['Văn bản thông báo tổ chức lễ hội', 'original']], result: 'Ý kiến của Ủy ban nhân dân cấp xã về việc tổ chức lễ hội', legal: 'Nghị định 110/2018/NĐ-CP quy định về quản lý và tổ chức lễ hội' },
  // ---------- Môi trường ----------
  { code: '1.010727', name: 'Đăng ký môi trường', field: 'MT', level: 'commune', agency: UBX, days: 5, docs: [['Văn bản đăng ký môi trường', 'original']], result: 'Tiếp nhận đăng ký môi trường', legal: 'Luật Bảo vệ môi trường 2020; Nghị định 08/2022/NĐ-CP', online: true },
  // ---------- Lý lịch tư pháp ----------
  { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', field: 'LLTP', level: 'province', agency: 'Sở Tư pháp', agencyCode: '99.STP', days: 10, local: 7, fees: [['Phí cung cấp thông tin lý lịch tư pháp', 200000, 'mức mẫu; người có công, trẻ em, hộ nghèo được miễn']], docs: [['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'original'], ID_DOC], result: 'Phiếu lý lịch tư pháp', legal: 'Luật Lý lịch tư pháp 2009', online: true },
];

/** Inserts the demo catalog as the province's catalog (its admins manage it; a ward admin does not). */
export async function seedDemoProcedures(
  tx: Tx,
  unitIds: ReadonlyMap<string, { id: string }>,
  agencyIds: ReadonlyMap<string, string>,
): Promise<void> {
  const provinceId = unitIds.get(PROVINCE)?.id;
  if (!provinceId) throw new Error(`demo procedures: unknown unit ${PROVINCE}`);
  await tx.insert(procedures).values(
    DEMO_PROCEDURES.map((p) => ({
      code: p.code,
      name: p.name,
      fieldCode: p.field,
      fieldName: FIELDS[p.field],
      level: p.level,
      implementingAgency: p.agency,
      agencyId: p.agencyCode ? (agencyIds.get(p.agencyCode) ?? null) : null,
      unitId: provinceId,
      statutoryDays: p.days,
      localDays: p.local ?? null,
      fees: (p.fees ?? []).map(([name, amount, note]) => ({ name, amount, ...(note ? { note } : {}) })),
      documents: p.docs.map(([name, form, count]) => ({ name, form, count: count ?? 1 })),
      result: p.result,
      legalBasis: p.legal,
      fullyOnline: p.online ?? false,
      workflowCode: p.workflow ?? DEFAULT_WORKFLOW,
    })),
  );
}
