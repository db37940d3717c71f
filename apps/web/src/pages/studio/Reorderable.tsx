import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { move } from './reorder';

/**
 * A list whose entries can be dragged into a new order with the mouse, or
 * moved with the Move up / Move down buttons from the keyboard; every move is
 * announced to screen readers.
 */
export function Reorderable<T extends { id: string }>({
  entries,
  onChange,
  describe,
  render,
  className,
}: {
  entries: T[];
  onChange: (entries: T[]) => void;
  describe: (entry: T, index: number) => string;
  render: (entry: T, index: number) => ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<number>();
  const [announcement, setAnnouncement] = useState('');

  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= entries.length || from === to) return;
    onChange(move(entries, from, to));
    setAnnouncement(t('studio.moved', { what: describe(entries[from], from), position: to + 1, total: entries.length }));
  };

  return (
    <>
      <ol className={`reorderable ${className ?? ''}`}>
        {entries.map((entry, index) => (
          <li
            key={entry.id}
            draggable
            onDragStart={(e) => {
              setDragged(index);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', entry.id);
              e.stopPropagation();
            }}
            onDragOver={(e) => dragged !== undefined && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              e.stopPropagation();
              if (dragged !== undefined) moveTo(dragged, index);
              setDragged(undefined);
            }}
            onDragEnd={() => setDragged(undefined)}
            className={dragged === index ? 'dragging' : undefined}
            data-testid="reorderable-entry"
          >
            <div className="reorder-controls">
              <span className="drag-handle" aria-hidden="true">⠿</span>
              <button
                type="button"
                className="secondary"
                disabled={index === 0}
                aria-label={`${t('studio.moveUp')}: ${describe(entry, index)}`}
                onClick={() => moveTo(index, index - 1)}
              >
                {t('studio.moveUp')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={index === entries.length - 1}
                aria-label={`${t('studio.moveDown')}: ${describe(entry, index)}`}
                onClick={() => moveTo(index, index + 1)}
              >
                {t('studio.moveDown')}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={`${t('studio.remove')}: ${describe(entry, index)}`}
                onClick={() => onChange(entries.filter((_, i) => i !== index))}
              >
                {t('studio.remove')}
              </button>
            </div>
            {render(entry, index)}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
