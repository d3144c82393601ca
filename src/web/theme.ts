// The Mantine theme: a restrained government blue with a red accent, Be Vietnam Pro, readable contrast.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const dvBlue: MantineColorsTuple = [
  '#e9f0fa',
  '#d0def3',
  '#a2bde8',
  '#7099dc',
  '#477bd1',
  '#2c64c2',
  '#1c4fa3',
  '#164189',
  '#11346f',
  '#0b2755',
];

const dvRed: MantineColorsTuple = [
  '#fdecec',
  '#f8d3d3',
  '#efa6a6',
  '#e57575',
  '#dc4c4c',
  '#d03333',
  '#b71c1c',
  '#9a1616',
  '#7d1111',
  '#600c0c',
];

export const theme = createTheme({
  primaryColor: 'dvBlue',
  primaryShade: { light: 6, dark: 4 },
  colors: { dvBlue, dvRed },
  fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: {
        root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600, fontSize: '0.75rem', overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    },
    Table: { defaultProps: { verticalSpacing: 'xs' } },
  },
});

/**
 * Darker "dimmed", error and light-variant texts than Mantine's defaults, so that small text passes WCAG AA:
 * Mantine's error red (red-6, #fa5252) is 3.3:1 on white, #a61b1b is 7:1 (field errors, error summaries, alerts).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-error': '#a61b1b',
    '--mantine-color-green-light-color': '#1b5e20',
    '--mantine-color-teal-light-color': '#0b5345',
    '--mantine-color-orange-light-color': '#8a3c00',
    '--mantine-color-yellow-light-color': '#6b4e00',
    '--mantine-color-gray-light-color': '#343a40',
    '--mantine-color-dvRed-light-color': '#8f1414',
    '--mantine-color-red-light-color': '#8f1414',
    '--mantine-color-dvBlue-light-color': '#123a7a',
    '--mantine-color-anchor': t.colors.dvBlue?.[6] ?? '#1c4fa3',
  },
  dark: {},
});
