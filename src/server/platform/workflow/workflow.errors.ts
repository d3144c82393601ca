// The workflow engine's errors: stable codes the UI and the tests rely on.
import { AppError } from '../errors';

export type RefusalReason = 'not_from_state' | 'unknown_action' | 'max_times_reached' | 'deadline_passed' | 'terminal_state' | 'no_deadline' | 'window_closed';

export const workflowErrors = {
  invalidTransition: (state: string, action: string, allowed: string[], reason: RefusalReason) =>
    new AppError(
      'invalid_transition',
      409,
      `Không thể thực hiện thao tác "${action}" ở trạng thái hiện tại`,
      `Action "${action}" is not possible in state "${state}"`,
      { state, action, allowed, reason },
    ),
  concurrentTransition: (seq: number) =>
    new AppError(
      'concurrent_transition',
      409,
      'Hồ sơ vừa được người khác xử lý, vui lòng tải lại',
      'Someone else acted on this case at the same time; reload and try again',
      { seq },
    ),
  caseNotFound: (entityType: string) =>
    new AppError('case_not_found', 404, 'Không tìm thấy hồ sơ trong quy trình', `No ${entityType} case in the workflow`),
  caseExists: (entityType: string) =>
    new AppError('case_exists', 409, 'Hồ sơ đã có trong quy trình', `The ${entityType} case has already started`),
};
