// Renders a one-stop form for a dossier: access first, then whether the form applies to the dossier's history, then the PDF.
import type { DossierFormNumber } from '../../../../common/dossier-forms.schema';
import type { Tx } from '../../../db/client';
import type { Ctx } from '../../../platform/auth/actor';
import { errors } from '../../../platform/errors';
import { canSee } from '../dossiers.access';
import { dossierErrors } from '../dossiers.errors';
import { findDossier, type DossierWithUnits } from '../dossiers.queries';
import { normalizeSecret, secretMatches } from '../../../platform/tracking/secret';
import { provenDossier, type DossierProof } from '../dossiers.track';
import { receiptForm } from './form01-receipt';
import { COMPLETION_ACTIONS, completionForm } from './form02-completion';
import { refusalForm } from './form03-refusal';
import { apologyForm } from './form04-apology';
import { stopForm } from './form05-stop';
import { controlForm } from './form06-control';
import { lastStep, loadFormContext, type FormContext } from './forms.context';

interface FormSpec {
  render: (ctx: FormContext) => Promise<Buffer>;
  /** The actions of the step the form records, and what to say when the history has none; none = always applies. */
  requires?: { actions: readonly string[]; vi: string; en: string };
}

const FORMS: Record<DossierFormNumber, FormSpec> = {
  '01': {
    render: receiptForm,
    requires: {
      actions: ['accept'],
      vi: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)',
      en: 'The dossier has not been accepted, so it has no receipt and appointment (form 01)',
    },
  },
  '02': {
    render: completionForm,
    requires: {
      actions: COMPLETION_ACTIONS,
      vi: 'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào (Mẫu 02)',
      en: 'No request to complete the file was made for this dossier (form 02)',
    },
  },
  '03': {
    render: refusalForm,
    requires: { actions: ['refuse'], vi: 'Hồ sơ không bị từ chối tiếp nhận (Mẫu 03)', en: 'The dossier was not refused (form 03)' },
  },
  '04': {
    render: apologyForm,
    requires: {
      actions: ['extend'],
      vi: 'Hồ sơ chưa được gia hạn, nên không có văn bản xin lỗi và đề nghị gia hạn (Mẫu 04)',
      en: 'The dossier was never extended, so there is no apology and extension letter (form 04)',
    },
  },
  '05': {
    render: stopForm,
    requires: { actions: ['stop'], vi: 'Hồ sơ không bị dừng giải quyết (Mẫu 05)', en: 'Processing of the dossier was not stopped (form 05)' },
  },
  '06': { render: controlForm },
};

export interface RenderedForm {
  pdf: Buffer;
  /** ASCII only, e.g. `01-99001.MC-261123-0001.pdf`: safe in a Content-Disposition header as it is. */
  filename: string;
}

/** XXXX-XXXX-XXXX-XXXX-XXXX however it was typed. */
function displaySecret(secret: string): string {
  return (normalizeSecret(secret).match(/.{1,4}/g) ?? []).join('-');
}

async function render(db: Tx, d: DossierWithUnits, form: DossierFormNumber, publicUrl: string, secret: string | null): Promise<RenderedForm> {
  const spec = FORMS[form];
  const ctx = await loadFormContext(db, d, { publicUrl, secret: form === '01' && secret ? displaySecret(secret) : null });
  const req = spec.requires;
  if (req && !lastStep(ctx, req.actions)) throw errors.conflict('form_not_applicable', req.vi, req.en, { form, state: d.state });
  return { pdf: await spec.render(ctx), filename: `${form}-${d.code.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf` };
}

/**
 * GET /api/dossiers/:id/forms/:form.pdf. The secret is never stored: an officer printing the receipt
 * right after intake may send it back (it was answered once) to have it printed on the applicant's copy.
 */
export async function renderStaffForm(
  db: Tx,
  ctx: Ctx,
  id: string,
  form: DossierFormNumber,
  opts: { publicUrl: string; secret?: string | undefined },
): Promise<RenderedForm> {
  const d = await findDossier(db, id);
  if (!d || !canSee(ctx.actor, d)) throw dossierErrors.notFound();
  if (opts.secret !== undefined && !secretMatches(opts.secret, d.secretHash))
    throw dossierErrors.field(ctx.lang, 'headers.x-tracking-secret', 'Mã bí mật không khớp với hồ sơ', 'The secret does not match the dossier');
  return render(db, d, form, opts.publicUrl, opts.secret ?? null);
}

/** GET /api/public/dossiers/:code/forms/01.pdf: the applicant's own receipt, proved like tracking (same 404 for every failure). */
export async function renderPublicReceipt(db: Tx, code: string, proof: DossierProof, publicUrl: string): Promise<RenderedForm> {
  const d = await provenDossier(db, code, proof);
  return render(db, d, '01', publicUrl, proof.secret ?? null);
}
