import { Extension, type Extensions, flattenExtensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { RICH_TEXT_ALLOWLIST } from '@vitrina/contracts';

/**
 * The rich text editor's schema, held to the server's allowlist (`RICH_TEXT_ALLOWLIST`): paragraphs,
 * headings of levels 2 and 3 (a page has its own h1), bold, italic, underline, strike, links, bulleted
 * and numbered lists, quotes and line breaks. Code, code blocks and rules are not on the list and are
 * left out; what the schema does not know (fonts, colours, classes, images) is dropped when pasted.
 */

/** Links to the web, to mail, or to a page of this site. */
export function isAllowedHref(href: string): boolean {
  if (/^\/(?!\/)/.test(href)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  return !!scheme && RICH_TEXT_ALLOWLIST.schemes.includes(scheme);
}

/**
 * Turns what a person typed into a link into an address the allowlist takes: `example.org/page` gets
 * `https://`, `name@example.org` gets `mailto:`; undefined when it cannot be one.
 */
export function linkHref(typed: string): string | undefined {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  if (isAllowedHref(text)) return text;
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(text)) return `mailto:${text}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return undefined;
  return /^[^/]+\.[^/]+/.test(text) ? `https://${text}` : undefined;
}

/** Word's and Google Docs' clipboard HTML, with what the schema would misread taken out first. */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|urn:schemas-microsoft-com|<o:p|<h[14-6]/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('style, meta, link, title, xml').forEach((node) => node.remove());
  // Office's own elements: <o:p> holds a paragraph's end (often a lone &nbsp;), smart tags (<st1:place>) hold words.
  for (const element of [...doc.body.querySelectorAll('*')].filter((el) => el.tagName.includes(':'))) {
    if (element.tagName === 'O:P') element.remove();
    else element.replaceWith(...element.childNodes);
  }
  wordListsToLists(doc);
  // The page has its own h1: a pasted h1 is a section heading; h4–h6 are the smallest one there is.
  doc.querySelectorAll('h1, h4, h5, h6').forEach((heading) => renameElement(heading, heading.tagName === 'H1' ? 'h2' : 'h3'));
  return doc.body.innerHTML;
}

function renameElement(element: Element, tag: string): Element {
  const renamed = element.ownerDocument.createElement(tag);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
  return renamed;
}

/**
 * Word writes list items as paragraphs styled `mso-list`, each starting with its bullet or number
 * between `<![if !supportLists]>` and `<![endif]>`: they become real list items, in lists numbered or
 * not as their first marker was.
 */
function wordListsToLists(doc: Document): void {
  let list: HTMLElement | undefined;
  let listId: string | undefined;
  for (const paragraph of [...doc.body.querySelectorAll('p')]) {
    const id = /mso-list:\s*(l\d+)/.exec(paragraph.getAttribute('style') ?? '')?.[1];
    if (!id) {
      list = undefined;
      continue;
    }
    const marker = takeListMarker(paragraph);
    // A list goes on while its items follow one another and name the same Word list (l0, l1…).
    if (!list || list.nextElementSibling !== paragraph || id !== listId) {
      listId = id;
      list = doc.createElement(/^\(?[0-9a-z]{1,4}[.)]$/i.test(marker) ? 'ol' : 'ul');
      paragraph.before(list);
    }
    const item = doc.createElement('li');
    item.append(...paragraph.childNodes);
    list.append(item);
    paragraph.remove();
  }
}

/** Removes the bullet or number Word puts before a list item's text, and returns it. */
function takeListMarker(paragraph: Element): string {
  const nodes = [...paragraph.childNodes];
  const start = nodes.findIndex((node) => node.nodeType === Node.COMMENT_NODE && /\[if !supportLists\]/.test((node as Comment).data));
  if (start < 0) return '';
  const end = nodes.findIndex((node, index) => index > start && node.nodeType === Node.COMMENT_NODE && /\[endif\]/.test((node as Comment).data));
  const marker = nodes.slice(start, end < 0 ? undefined : end + 1);
  const text = marker.map((node) => (node.nodeType === Node.COMMENT_NODE ? '' : node.textContent)).join('');
  marker.forEach((node) => node.remove());
  return text.replace(/\s|\u00a0/g, '');
}

const PasteCleaner = Extension.create({
  name: 'pasteCleaner',
  transformPastedHTML: (html: string) => cleanPastedHtml(html),
});

/**
 * The editor's extensions: the starter kit without what the allowlist refuses, its link mark and
 * numbered list stripped of attributes the server would drop (`target`, `class`, `start`, `type`).
 */
export function richTextExtensions(): Extensions {
  const kit = StarterKit.configure({
    code: false,
    codeBlock: false,
    horizontalRule: false,
    // An empty paragraph after every list would be stored with the text.
    trailingNode: false,
    heading: { levels: [2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      HTMLAttributes: { target: null, rel: RICH_TEXT_ALLOWLIST.linkRel, class: null },
      isAllowedUri: (href) => isAllowedHref(href),
    },
  });
  const held = flattenExtensions([kit])
    .filter((extension) => extension !== kit)
    .map((extension) => {
      if (extension.name === 'link') return extension.extend({ addAttributes: () => ({ href: { default: null }, title: { default: null } }) });
      if (extension.name === 'orderedList') return extension.extend({ addAttributes: () => ({}) });
      return extension;
    });
  return [...held, PasteCleaner];
}
