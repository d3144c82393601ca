// Eligibility of a content by its type (Law on Complaints, Law on Denunciations, Circular 05/2021/TT-TTCP): the checks to record and whether it can be processed.
import { CHECKS_OF_TYPE } from '../../../common/letter-checks';
import type { CaseClassification, EligibilityCheck } from '../../../common/letters.schema';
import type { FieldIssue } from '../../platform/errors';
import type { Lang } from '../../platform/locale';

/** The checks each type records (common/letter-checks.ts, shared with the web's classification form). */
export { CHECKS_OF_TYPE };

export interface EligibilityResult {
  eligibility: Record<string, boolean>;
  processable: boolean;
  /** The officer found the writer not identified (no name or a false one): a denunciation is then anonymous (filed, or referred for inspection). */
  anonymous: boolean;
  issues: FieldIssue[];
}

/** Checks one classified content; issues carry paths under `path` (e.g. `body.cases.0`). */
export function assessEligibility(c: CaseClassification, lang: Lang, path: string): EligibilityResult {
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const wanted = CHECKS_OF_TYPE[c.type];
  const issues: FieldIssue[] = [];
  const eligibility: Record<string, boolean> = {};
  for (const check of wanted) {
    const value = c.checks[check];
    if (value === undefined) issues.push({ path: `${path}.checks.${check}`, message: say('Bắt buộc nhập', 'Required') });
    else eligibility[check] = value;
  }
  for (const [check, value] of Object.entries(c.checks))
    if (value !== undefined && !wanted.includes(check as EligibilityCheck))
      issues.push({ path: `${path}.checks.${check}`, message: say('Không áp dụng cho loại đơn này', 'Does not apply to this type') });
  const processable = wanted.every((check) => eligibility[check] === true);
  if (!processable && !c.notProcessableReason && issues.length === 0)
    issues.push({ path: `${path}.notProcessableReason`, message: say('Ghi rõ lý do đơn không đủ điều kiện xử lý', 'Say why the content cannot be processed') });
  if (c.aboutRegulation !== undefined && c.type !== 'feedback')
    issues.push({ path: `${path}.aboutRegulation`, message: say('Chỉ áp dụng cho đơn phản ánh', 'Applies to feedback only') });
  const anonymous = eligibility.writerIdentified === false;
  return { eligibility, processable, anonymous, issues };
}
