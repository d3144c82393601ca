// The way back to the inbox from a dossier or the intake form.
import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/staff/dossiers" fz="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('dossiers.page.back')}
      </Group>
    </Anchor>
  );
}
