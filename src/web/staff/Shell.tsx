// The app shell of the staff workspace: header with user menu and language switch, navigation built from
// the user's abilities (a burger below 768px), and the guards that send signed-out users to the login page.
import { AppShell, Avatar, Alert, Burger, Center, Group, Loader, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconFileText,
  IconFolders,
  IconChevronDown,
  IconHistory,
  IconKey,
  IconLogout,
  IconMail,
  IconMailCheck,
  IconMapPinShare,
  IconReportAnalytics,
  IconSettings,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { useLang } from '../i18n';
import { ROLE_LABELS } from '../../common/roles';
import { SESSION_KEY, useAbilities, useSession } from './session';
import classes from './staff.module.css';

interface NavItem {
  to: string;
  ability: string;
  label: 'nav.dossiers' | 'letters.nav.letters' | 'letters.nav.cases' | 'nav.stats' | 'letterStats.nav' | 'nav.units' | 'nav.staff' | 'nav.calendar' | 'nav.audit' | 'nav.procedures' | 'nav.settings' | 'open311.nav' | 'open311.clients.nav';
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
}

export const NAV_ITEMS: NavItem[] = [
  // The one-stop inbox first: for the desk, specialists and leaders it is the day's work.
  { to: '/staff/dossiers', ability: 'dossier.read', label: 'nav.dossiers', icon: IconFolders },
  // Citizens' letters: the letters to classify, then the cases to handle.
  { to: '/staff/letters', ability: 'letter.read', label: 'letters.nav.letters', icon: IconMail },
  { to: '/staff/letter-cases', ability: 'letter.read', label: 'letters.nav.cases', icon: IconMailCheck },
  { to: '/staff/stats', ability: 'dossier.stats', label: 'nav.stats', icon: IconChartBar },
  { to: '/staff/letters/stats', ability: 'letter.stats', label: 'letterStats.nav', icon: IconReportAnalytics },
  { to: '/staff/units', ability: 'unit.read', label: 'nav.units', icon: IconBuildingCommunity },
  { to: '/staff/staff', ability: 'staff.read', label: 'nav.staff', icon: IconUsers },
  // Every staff role may read the catalog (procedure.read); editing shows for procedure.manage on each row.
  { to: '/staff/procedures', ability: 'procedure.read', label: 'nav.procedures', icon: IconFileText },
  // The Open311 categories are the same for the whole province: its administrators only.
  { to: '/staff/open311', ability: 'open311.services.manage', label: 'open311.nav', icon: IconMapPinShare },
  // The keys of the applications posting to Open311: every administrator, for the units they manage (the rule the API checks).
  { to: '/staff/open311/clients', ability: 'open311.manage', label: 'open311.clients.nav', icon: IconKey },
  { to: '/staff/calendar', ability: 'calendar.read', label: 'nav.calendar', icon: IconCalendarEvent },
  { to: '/staff/audit', ability: 'audit.read', label: 'nav.audit', icon: IconHistory },
  { to: '/staff/settings', ability: 'settings.manage', label: 'nav.settings', icon: IconSettings },
];

function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (!session.data?.user) return <Navigate to="/staff/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function RequireAbility({ ability, children }: { ability: string; children: ReactNode }) {
  const abilities = useAbilities();
  if (!abilities.has(ability)) return <HomeRedirect />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const first = NAV_ITEMS.find((i) => abilities.has(i.ability));
  if (first) return <Navigate to={first.to} replace />;
  return (
    <Alert color="orange" title={t('nav.workspace')}>
      {t('nav.noAccess')}
    </Alert>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { data } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(SESSION_KEY, { user: null, csrfToken: null });
      void navigate('/staff/login', { replace: true });
    },
  });
  const user = data?.user;
  if (!user) return null;
  const initials = user.fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.userButton} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="dvBlue" variant="filled" aria-hidden>
              {initials}
            </Avatar>
            <Text component="span" fz="sm" fw={600} className={classes.userName}>
              <span className={classes.accountWord}>{t('nav.account')} </span>
              {user.fullName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="dark">
            {user.fullName}
          </Text>
          <Text fz="xs" c="dimmed">
            @{user.username}
          </Text>
          {user.grants.map((g) => (
            <Text fz="xs" c="dimmed" key={`${g.role}-${g.unitId}`}>
              {ROLE_LABELS[g.role][lang]} · {g.unitName}
            </Text>
          ))}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/" leftSection={<IconWorld size={16} aria-hidden />}>
          {t('nav.portal')}
        </Menu.Item>
        <Menu.Item color="dvRed" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => logout.mutate()} data-testid="logout">
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const abilities = useAbilities();
  const location = useLocation();
  useEffect(() => close(), [location.pathname, close]);
  const items = NAV_ITEMS.filter((i) => abilities.has(i.ability));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
      className={classes.shell}
    >
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="staff-nav"
            />
            <Link to="/staff" className={classes.brand} aria-label={`${t('app.name')} · ${t('nav.workspace')}`}>
              <Logo size={30} color="white" />
            </Link>
            <Text fz="sm" c="dvBlue.1" visibleFrom="md" className={classes.workspace}>
              {t('nav.workspace')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch className={classes.onDark} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="staff-nav" aria-label={t('nav.main')} className={classes.navbar}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => {
            // The most specific item wins (/staff/letters/stats is not /staff/letters).
            const active = location.pathname.startsWith(item.to) && !items.some((o) => o.to.length > item.to.length && location.pathname.startsWith(o.to));
            const Icon = item.icon;
            return (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                // Exact match only for the router's aria-current (which Mantine styles as active too): `active` above decides.
                end
                label={t(item.label)}
                leftSection={<Icon size={20} aria-hidden />}
                active={active}
                variant="light"
                className={classes.navLink}
                data-testid={`nav-${item.to.split('/').pop() ?? ''}`}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
