import { z } from './zod';

/**
 * NUL, or a UTF-16 surrogate without its partner. PostgreSQL stores neither
 * (text refuses NUL, jsonb refuses both as `\u` escapes), and JSON may carry
 * both as escapes (`"\u0000"`, `"\ud800"`), so they are refused at the edge
 * rather than met as a database error. Works on code units (no `u` flag):
 * a well-formed emoji is a high and a low surrogate side by side.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this refuses
const UNSAFE_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

export function hasUnsafeCharacter(value: string): boolean {
  return UNSAFE_CHARACTER.test(value);
}

/** A string that can be stored and shown: no NUL, no lone surrogate. */
export function safeString() {
  return z.string().refine((value) => !hasUnsafeCharacter(value), UNSAFE_TEXT_MESSAGE);
}
