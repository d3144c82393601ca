// The frame of every public page: skip link, blue header with the logo and the language switch, footer.
import { Anchor, Box, Container, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import classes from './portal.module.css';
import nav from './nav.module.css';

/** "Home / …" above a page title: links for the steps, plain text (the current page) for the last one without `to`. */
export function Crumbs({ items }: { items: Array<{ label: string; to?: string }> }) {
  const { t } = useTranslation();
  const all = [{ label: t('catalog.home'), to: '/' }, ...items];
  return (
    <nav aria-label={t('catalog.breadcrumb')} className={classes.crumbs}>
      {all.map((c, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden> / </span>}
          {c.to ? (
            <Anchor component={Link} to={c.to} fz="sm">
              {c.label}
            </Anchor>
          ) : (
            <Text component="span" fz="sm" aria-current="page">
              {c.label}
            </Text>
          )}
        </span>
      ))}
    </nav>
  );
}

export function PortalLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" className={`${classes.headerInner} ${nav.wrap}`}>
          <Anchor component={Link} to="/" underline="never" c="white" aria-label={t('app.name')}>
            <Logo color="white" />
          </Anchor>
          <nav aria-label={t('nav.main')} className={nav.nav}>
            <NavLink to="/thu-tuc" className={nav.link}>
              {t('citizen.nav.procedures')}
            </NavLink>
            <NavLink to="/tra-cuu" className={nav.link}>
              {t('citizen.nav.track')}
            </NavLink>
            <NavLink to="/gui-don" className={nav.link}>
              {t('letters.nav.portalSend')}
            </NavLink>
            <NavLink to="/tra-cuu-don" className={nav.link}>
              {t('letters.nav.portalTrack')}
            </NavLink>
            <NavLink to="/tai-khoan" className={nav.link}>
              {t('citizen.nav.account')}
            </NavLink>
          </nav>
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
