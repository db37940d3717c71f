/** What separates tokens in typed or pasted text: commas and line breaks (a pasted column of a spreadsheet). */
const SEPARATORS = /[,\n\r\t]+/;

/** The tokens of a typed or pasted text: split at separators, trimmed, empty ones dropped. */
export function splitTokens(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

/** Whether a text holds a separator, i.e. ends at least one token. */
export function hasSeparator(text: string): boolean {
  return SEPARATORS.test(text);
}

/** Two spellings are the same token when they differ only in case or in how their letters are composed. */
export const tokenKey = (token: string): string => token.normalize('NFC').toLocaleLowerCase();

/**
 * `existing` with each of `incoming` added at the end, unless it is already there (in any case) or the
 * list is full. Returns the new list and what was actually added.
 */
export function addTokens(existing: readonly string[], incoming: readonly string[], maxTokens = Infinity): { tokens: string[]; added: string[] } {
  const tokens = [...existing];
  const seen = new Set(existing.map(tokenKey));
  const added: string[] = [];
  for (const token of incoming) {
    const key = tokenKey(token);
    if (seen.has(key) || tokens.length >= maxTokens) continue;
    seen.add(key);
    tokens.push(token);
    added.push(token);
  }
  return { tokens, added };
}
