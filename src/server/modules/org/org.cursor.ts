// Opaque keyset cursors of the staff list: the (full_name, id) of the last row, base64url JSON.
import { z } from 'zod';
import { errors } from '../../platform/errors';

const StaffKey = z.tuple([z.string(), z.uuid()]);

export function encodeStaffCursor(fullName: string, id: string): string {
  return Buffer.from(JSON.stringify([fullName, id])).toString('base64url');
}

/** A cursor the client altered is a 400 on `querystring.cursor`, never a database error. */
export function decodeStaffCursor(cursor: string): readonly [string, string] {
  try {
    return StaffKey.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw errors.validation([{ path: 'querystring.cursor', message: 'Con trỏ phân trang không hợp lệ' }]);
  }
}
