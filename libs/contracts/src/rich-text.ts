/**
 * What curators' rich text may hold: structure and emphasis, links to http(s) and mail only. The API's
 * sanitiser applies this allowlist to every rich text it stores; the studio's editor is configured to
 * emit nothing else, and its tests run what it emits through the same list.
 */
export const RICH_TEXT_ALLOWLIST = {
  tags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'ul', 'ol', 'li', 'blockquote', 'cite', 'abbr'],
  attributes: { a: ['href', 'title', 'lang', 'rel'], abbr: ['title'], '*': ['lang'] } as Record<string, string[]>,
  schemes: ['http', 'https', 'mailto'],
  /** Every link gets this `rel`, whatever it had. */
  linkRel: 'noopener noreferrer nofollow',
};
