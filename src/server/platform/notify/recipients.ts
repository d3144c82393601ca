// Recipients kept sealed in the outbox (a protected denouncer's contact): sealed when enqueued, opened by the worker only to send.
import { identityKey } from '../crypto/identity-key';
import { seal, unseal } from '../crypto/sealed';

const PREFIX = 'sealed:';

export function sealRecipient(recipient: string): string {
  return `${PREFIX}${seal(identityKey(), recipient)}`;
}

export function isSealedRecipient(recipient: string): boolean {
  return recipient.startsWith(PREFIX);
}

/** The address to send to: a sealed recipient is opened here and nowhere else. */
export function openRecipient(recipient: string): string {
  return isSealedRecipient(recipient) ? unseal(identityKey(), recipient.slice(PREFIX.length)) : recipient;
}
