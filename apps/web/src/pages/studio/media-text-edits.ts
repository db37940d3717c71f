import type { MediaAsset, RecordMediaTexts } from '@vitrina/contracts';
import { createContext, useContext } from 'react';

/** The texts of a file a curator edits; only the fields changed since the file was loaded. */
export type AssetTexts = Partial<Pick<MediaAsset, 'alt' | 'caption' | 'credit' | 'rights' | 'transcript'>>;

/**
 * The files' texts a record editor holds until its one save sends them with
 * the record (`mediaTexts` of the save's body): a file's texts are part of the
 * record's unsaved changes, kept in its draft and never saved on their own.
 */
export interface MediaTextEdits {
  /** Unsaved texts per asset id. */
  edits: Record<string, AssetTexts>;
  edit: (assetId: string, patch: AssetTexts) => void;
  /** A captions file was uploaded or removed: the record's next save snapshots it. */
  captionsChanged: () => void;
}

export const MediaTextEditsContext = createContext<MediaTextEdits | null>(null);

/** The enclosing record editor's file texts; every media manager sits in one. */
export function useMediaTextEdits(): MediaTextEdits {
  const edits = useContext(MediaTextEditsContext);
  if (!edits) throw new Error('useMediaTextEdits outside a record editor');
  return edits;
}

/** The edits the save sends: those of files the document still shows (a removed file's texts stay unsent). */
export function textsToSend(edits: Record<string, AssetTexts>, shown: readonly string[]): RecordMediaTexts {
  return Object.fromEntries(Object.entries(edits).filter(([assetId, texts]) => shown.includes(assetId) && Object.keys(texts).length > 0));
}
