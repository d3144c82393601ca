// Where the staff workspace's notifications appear; every notification's close button is named in the user's language.
import { MantineThemeProvider, Notification, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function NotificationsHost() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The default props of every Notification below (notifications.show passes none of its own close button props).
  const theme = useMemo(
    () =>
      createTheme({
        components: { Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotification', { lng: lang }) } } }) },
      }),
    [t, lang],
  );
  return (
    <MantineThemeProvider theme={theme}>
      <Notifications position="top-right" zIndex={1000} />
    </MantineThemeProvider>
  );
}
