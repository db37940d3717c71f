import { createDocument, type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RichTextLinkForm } from './RichTextLinkForm';
import { richTextExtensions } from './rich-text-extensions';
import './forms.css';

export interface RichTextEditorProps {
  /** The text box's accessible name: "<field> — <language>". */
  label: string;
  /** HTML, as the server stores it. */
  value: string;
  /** The HTML typed; an empty text is `''`. */
  onChange: (html: string) => void;
  lang?: string;
  /** Id of a message about the field, read with the text box. */
  describedBy?: string;
  invalid?: boolean;
}

interface Tool {
  key: 'bold' | 'italic' | 'link' | 'bulletList' | 'orderedList' | 'heading2' | 'heading3' | 'blockquote' | 'undo' | 'redo';
  /** What the button shows (the words for link, lists and quote come from the translations). */
  glyph?: string;
  shortcut: string;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[] = [
  { key: 'bold', glyph: 'B', shortcut: 'Control+B', run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', glyph: 'I', shortcut: 'Control+I', run: (e) => e.chain().focus().toggleItalic().run() },
  { key: 'link', shortcut: 'Control+K', run: () => undefined },
  { key: 'heading2', glyph: 'H2', shortcut: 'Control+Alt+2', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { key: 'heading3', glyph: 'H3', shortcut: 'Control+Alt+3', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'bulletList', shortcut: 'Control+Shift+8', run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'orderedList', shortcut: 'Control+Shift+7', run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'blockquote', shortcut: 'Control+Shift+B', run: (e) => e.chain().focus().toggleBlockquote().run() },
  { key: 'undo', glyph: '↶', shortcut: 'Control+Z', run: (e) => e.chain().focus().undo().run() },
  { key: 'redo', glyph: '↷', shortcut: 'Control+Shift+Z', run: (e) => e.chain().focus().redo().run() },
];

/** Which tools are on (bold where the caret is…) or unusable (nothing to undo), as the editor changes. */
function toolStates(editor: Editor): Record<Tool['key'], { on: boolean; usable: boolean }> {
  const on = (name: string, attrs?: object) => editor.isActive(name, attrs);
  const can = editor.can();
  return {
    bold: { on: on('bold'), usable: true },
    italic: { on: on('italic'), usable: true },
    link: { on: on('link'), usable: true },
    heading2: { on: on('heading', { level: 2 }), usable: true },
    heading3: { on: on('heading', { level: 3 }), usable: true },
    bulletList: { on: on('bulletList'), usable: true },
    orderedList: { on: on('orderedList'), usable: true },
    blockquote: { on: on('blockquote'), usable: true },
    undo: { on: false, usable: can.undo() },
    redo: { on: false, usable: can.redo() },
  };
}

/**
 * A rich text box (Tiptap): bold, italic, links, headings, lists and quotes from a toolbar or the usual
 * shortcuts (Ctrl+B, Ctrl+I, Ctrl+K for a link), emitting only HTML the server's allowlist keeps, and
 * cleaning what is pasted from Word or Google Docs. Loaded on demand (`LocalizedRichTextField`), so
 * visitors never download it.
 */
export default function RichTextEditor({ label, value, onChange, lang, describedBy, invalid }: RichTextEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const contentId = `${id}-text`;
  const [linking, setLinking] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbar = useRef<HTMLDivElement>(null);
  // The HTML this box last gave: a value from elsewhere (a record loaded, a draft restored) replaces the content.
  const emitted = useRef(value);
  const latestOnChange = useRef(onChange);
  const openLink = useRef(() => setLinking(true));
  useLayoutEffect(() => {
    latestOnChange.current = onChange;
  });

  const attributes = {
    id: contentId,
    'aria-label': label,
    'aria-multiline': 'true',
    ...(lang ? { lang } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
    class: 'rich-text-content',
    spellcheck: 'true',
  };
  const editor = useEditor({
    extensions: richTextExtensions(),
    content: value,
    editorProps: {
      attributes,
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          openLink.current();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: changed }) => {
      const html = changed.isEmpty ? '' : changed.getHTML();
      emitted.current = html;
      latestOnChange.current(html);
    },
  });
  const states = useEditorState({ editor, selector: ({ editor: current }) => toolStates(current) });

  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    // The server writes `<br />` where the editor wrote `<br>`: the same text is not put back, or the caret would jump.
    if (createDocument(value, editor.schema).eq(editor.state.doc)) return;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const attributeKey = JSON.stringify(attributes);
  useEffect(() => {
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: JSON.parse(attributeKey) as Record<string, string> } });
  }, [editor, attributeKey]);

  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: TOOLS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key] + TOOLS.length) % TOOLS.length;
    setFocusIndex(next);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <div className={`rich-text-editor${invalid ? ' invalid' : ''}`} draggable={false}>
      <div ref={toolbar} role="toolbar" aria-label={t('inputs.rich.toolbar', { field: label })} aria-controls={contentId} className="rich-text-toolbar" onKeyDown={onToolbarKeyDown}>
        {TOOLS.map((tool, index) => {
          const name = t(`inputs.rich.${tool.key}`);
          const state = states[tool.key];
          const toggles = tool.key !== 'undo' && tool.key !== 'redo';
          return (
            <button
              key={tool.key}
              type="button"
              className={`rich-tool rich-tool-${tool.key}`}
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={name}
              aria-pressed={toggles ? state.on : undefined}
              aria-keyshortcuts={tool.shortcut}
              aria-disabled={!state.usable || undefined}
              title={`${name} (${tool.shortcut.replace('Control', 'Ctrl')})`}
              // The text keeps its selection while a tool is pressed with the mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={() => (tool.key === 'link' ? setLinking(true) : state.usable && tool.run(editor))}
            >
              <span aria-hidden="true">{tool.glyph ?? t(`inputs.rich.glyph.${tool.key}`)}</span>
            </button>
          );
        })}
      </div>
      {linking && <RichTextLinkForm editor={editor} onClose={() => setLinking(false)} />}
      <EditorContent editor={editor} />
    </div>
  );
}
