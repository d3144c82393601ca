// A one-click switch between Vietnamese and English; the label is written in the target language.
import { Button, type ButtonProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch(props: ButtonProps) {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconLanguage size={16} aria-hidden />}
      onClick={() => void i18n.changeLanguage(target)}
      title={t('app.switchLanguageLabel')}
      data-testid="language-switch"
      {...props}
    >
      <span lang={target}>{t('app.switchLanguage')}</span>
    </Button>
  );
}
