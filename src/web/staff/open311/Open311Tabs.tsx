// The two Open311 pages side by side: the categories (province administrators) and the client applications (administrators); a tab shows only for a page the user may open.
import { Tabs } from '@mantine/core';
import { IconKey, IconMapPinShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAbilities } from '../session';

const PAGES = [
  { to: '/staff/open311', ability: 'open311.services.manage', label: 'open311.tabs.services', icon: IconMapPinShare },
  { to: '/staff/open311/clients', ability: 'open311.manage', label: 'open311.tabs.clients', icon: IconKey },
] as const;

export function Open311Tabs() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pages = PAGES.filter((p) => abilities.has(p.ability));
  // One page alone needs no tabs.
  if (pages.length < 2) return null;
  return (
    <Tabs value={pathname} onChange={(to) => to && void navigate(to)} mb="md">
      <Tabs.List aria-label={t('open311.tabs.label')}>
        {pages.map(({ to, label, icon: Icon }) => (
          <Tabs.Tab key={to} value={to} leftSection={<Icon size={16} aria-hidden />}>
            {t(label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
