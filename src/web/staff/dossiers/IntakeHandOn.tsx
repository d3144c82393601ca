// The desk intake's hand-on fields: when the procedure's workflow hands the dossier on as it is accepted (the commune
// workflow), the agency or office in charge and the civil servant, chosen among those the server offers.
import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { IntakeHandOn } from '../../api/types';
import { useAgencies } from '../common';
import type { IntakeForm } from './intakeForm';
import { AssigneeSelect } from './Pickers';

/** What the acceptance of `procedureCode` at `unitId` hands on to (nothing is asked until both are chosen). */
export function useIntakeHandOn(unitId: string | null, procedureCode: string | null) {
  return useQuery({
    queryKey: ['dossiers', 'intake-hand-on', unitId, procedureCode],
    queryFn: ({ signal }) => api<IntakeHandOn>('/api/dossiers/intake-hand-on', { query: { unitId: unitId ?? '', procedureCode: procedureCode ?? '' }, signal }),
    enabled: !!unitId && !!procedureCode,
    staleTime: 60_000,
  });
}

export function HandOnFields({ form, handOn }: { form: IntakeForm; handOn: IntakeHandOn }) {
  const { t } = useTranslation();
  const agencies = useAgencies(handOn.transfer === 'agency' ? form.values.unitId : null);
  return (
    <Stack gap="sm" data-testid="intake-hand-on">
      <Text fz="sm" c="dimmed">
        {t('dossiers.intake.handOnHelp')}
      </Text>
      {handOn.transfer === 'agency' && (
        <Select
          label={t('dossiers.intake.handOnAgency')}
          placeholder={t('dossiers.action.agencyPlaceholder')}
          required
          searchable
          data={(agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))}
          {...form.getInputProps('toAgencyId')}
        />
      )}
      {handOn.assign && (
        <AssigneeSelect
          action="accept"
          required={handOn.assign === 'required'}
          candidates={handOn.assignees}
          binding={{ value: form.values.assigneeId, onChange: (v) => form.setFieldValue('assigneeId', v), error: form.errors.assigneeId }}
        />
      )}
    </Stack>
  );
}
