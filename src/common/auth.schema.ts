// Request and response shapes of signing in and of the current user.
import { z } from 'zod';
import { Role } from './roles';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GrantView = z.object({ role: Role, unitId: z.uuid(), unitName: z.string() });

export const CurrentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  unitId: z.uuid(),
  grants: z.array(GrantView),
  /** Actions the user may take somewhere (on at least one unit): the UI builds its navigation from them. */
  abilities: z.array(z.string()),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionView = z.object({ user: CurrentUser.nullable(), csrfToken: z.string().nullable() });
export type SessionView = z.infer<typeof SessionView>;
