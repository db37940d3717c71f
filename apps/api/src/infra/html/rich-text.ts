import { type ContentLanguage, type LocalizedText, RICH_TEXT_ALLOWLIST } from '@vitrina/contracts';
import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist for curators' rich text (in the contracts, so the studio's editor is held to the same
 * list). Scripts, styles, event handlers, iframes and `javascript:` links are removed, whatever the
 * markup tries.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: RICH_TEXT_ALLOWLIST.tags,
  allowedAttributes: RICH_TEXT_ALLOWLIST.attributes,
  allowedSchemes: RICH_TEXT_ALLOWLIST.schemes,
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: RICH_TEXT_ALLOWLIST.linkRel }),
  },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, POLICY).trim();
}

/** Sanitises every language of a rich text; a language whose text sanitises to nothing is dropped. */
export function sanitizeLocalizedRichText(body: LocalizedText): LocalizedText {
  const clean: LocalizedText = {};
  for (const [lang, entry] of Object.entries(body) as [ContentLanguage, NonNullable<LocalizedText[ContentLanguage]>][]) {
    const text = sanitizeRichText(entry.text);
    if (text) clean[lang] = { ...entry, text };
  }
  return clean;
}

/**
 * sanitize-html decodes every entity of the input and writes its output as
 * HTML again, escaping exactly these: `&`, `<`, `>` (and `"` in attributes,
 * which stripping leaves none of). Undone in one pass, so `&amp;lt;` stays `&lt;`.
 */
const ESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const unescape = (html: string) => html.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ESCAPED[name]);
/** The text of rich text (exhibition blocks), as a reader sees it: no tags, no entities. */
export const plainTextOf = (html: string) => unescape(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })).replace(/\s+/g, ' ').trim();
