// Request and response shapes of the dossier code format setting.
import { z } from 'zod';

export const CodeSettings = z.object({
  codeFormat: z.string(),
  defaultFormat: z.string(),
  /** What a first code of today would look like with this format, for the sample agency below. */
  example: z.string(),
  /** An agency and unit code of the installation, for previews of other formats. */
  sample: z.object({ agency: z.string(), unit: z.string() }),
});
export type CodeSettings = z.infer<typeof CodeSettings>;

export const CodeSettingsBody = z.object({ codeFormat: z.string().trim().min(1).max(100) }).strict();
export type CodeSettingsBody = z.infer<typeof CodeSettingsBody>;
