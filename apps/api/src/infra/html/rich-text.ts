import type { ContentLanguage, LocalizedText } from '@vitrina/contracts';
import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist for curators' rich text: structure and emphasis, links to
 * http(s) and mail only. Scripts, styles, event handlers, iframes and
 * `javascript:` links are removed, whatever the markup tries.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'ul', 'ol', 'li', 'blockquote', 'cite', 'abbr'],
  allowedAttributes: { a: ['href', 'title', 'lang', 'rel'], abbr: ['title'], '*': ['lang'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
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
