// The form of one action on a dossier: the shared workflow action form, with the dossier's endpoints, the agency picker of a
// transfer and the procedure's documents to fill a documents field in one click.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DossierActionView, DossierView, ProcedureView } from '../../api/types';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import type { DocumentRow } from './DocumentsEditor';
import { dossierKeys } from './dossiers.api';
import { AgencySelect } from './Pickers';

/** The procedure's documents (only fetched when the action has a documents field). */
function useProcedureDocuments(procedureId: string, enabled: boolean): DocumentRow[] | undefined {
  const q = useQuery({
    queryKey: ['procedures', 'detail', procedureId],
    queryFn: ({ signal }) => api<ProcedureView>(`/api/procedures/${procedureId}`, { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
  return q.data?.documents.map((d) => ({ name: d.name, form: d.form, count: d.count, note: '' }));
}

export function ActionModal({ dossier, action, onClose }: { dossier: DossierView; action: DossierActionView | null; onClose: () => void }) {
  const suggestions = useProcedureDocuments(dossier.procedureId, !!action?.fields.some((f) => f.type === 'documents'));
  return (
    <WorkflowActionModal<DossierView>
      record={dossier}
      action={action}
      onClose={onClose}
      endpoints={{
        actionUrl: (code) => `/api/dossiers/${dossier.id}/actions/${code}`,
        listUrl: '/staff/dossiers',
        assigneesUrl: `/api/dossiers/${dossier.id}/assignees`,
        detailKey: dossierKeys.detail(dossier.id),
        allKey: dossierKeys.all,
        renderAgency: (binding) => <AgencySelect dossierId={dossier.id} required binding={binding} />,
        documentSuggestions: () => suggestions,
      }}
    />
  );
}
