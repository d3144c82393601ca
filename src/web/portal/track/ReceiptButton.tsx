// "Tải giấy tiếp nhận": the applicant's receipt with the appointment (form 01), fetched with the secret in a header and
// saved as a file, so that the secret never appears in an address.
import { Button, Stack, Text } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fetchReceipt } from '../dossiers/publicDossiers';

export function ReceiptButton({ code, secret }: { code: string; secret: string | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { blob, filename } = await fetchReceipt(code, secret);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setProblem(t('citizen.receipt.notYet'));
      else if (err instanceof ApiError && err.status === 429) setProblem(t('citizen.tooMany', { seconds: err.retryAfter ?? 60 }));
      else setProblem(t('citizen.receipt.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="light" size="md" leftSection={<IconFileDownload size={18} aria-hidden />} loading={busy} onClick={() => void download()} data-testid="receipt-download">
        {t('citizen.receipt.download')}
      </Button>
      {problem && (
        <Text fz="sm" c="dvRed.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
