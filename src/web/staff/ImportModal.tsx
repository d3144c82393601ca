// CSV import (units, procedures): pick a file, upload it, poll the job for a progress bar, list rejected rows.
import { Alert, Anchor, Button, FileInput, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api/client';
import type { Job } from '../api/types';

const TERMINAL = new Set(['succeeded', 'rejected', 'failed']);

export interface ImportModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  help: string;
  /** POST endpoint taking the multipart `file` and answering `202 { job }`. */
  endpoint: string;
  /** A sample file offered for download (UTF-8 with BOM so that spreadsheets read the diacritics). */
  sample: { csv: string; filename: string };
  /** Queries to refresh once the import succeeded. */
  invalidate: readonly unknown[];
}

export function ImportModal({ opened, onClose, title, help, endpoint, sample, invalidate }: ImportModalProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return api<{ job: Job }>(endpoint, { method: 'POST', form });
    },
    onSuccess: (answer) => setJobId(answer.job.id),
  });

  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => api<Job>(`/api/jobs/${jobId ?? ''}`, { signal }),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && TERMINAL.has(q.state.data.status) ? false : 700),
  });
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'succeeded') void client.invalidateQueries({ queryKey: invalidate });
  }, [status, client, invalidate]);

  const reset = () => {
    setFile(null);
    setJobId(null);
    upload.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const j = job.data;
  const percent = j && j.total > 0 ? Math.round((j.processed / j.total) * 100) : status && TERMINAL.has(status) ? 100 : 0;
  const running = !!jobId && (!status || !TERMINAL.has(status));

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={close} title={title} size="xl">
      <Stack>
        <Text fz="sm" c="dimmed">
          {help}
        </Text>
        <Anchor href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${sample.csv}`)}`} download={sample.filename} fz="sm">
          {t('import.sample')}
        </Anchor>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (file) {
              setJobId(null);
              upload.mutate(file);
            }
          }}
        >
          <Group align="flex-end">
            <FileInput
              label={t('import.file')}
              placeholder={t('import.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
              leftSection={<IconFileTypeCsv size={18} aria-hidden />}
              style={{ flex: '1 1 260px' }}
              data-testid="import-file"
            />
            <Button type="submit" disabled={!file || running} loading={upload.isPending || running}>
              {t('import.start')}
            </Button>
          </Group>
        </form>
        {upload.isError && (
          <Alert color="dvRed" role="alert">
            {errorMessage(upload.error)}
          </Alert>
        )}
        {job.isError && (
          <Alert color="dvRed" role="alert">
            {errorMessage(job.error)}
          </Alert>
        )}
        {jobId && (
          <Stack gap={6} aria-live="polite">
            <Group justify="space-between">
              <Text fz="sm" fw={600} id="import-progress-label">
                {t('import.progress')}
              </Text>
              <Text fz="sm" c="dimmed">
                {j ? t('import.processed', { processed: j.processed, total: j.total }) : t('import.queued')}
              </Text>
            </Group>
            <Progress
              value={percent}
              animated={running}
              color={status === 'rejected' || status === 'failed' ? 'dvRed' : status === 'succeeded' ? 'green' : 'dvBlue'}
              aria-labelledby="import-progress-label"
              size="lg"
            />
            {status === 'succeeded' && (
              <Alert color="green" data-testid="import-result">
                {t('import.succeeded', { accepted: j?.accepted ?? 0 })}
              </Alert>
            )}
            {status === 'failed' && (
              <Alert color="dvRed" data-testid="import-result">
                {t('import.failed')} {j?.message ?? ''}
              </Alert>
            )}
            {status === 'rejected' && j && (
              <>
                <Alert color="orange" data-testid="import-result">
                  {j.message ?? t('import.rejected', { count: j.rejected.length })}
                </Alert>
                <Table.ScrollContainer minWidth={480}>
                  <Table striped withTableBorder aria-label={t('import.rejectedRows')}>
                    <Table.Caption>{t('import.rejectedRows')}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('import.row')}</Table.Th>
                        <Table.Th scope="col">{t('import.field')}</Table.Th>
                        <Table.Th scope="col">{t('import.message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {j.rejected.map((r, i) => (
                        <Table.Tr key={`${r.row}-${r.field}-${i}`}>
                          <Table.Td>{r.row}</Table.Td>
                          <Table.Td>
                            <code>{r.field}</code>
                          </Table.Td>
                          <Table.Td>{r.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
