// The frame of every public page: skip link, blue header with the logo and the language switch, footer.
import { Anchor, Box, Container, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import classes from './portal.module.css';

export function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" className={classes.headerInner}>
          <Anchor component={Link} to="/" underline="never" c="white" aria-label={t('app.name')}>
            <Logo color="white" />
          </Anchor>
          <LanguageSwitch c="white" className={classes.onDark} />
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        {children}
      </Box>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="lg">
          <Text fz="sm" c="gray.8">
            {t('portal.footer')}
          </Text>
        </Container>
      </Box>
    </>
  );
}
