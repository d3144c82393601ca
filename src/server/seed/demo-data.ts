// The demo province: a fictitious province in today's two-tier structure, clearly marked as demo data.
import type { AgencyKind, Role, UnitKind } from '../../common/roles';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
  agencies: Array<{ code: string; name: string; kind: AgencyKind }>;
}

const communeAgencies = (code: string, kindName: string) => [
  { code: `${code}.UB`, name: `Ủy ban nhân dân ${kindName}`, kind: 'people_committee' as const },
  { code: `${code}.MC`, name: 'Bộ phận Một cửa', kind: 'one_stop_desk' as const },
  { code: `${code}.VHXH`, name: 'Phòng Văn hóa - Xã hội', kind: 'department' as const },
  { code: `${code}.KT`, name: 'Phòng Kinh tế', kind: 'department' as const },
];

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: '99',
    name: 'Tỉnh Sông Hồng (dữ liệu mẫu)',
    kind: 'province',
    validFrom: '2025-07-01',
    note: 'Dữ liệu mẫu để trình diễn, không phải đơn vị hành chính thật.',
    agencies: [
      { code: '99.UB', name: 'Ủy ban nhân dân tỉnh', kind: 'people_committee' },
      { code: '99.HCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'one_stop_desk' },
      { code: '99.STP', name: 'Sở Tư pháp', kind: 'department' },
      { code: '99.SNNMT', name: 'Sở Nông nghiệp và Môi trường', kind: 'department' },
      { code: '99.SXD', name: 'Sở Xây dựng', kind: 'department' },
      { code: '99.TTR', name: 'Thanh tra tỉnh', kind: 'inspectorate' },
      { code: '99.BTGDV', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', kind: 'party_body' },
      { code: '99.MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', kind: 'mass_organization' },
    ],
  },
  {
    code: '99001',
    name: 'Xã An Bình',
    kind: 'commune',
    parent: '99',
    validFrom: '2025-07-01',
    agencies: communeAgencies('99001', 'xã'),
  },
  {
    code: '99002',
    name: 'Phường Bình Minh',
    kind: 'ward',
    parent: '99',
    validFrom: '2025-07-01',
    agencies: communeAgencies('99002', 'phường'),
  },
  { code: '99003', name: 'Xã Hòa Lạc', kind: 'commune', parent: '99', validFrom: '2025-07-01', agencies: communeAgencies('99003', 'xã') },
  { code: '99004', name: 'Phường Đông Hưng', kind: 'ward', parent: '99', validFrom: '2025-07-01', agencies: communeAgencies('99004', 'phường') },
  { code: '99005', name: 'Đặc khu Hòn Ngọc', kind: 'special_zone', parent: '99', validFrom: '2025-07-01', agencies: communeAgencies('99005', 'đặc khu') },
  {
    code: '99901',
    name: 'Huyện Thuận Thành cũ',
    kind: 'district',
    parent: '99',
    validFrom: '2008-01-01',
    validTo: '2025-06-30',
    note: 'Cấp huyện đã kết thúc hoạt động từ 01/7/2025; giữ lại để tra cứu hồ sơ cũ.',
    agencies: [],
  },
];

export interface DemoStaff {
  username: string;
  fullName: string;
  title: string;
  unit: string;
  agency?: string;
  roles: Role[];
}

/** One demo account per role, the province's desk and a department's specialist (a dossier forwarded to the province is worked there), and a second commune's administrator to show that units are kept apart. */
export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', fullName: 'Nguyễn Văn Quản', title: 'Quản trị hệ thống', unit: '99', agency: '99.UB', roles: ['admin'] },
  { username: 'lanhdao.tinh', fullName: 'Trần Thị Lan', title: 'Phó Chủ tịch UBND tỉnh', unit: '99', agency: '99.UB', roles: ['leader'] },
  { username: 'thanhtra.tinh', fullName: 'Lê Minh Tuấn', title: 'Thanh tra viên', unit: '99', agency: '99.TTR', roles: ['inspector'] },
  { username: 'danvan.tinh', fullName: 'Phạm Thu Hà', title: 'Chuyên viên Ban Tuyên giáo và Dân vận', unit: '99', agency: '99.BTGDV', roles: ['mobilization_officer'] },
  { username: 'xem.tinh', fullName: 'Đỗ Quang Huy', title: 'Cán bộ theo dõi', unit: '99', agency: '99.UB', roles: ['viewer'] },
  { username: 'motcua.tinh', fullName: 'Lương Thị Ngọc', title: 'Công chức Trung tâm Phục vụ hành chính công tỉnh', unit: '99', agency: '99.HCC', roles: ['one_stop_officer'] },
  { username: 'chuyenvien.stp', fullName: 'Trịnh Văn Khải', title: 'Chuyên viên Sở Tư pháp', unit: '99', agency: '99.STP', roles: ['specialist'] },
  { username: 'motcua.anbinh', fullName: 'Vũ Thị Mai', title: 'Công chức Bộ phận Một cửa', unit: '99001', agency: '99001.MC', roles: ['one_stop_officer'] },
  { username: 'chuyenvien.anbinh', fullName: 'Hoàng Văn Nam', title: 'Chuyên viên Phòng Văn hóa - Xã hội', unit: '99001', agency: '99001.VHXH', roles: ['specialist'] },
  { username: 'lanhdao.anbinh', fullName: 'Bùi Đức Thắng', title: 'Chủ tịch UBND xã', unit: '99001', agency: '99001.UB', roles: ['leader'] },
  { username: 'tiepdan.anbinh', fullName: 'Ngô Thị Hạnh', title: 'Công chức tiếp công dân', unit: '99001', agency: '99001.UB', roles: ['reception_officer'] },
  { username: 'admin.binhminh', fullName: 'Đặng Quốc Bảo', title: 'Quản trị phường', unit: '99002', agency: '99002.UB', roles: ['admin'] },
  { username: 'motcua.binhminh', fullName: 'Phan Thị Thu', title: 'Công chức Bộ phận Một cửa', unit: '99002', agency: '99002.MC', roles: ['one_stop_officer'] },
];
