// The ids of the records a province writes all day (dossiers, letters and their cases, files).
import { v7 } from 'uuid';

/**
 * A new record's id: a UUID version 7, whose first 48 bits are the time in milliseconds (RFC 9562).
 * Ids made one after the other sort together, so every index that starts with a record's id (its
 * primary key, its steps', audit entries' and documents' indexes by record) takes the new entry on
 * the few pages it wrote last, still in memory, instead of on a random page of a table of millions
 * (a read, a page dirtied, and a full-page image in the WAL after each checkpoint). The time it
 * reveals is the record's creation, which its code and its history show anyway.
 */
export const newRecordId = (): string => v7();
