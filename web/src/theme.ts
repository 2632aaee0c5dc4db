// Kith's look: Mantine's defaults with colours dark enough for WCAG AA text contrast.
import { createTheme, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

/** The theme in the reader's language: Mantine's close buttons are icons, and need a name. */
export const themeIn = (t: TFunction): MantineThemeOverride =>
  createTheme({
    primaryColor: 'teal',
    // Shade 9 keeps white text on filled buttons above 4.5:1.
    primaryShade: 9,
    focusRing: 'auto',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '700' },
    components: {
      // Sentence case reads more easily than capitals, and a badge's words must never be cut off.
      Badge: { defaultProps: { tt: 'none' }, styles: { label: { overflow: 'visible' } } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotice') } } },
    },
  });

// Mantine's "dimmed" grey and error red are below 4.5:1 on white; darker ones read for everyone.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Filled buttons keep 4.5:1 when hovered too (Mantine lightens shade 9 to 8).
    '--mantine-color-teal-filled-hover': '#06614a',
    // Text on "light" (tinted) backgrounds: active navigation, badges, alerts.
    '--mantine-color-teal-light-color': '#06614a',
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-orange-light-color': '#a33a08',
    // The demo notice: Mantine's yellow text on its tint is 2.7:1.
    '--mantine-color-yellow-light-color': '#6b4500',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
