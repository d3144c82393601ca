// Plain-language messages for the common validation failures, in Vietnamese and English; zod's locale covers the rest.
import type { Lang } from './locale';

export interface IssueLike {
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
  format?: string;
  /** zod's own English message, used to tell a missing value from a wrong type. */
  message?: string;
}

const FORMAT_VI: Record<string, string> = {
  uuid: 'mã định danh',
  email: 'địa chỉ email',
  date: 'ngày (YYYY-MM-DD)',
  datetime: 'thời điểm (ISO 8601)',
  regex: 'mẫu quy định',
  url: 'địa chỉ URL',
};

/** A key the schema does not declare (an action's `data`, a workflow's start fields), named on its own path. */
export function undeclaredField(lang: Lang): string {
  return lang === 'vi' ? 'Trường không được khai báo cho thao tác này' : 'Field not declared for this action';
}

/** A key a strict schema does not know, named on its own path (`body.foo`). */
export function unknownField(lang: Lang): string {
  return lang === 'vi' ? 'Trường không được phép' : 'Field not allowed';
}

export function friendlyMessage(lang: Lang, issue: IssueLike): string | undefined {
  const vi = lang === 'vi';
  const n = issue.minimum ?? issue.maximum;
  switch (issue.code ?? '') {
    case 'invalid_type':
      if (issue.message?.includes('received undefined') || issue.message?.includes('received null'))
        return vi ? 'Bắt buộc nhập' : 'Required';
      return vi ? 'Sai kiểu dữ liệu' : `Expected ${issue.expected ?? 'another type'}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(n) <= 1 ? (vi ? 'Không được để trống' : 'Must not be empty') : vi ? `Tối thiểu ${n} ký tự` : `At least ${n} characters`;
      if (issue.origin === 'array') return vi ? `Cần ít nhất ${n} mục` : `At least ${n} items`;
      return vi ? `Phải lớn hơn hoặc bằng ${n}` : `Must be at least ${n}`;
    case 'too_big':
      if (issue.origin === 'string') return vi ? `Tối đa ${n} ký tự` : `At most ${n} characters`;
      if (issue.origin === 'array') return vi ? `Tối đa ${n} mục` : `At most ${n} items`;
      return vi ? `Phải nhỏ hơn hoặc bằng ${n}` : `Must be at most ${n}`;
    case 'invalid_value':
      if (issue.values?.length)
        return vi ? `Giá trị không hợp lệ; chọn một trong: ${issue.values.join(', ')}` : `Must be one of: ${issue.values.join(', ')}`;
      return undefined;
    case 'invalid_format': {
      const what = issue.format ? (FORMAT_VI[issue.format] ?? issue.format) : '';
      return vi ? `Sai định dạng${what ? ` ${what}` : ''}` : `Invalid format${issue.format ? ` (${issue.format})` : ''}`;
    }
    case 'unrecognized_keys':
      return vi ? 'Có trường không được phép' : 'Unknown fields';
    default:
      return undefined;
  }
}
