// The Open311 category and client rules both sides know (no zod here, so that the web page imports them cheaply).
import type { Role } from './roles';

export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];
/** The datatypes that carry `values` (and only they do). */
export const LIST_DATATYPES: readonly AttributeDatatype[] = ['singlevaluelist', 'multivaluelist'];

/** A category's code, as clients send it in `service_code`. */
export const SERVICE_CODE = /^[A-Za-z0-9_-]{1,40}$/;
/** An attribute's code or a list value's key: safe inside `attribute[code]`. */
export const ATTRIBUTE_CODE = /^[A-Za-z0-9_-]{1,60}$/;

/** Who registers, rotates and revokes the keys of client applications (on their unit and below): the policy's rule and the page's unit list. */
export const OPEN311_CLIENT_ROLES = ['admin'] as const satisfies readonly Role[];
