// Staff roles and administrative unit kinds, shared by server and web.
import { z } from 'zod';

export const ROLES = [
  'admin',
  'one_stop_officer',
  'specialist',
  'leader',
  'reception_officer',
  'inspector',
  'mobilization_officer',
  'viewer',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  one_stop_officer: { vi: 'Cán bộ tiếp nhận (Một cửa)', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  reception_officer: { vi: 'Cán bộ tiếp công dân', en: 'Reception officer' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
  mobilization_officer: { vi: 'Cán bộ dân vận', en: 'Mass-mobilization officer' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};

export const UNIT_KINDS = ['province', 'central_city', 'district', 'commune', 'ward', 'special_zone'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  central_city: { vi: 'Thành phố trực thuộc Trung ương', en: 'Centrally-run city' },
  district: { vi: 'Huyện/Quận (trước 01/7/2025)', en: 'District (before 1 July 2025)' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
};

export const AGENCY_KINDS = ['people_committee', 'department', 'office', 'one_stop_desk', 'inspectorate', 'party_body', 'mass_organization', 'other'] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const AGENCY_KIND_LABELS: Record<AgencyKind, { vi: string; en: string }> = {
  people_committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  department: { vi: 'Sở, ban, ngành / Phòng chuyên môn', en: 'Department' },
  office: { vi: 'Văn phòng', en: 'Office' },
  one_stop_desk: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  inspectorate: { vi: 'Thanh tra', en: 'Inspectorate' },
  party_body: { vi: 'Cơ quan Đảng', en: 'Party body' },
  mass_organization: { vi: 'Mặt trận, đoàn thể', en: 'Front and mass organization' },
  other: { vi: 'Khác', en: 'Other' },
};
