import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  closestCenter,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Fragment, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UndoNotice, useRemovalSlot } from './removal-undo';
import { insertAt, move } from './reorder';
import './exhibition-editor.css';

interface EntryProps {
  id: string;
  what: string;
  first: boolean;
  last: boolean;
  header?: ReactNode;
  children: ReactNode;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

/** One entry: only its handle starts a drag (so its text can be selected), with buttons beside for those who look for them. */
function SortableEntry({ id, what, first, last, header, children, onMove, onRemove }: EntryProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    attributes: { roleDescription: t('reorder.roleDescription') },
  });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={isDragging ? 'dragging' : undefined} data-testid="reorderable-entry">
      <div className="reorder-controls">
        <button type="button" ref={setActivatorNodeRef} className="drag-handle" {...attributes} {...listeners} aria-label={`${t('reorder.handle')}: ${what}`}>
          <span aria-hidden="true">⠿</span>
        </button>
        <div className="reorder-header">{header}</div>
        <span className="reorder-buttons">
          <button type="button" className="secondary small" disabled={first} aria-label={`${t('studio.moveUp')}: ${what}`} onClick={() => onMove(-1)}>
            {t('studio.moveUp')}
          </button>
          <button type="button" className="secondary small" disabled={last} aria-label={`${t('studio.moveDown')}: ${what}`} onClick={() => onMove(1)}>
            {t('studio.moveDown')}
          </button>
          <button type="button" className="secondary small" aria-label={`${t('studio.remove')}: ${what}`} onClick={onRemove}>
            {t('studio.remove')}
          </button>
        </span>
      </div>
      {children}
    </li>
  );
}

/**
 * A list whose entries are put in order by dragging their handle, by the
 * keyboard on the handle (Space, arrows, Space) or with Move up / Move down;
 * every move is announced in the UI language. A removed entry leaves an
 * "Undo" notice in its place.
 */
export function Reorderable<T extends { id: string }>({
  entries,
  onChange,
  describe,
  render,
  header,
  className,
}: {
  entries: T[];
  onChange: (entries: T[]) => void;
  describe: (entry: T, index: number) => string;
  /** The entry's body (its fields); may be nothing while it is collapsed. */
  render: (entry: T, index: number) => ReactNode;
  /** A line beside the handle: a summary, an Edit button. */
  header?: (entry: T, index: number) => ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const list = useId();
  const removals = useRemovalSlot();
  const [announcement, setAnnouncement] = useState('');
  // dnd-kit's live region goes inside the list's own region rather than at the end of <body>.
  const [liveRegion, setLiveRegion] = useState<HTMLElement | null>(null);
  const sensors = useSensors(
    // A few pixels of travel first, so a click on the handle is a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const indexOf = (id: UniqueIdentifier) => entries.findIndex((entry) => entry.id === id);
  const nameOf = (id: UniqueIdentifier) => {
    const index = indexOf(id);
    return index < 0 ? '' : describe(entries[index], index);
  };
  const at = (id: UniqueIdentifier) => ({ what: nameOf(id), position: indexOf(id) + 1, total: entries.length });
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('reorder.pickedUp', at(active.id)),
    onDragOver: ({ active, over }) => (over ? t('reorder.over', { ...at(over.id), what: nameOf(active.id) }) : t('reorder.outside', at(active.id))),
    onDragEnd: ({ active, over }) => (over ? t('reorder.dropped', { ...at(over.id), what: nameOf(active.id) }) : t('reorder.cancelled', at(active.id))),
    onDragCancel: ({ active }) => t('reorder.cancelled', at(active.id)),
  };

  const moveTo = (from: number, to: number) => {
    if (to < 0 || to >= entries.length || from === to) return;
    onChange(move(entries, from, to));
    setAnnouncement(t('studio.moved', { what: describe(entries[from], from), position: to + 1, total: entries.length }));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) moveTo(indexOf(active.id), indexOf(over.id));
  };
  const remove = (index: number) => {
    removals.offer({ list, index, entry: entries[index], what: describe(entries[index], index) });
    onChange(entries.filter((_, i) => i !== index));
  };
  const removal = removals.removal?.list === list ? removals.removal : undefined;
  const undo = () => {
    if (!removal) return;
    const entry = removal.entry as T;
    if (!entries.some((e) => e.id === entry.id)) onChange(insertAt(entries, removal.index, entry));
    removals.dismiss();
  };
  const notice = removal && (
    <li className="undo-entry">
      <UndoNotice what={removal.what} onUndo={undo} onDismiss={removals.dismiss} />
    </li>
  );

  return (
    <div className="reorderable-list">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('reorder.instructions') }, container: liveRegion ?? undefined }}
      >
        <SortableContext items={entries.map((entry) => entry.id)} strategy={verticalListSortingStrategy}>
          <ol className={`reorderable ${className ?? ''}`}>
            {entries.map((entry, index) => (
              <Fragment key={entry.id}>
                {removal?.index === index && notice}
                <SortableEntry
                  id={entry.id}
                  what={describe(entry, index)}
                  first={index === 0}
                  last={index === entries.length - 1}
                  header={header?.(entry, index)}
                  onMove={(step) => moveTo(index, index + step)}
                  onRemove={() => remove(index)}
                >
                  {render(entry, index)}
                </SortableEntry>
              </Fragment>
            ))}
            {removal && removal.index >= entries.length && notice}
          </ol>
        </SortableContext>
      </DndContext>
      <div ref={setLiveRegion} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
