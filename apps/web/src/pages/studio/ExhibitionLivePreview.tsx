import { type ContentLanguage, type Country, type ExhibitionBlock, type ExhibitionDocument, type ExhibitionInput, contentSlugSchema, createExhibitionSchema } from '@vitrina/contracts';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraftExhibitionPreview } from '../../api/exhibitions';
import { ExhibitionView } from '../../components/content/ExhibitionView';
import { documentIssues } from '../../components/forms/validation';
import { FailureAlert } from '../../components/staff/FailureAlert';
import { PreviewLanguages } from './PreviewLanguages';
import { useDebounced } from './use-debounced';
import { editable } from './use-record-editor';

/** Typing pauses this long before the page is made again. */
const PREVIEW_DELAY_MS = 500;
/** Stands in for an address not written (or not valid) yet: the page does not show it. */
const PLACEHOLDER_SLUG = 'preview';

/** A block still waiting for its records or files: visitors would not see it, and the schema refuses it. */
function waiting(block: ExhibitionBlock): boolean {
  if (block.type === 'item') return !block.itemId;
  if (block.type === 'gallery') return block.itemIds.length === 0;
  if (block.type === 'media') return block.assetIds.length === 0;
  return false;
}

/** The editor's document as the preview sends it: blocks still being filled in left out, any address. */
export function previewable(document: ExhibitionDocument): ExhibitionInput {
  const { slug, sections, ...rest } = editable(document);
  return {
    ...rest,
    slug: contentSlugSchema.safeParse(slug).success ? slug : PLACEHOLDER_SLUG,
    sections: sections.map((section) => ({ ...section, blocks: section.blocks.filter((block) => !waiting(block)) })),
  };
}

/** Links of the preview go nowhere: following one would leave the editor. */
function stayInEditor(event: MouseEvent) {
  if ((event.target as Element).closest('a')) event.preventDefault();
}

/**
 * The exhibition being edited, as visitors will see it once published, made
 * by the server from the unsaved document a moment after typing pauses.
 */
export function ExhibitionLivePreview({ country, document, lang, onLang }: { country: Country; document: ExhibitionDocument; lang: ContentLanguage; onLang: (lang: ContentLanguage) => void }) {
  const { t } = useTranslation();
  const settled = useDebounced(document, PREVIEW_DELAY_MS);
  const { body, issues } = useMemo(() => {
    const candidate = previewable(settled);
    const refused = documentIssues(createExhibitionSchema, candidate, t);
    return { body: refused ? undefined : candidate, issues: refused };
  }, [settled, t]);
  const preview = useDraftExhibitionPreview(country.id, body, lang);
  return (
    <section id="live-preview" className="live-preview" aria-labelledby="live-preview-heading">
      <div className="preview-bar">
        <h2 id="live-preview-heading">{t('exhibitionEditor.livePreview')}</h2>
        <PreviewLanguages languages={country.languages} lang={lang} onPick={onLang} />
      </div>
      {issues && <p className="muted small">{t(preview.data ? 'exhibitionEditor.previewWaits' : 'exhibitionEditor.previewPending', { issues })}</p>}
      {preview.error && <FailureAlert error={preview.error} />}
      {/* Clicks on its links are caught on their way down, before the router follows them. */}
      <div className="live-preview-page" onClickCapture={stayInEditor} aria-busy={preview.isFetching}>
        {preview.data && <ExhibitionView exhibition={preview.data} />}
      </div>
    </section>
  );
}
