import { Editor } from '@tiptap/core';
import { RICH_TEXT_ALLOWLIST } from '@vitrina/contracts';
import sanitizeHtml from 'sanitize-html';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPastedHtml, linkHref, richTextExtensions } from './rich-text-extensions';

/** The API's sanitiser, built as apps/api/src/infra/html/rich-text.ts builds it from the shared allowlist. */
const serverSanitise = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: RICH_TEXT_ALLOWLIST.tags,
    allowedAttributes: RICH_TEXT_ALLOWLIST.attributes,
    allowedSchemes: RICH_TEXT_ALLOWLIST.schemes,
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: RICH_TEXT_ALLOWLIST.linkRel }) },
  }).trim();

/** sanitize-html writes a void element as `<br />`, the editor as `<br>`: the same HTML, the only difference allowed. */
const asSanitiserWrites = (html: string) => html.replaceAll('<br>', '<br />');

let editors: Editor[] = [];
function editor(content = ''): Editor {
  const made = new Editor({ element: document.createElement('div'), extensions: richTextExtensions(), content });
  editors.push(made);
  return made;
}
afterEach(() => {
  editors.forEach((e) => e.destroy());
  editors = [];
});

/** Types text at the caret as a keyboard does, input rules included (`1. ` starts a numbered list). */
function type(e: Editor, text: string) {
  for (const char of text) {
    const { from, to } = e.state.selection;
    const handled = e.view.someProp('handleTextInput', (handle) => handle(e.view, from, to, char, () => e.state.tr.insertText(char, from, to)));
    if (!handled) e.view.dispatch(e.state.tr.insertText(char, from, to));
  }
}

describe('what the rich text editor emits', () => {
  it('passes the server’s sanitiser unchanged, for every kind of formatting it offers', () => {
    const e = editor('<p></p>');
    e.commands.focus('end');
    const enter = () => e.commands.keyboardShortcut('Enter');
    e.commands.setHeading({ level: 2 });
    type(e, 'Эвакуация 1941 года');
    enter();
    type(e, 'Ковёр привезли ');
    e.commands.toggleBold();
    type(e, 'в 1942');
    e.commands.toggleBold();
    type(e, ', ');
    e.commands.toggleItalic();
    type(e, 'әже');
    e.commands.toggleItalic();
    type(e, ' & <сосед> "Ерлан" ');
    e.commands.toggleUnderline();
    type(e, 'u');
    e.commands.toggleUnderline();
    e.commands.toggleStrike();
    type(e, 's');
    e.commands.toggleStrike();
    enter();
    type(e, 'архив');
    const end = e.state.selection.from;
    e.chain().setTextSelection({ from: end - 5, to: end }).setLink({ href: 'https://example.org/a?b=1&c=2' }).setTextSelection(end).unsetMark('link').run();
    enter();
    e.commands.setHeading({ level: 3 });
    type(e, 'Қағаз');
    enter();
    e.commands.toggleBulletList();
    type(e, 'войлок');
    enter();
    type(e, 'ұлттық');
    enter();
    enter();
    e.commands.toggleBlockquote();
    type(e, 'Никто не забыт');
    e.commands.setHardBreak();
    type(e, 'ничто не забыто');
    const html = e.getHTML();
    expect(html).toBe(
      '<h2>Эвакуация 1941 года</h2><p>Ковёр привезли <strong>в 1942</strong>, <em>әже</em> &amp; &lt;сосед&gt; "Ерлан" <u>u</u><s>s</s></p>' +
        '<p><a rel="noopener noreferrer nofollow" href="https://example.org/a?b=1&amp;c=2">архив</a></p><h3>Қағаз</h3>' +
        '<ul><li><p>войлок</p></li><li><p>ұлттық</p></li></ul><blockquote><p>Никто не забыт<br>ничто не забыто</p></blockquote>',
    );
    expect(serverSanitise(html)).toBe(asSanitiserWrites(html));
    // What the server stores reads back into the same text.
    expect(editor(serverSanitise(html)).getHTML()).toBe(html);
  });

  it('numbers a list typed as "3. " without a start the server would drop', () => {
    const e = editor('<p></p>');
    e.commands.focus('end');
    type(e, '3. Первый');
    expect(e.getHTML()).toBe('<ol><li><p>Первый</p></li></ol>');
    expect(serverSanitise(e.getHTML())).toBe(e.getHTML());
  });

  it('keeps stored HTML as it is, and drops what the allowlist refuses from HTML it is given', () => {
    const stored = '<h3>Письмо</h3><p>Из <a rel="noopener noreferrer nofollow" href="mailto:archive@example.org">архива</a> <em>семьи</em>.</p><ol><li><p>один</p></li></ol>';
    expect(editor(stored).getHTML()).toBe(stored);
    const hostile = '<h1>Big</h1><p style="color:red" class="x">a<code>b</code><img src="x.png"><a href="javascript:alert(1)">c</a><a href="https://e.org" target="_blank" class="btn">d</a></p><pre><code>e</code></pre><hr><ol start="4" type="a"><li>f</li></ol>';
    const html = editor(hostile).getHTML();
    expect(html).toBe('<p>Big</p><p>abc<a rel="noopener noreferrer nofollow" href="https://e.org">d</a></p><p>e</p><ol><li><p>f</p></li></ol>');
    expect(serverSanitise(html)).toBe(html);
  });
});

describe('pasting from word processors', () => {
  const paste = (html: string) => {
    const e = editor('<p></p>');
    e.commands.focus('end');
    // jsdom has no ClipboardEvent; the paste needs an event only to hand to paste handlers.
    e.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
    return e.getHTML();
  };

  it('cleans Word’s HTML: styles, <o:p>, fonts, conditional comments, list paragraphs', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{mso-style-parent:"";font-family:"Calibri"}</style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=RU style='tab-interval:35.4pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='font-size:24.0pt;font-family:"Times New Roman"'>Эвакуация<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span style='font-family:"Arial",sans-serif;mso-fareast-language:RU'>Ковёр привезли в <b>1942</b> году, <i><span style='mso-bidi-font-style:normal'>әже</span></i> хранила его.<o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]>войлок<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]>ковёр<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;&nbsp;</span></span><![endif]>первый<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>2.<span>&nbsp;&nbsp;</span></span><![endif]>второй<o:p></o:p></p>
<!--EndFragment--></body></html>`;
    const html = paste(word);
    expect(html).toBe(
      '<h2>Эвакуация</h2><p>Ковёр привезли в <strong>1942</strong> году, <em>әже</em> хранила его.</p><ul><li><p>войлок</p></li><li><p>ковёр</p></li></ul><ol><li><p>первый</p></li><li><p>второй</p></li></ol>',
    );
    expect(serverSanitise(html)).toBe(html);
  });

  it('reads Google Docs’ wrapper <b style="font-weight:normal"> as no bold, and its styled spans as bold and italic', () => {
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;vertical-align:baseline;white-space:pre-wrap;">Қасымов Ерлан, </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;white-space:pre-wrap;">рядовой</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-style:italic;white-space:pre-wrap;"> 1943</span></p><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;"><p dir="ltr" role="presentation" style="line-height:1.38;"><span style="font-size:11pt;">письма</span></p></li></ul></b>`;
    const html = paste(docs);
    expect(html).toBe('<p>Қасымов Ерлан, <strong>рядовой</strong><em> 1943</em></p><ul><li><p>письма</p></li></ul>');
    expect(serverSanitise(html)).toBe(html);
  });

  it('leaves other HTML to the schema untouched', () => {
    expect(cleanPastedHtml('<p>plain <b>bold</b></p>')).toBe('<p>plain <b>bold</b></p>');
  });
});

describe('link addresses', () => {
  it.each([
    ['https://example.org', 'https://example.org'],
    ['example.org/page', 'https://example.org/page'],
    ['archive@example.org', 'mailto:archive@example.org'],
    ['/kazakhstan/items/felt-carpet', '/kazakhstan/items/felt-carpet'],
    ['mailto:a@b.kz', 'mailto:a@b.kz'],
    ['javascript:alert(1)', undefined],
    ['//evil.example', undefined],
    ['ftp://files.example.org', undefined],
    ['not a link', undefined],
    ['', undefined],
  ])('%j → %j', (typed, href) => {
    expect(linkHref(typed)).toBe(href);
  });
});
