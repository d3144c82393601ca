// The default feedback categories offered through Open311 (Vietnamese names, attributes as GeoReport v2 defines them), written once into open311_services.
import type { Tx } from '../../db/client';
import { open311Services } from '../../db/schema';
import type { ServiceAttribute } from './open311.table';

type ServiceSeed = Omit<typeof open311Services.$inferInsert, 'createdAt' | 'updatedAt' | 'active'>;

const list = (code: string, description: string, values: Array<[string, string]>, over: Partial<ServiceAttribute> = {}): ServiceAttribute => ({
  variable: true,
  code,
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: null,
  order: 1,
  description,
  values: values.map(([key, name]) => ({ key, name })),
  ...over,
});

const NOTICE = 'Phản ánh được chuyển đến Ủy ban nhân dân cấp xã; thời hạn xử lý 10 ngày làm việc kể từ khi tiếp nhận.';

export const DEFAULT_SERVICES: ServiceSeed[] = [
  {
    code: 'HTGT',
    name: 'Hạ tầng giao thông',
    description: 'Đường, cầu, cống hư hỏng; ổ gà, sụt lún; biển báo, đèn tín hiệu giao thông bị hỏng hoặc thiếu.',
    keywords: 'đường,cầu,ổ gà,sụt lún,biển báo',
    groupName: 'Hạ tầng',
    notice: NOTICE,
    sortOrder: 1,
    attributes: [
      list('loai_su_co', 'Loại sự cố', [
        ['o_ga', 'Ổ gà, mặt đường hư hỏng'],
        ['sut_lun', 'Sụt lún, sạt lở'],
        ['cau_cong', 'Cầu, cống hư hỏng'],
        ['bien_bao', 'Biển báo, đèn tín hiệu'],
      ]),
      list('muc_do', 'Mức độ nguy hiểm', [['thap', 'Chưa nguy hiểm'], ['cao', 'Nguy hiểm, cần xử lý ngay']], { order: 2, required: false }),
    ],
  },
  {
    code: 'VSMT',
    name: 'Vệ sinh môi trường',
    description: 'Rác thải không được thu gom, đổ trộm phế thải, nước thải, khói bụi, mùi hôi, tiếng ồn gây ô nhiễm.',
    keywords: 'rác,phế thải,nước thải,ô nhiễm,mùi hôi,tiếng ồn',
    groupName: 'Môi trường',
    notice: NOTICE,
    sortOrder: 2,
    attributes: [
      list(
        'loai_o_nhiem',
        'Loại ô nhiễm (chọn một hoặc nhiều)',
        [
          ['rac_thai', 'Rác thải, phế thải'],
          ['nuoc_thai', 'Nước thải'],
          ['khoi_bui', 'Khói, bụi, mùi hôi'],
          ['tieng_on', 'Tiếng ồn'],
        ],
        { datatype: 'multivaluelist' },
      ),
    ],
  },
  {
    code: 'TTDT',
    name: 'Trật tự đô thị',
    description: 'Lấn chiếm vỉa hè, lòng đường; xây dựng không phép, sai phép; quảng cáo, rao vặt sai quy định.',
    keywords: 'lấn chiếm,vỉa hè,xây dựng trái phép,quảng cáo',
    groupName: 'Đô thị',
    notice: NOTICE,
    sortOrder: 3,
    attributes: [
      {
        variable: false,
        code: 'luu_y',
        datatype: 'text',
        required: false,
        datatype_description: null,
        order: 1,
        description: 'Nội dung phản ánh được công khai trên cổng (không kèm họ tên, thư điện tử, số điện thoại). Việc tố cáo hành vi vi phạm của cán bộ xin gửi đơn tố cáo, không gửi qua kênh này.',
      },
      list(
        'hanh_vi',
        'Hành vi',
        [
          ['lan_chiem', 'Lấn chiếm vỉa hè, lòng đường'],
          ['xay_dung', 'Xây dựng không phép, sai phép'],
          ['quang_cao', 'Quảng cáo, rao vặt sai quy định'],
        ],
        { order: 2 },
      ),
    ],
  },
  {
    code: 'CSCC',
    name: 'Chiếu sáng công cộng',
    description: 'Đèn đường không sáng, chập chờn, sáng ban ngày; cột đèn nghiêng đổ, hở điện.',
    keywords: 'đèn đường,chiếu sáng,cột đèn',
    groupName: 'Hạ tầng',
    notice: NOTICE,
    sortOrder: 4,
    attributes: [
      list('tinh_trang', 'Tình trạng', [
        ['khong_sang', 'Không sáng'],
        ['chap_chon', 'Chập chờn'],
        ['sang_ban_ngay', 'Sáng ban ngày'],
        ['nguy_hiem', 'Cột nghiêng đổ, hở điện'],
      ]),
      {
        variable: true,
        code: 'so_cot',
        datatype: 'string',
        required: false,
        datatype_description: 'Số hiệu ghi trên cột đèn, nếu có, ví dụ CS-12/05',
        order: 2,
        description: 'Số hiệu cột đèn',
      },
    ],
  },
  {
    code: 'CTN',
    name: 'Cấp, thoát nước',
    description: 'Mất nước, vỡ đường ống; cống thoát nước tắc, ngập úng sau mưa.',
    keywords: 'nước sạch,vỡ ống,ngập,cống',
    groupName: 'Hạ tầng',
    notice: NOTICE,
    sortOrder: 5,
    attributes: [
      {
        variable: true,
        code: 'do_sau_ngap',
        datatype: 'number',
        required: false,
        datatype_description: 'Độ sâu ngập ước tính, tính bằng xăng-ti-mét',
        order: 1,
        description: 'Độ sâu ngập (cm)',
      },
      {
        variable: true,
        code: 'thoi_diem',
        datatype: 'datetime',
        required: false,
        datatype_description: 'Thời điểm phát hiện, ví dụ 2026-11-05T08:15:30+07:00',
        order: 2,
        description: 'Thời điểm phát hiện',
      },
    ],
  },
  {
    code: 'CXDT',
    name: 'Cây xanh đô thị',
    description: 'Cây gãy đổ, nguy cơ gãy đổ; cành cây che khuất đèn, biển báo; chặt cây trái phép.',
    keywords: 'cây xanh,gãy đổ,cành cây',
    groupName: 'Đô thị',
    notice: NOTICE,
    sortOrder: 6,
    attributes: [],
  },
  {
    code: 'KHAC',
    name: 'Phản ánh khác',
    description: 'Những vấn đề khác thuộc trách nhiệm của chính quyền địa phương.',
    keywords: 'khác',
    groupName: 'Khác',
    notice: NOTICE,
    sortOrder: 99,
    attributes: [
      {
        variable: true,
        code: 'chi_tiet',
        datatype: 'text',
        required: false,
        datatype_description: null,
        order: 1,
        description: 'Thông tin thêm (nếu có)',
      },
    ],
  },
];

/** Writes the default categories that are not there yet (a category an administrator changed is left as it is). */
export async function seedOpen311Services(tx: Tx): Promise<void> {
  await tx.insert(open311Services).values(DEFAULT_SERVICES).onConflictDoNothing();
}
