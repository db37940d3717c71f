import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One part of a long form, named by its heading's translation key (`editor.sections.<key>`), also its anchor. */
export interface EditorSection {
  key: string;
}

const anchorOf = (id: string) => `editor-part-${id}`;

/** Links to each part of the form; the part's heading takes the focus, below the sticky bar. */
export function SectionNav({ sections }: { sections: EditorSection[] }) {
  const { t } = useTranslation();
  const jump = (key: string) => {
    const heading = document.getElementById(`${anchorOf(key)}-heading`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <nav className="section-nav" aria-label={t('editor.sections.nav')}>
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <a
              href={`#${anchorOf(section.key)}`}
              onClick={(event) => {
                // The router would take a hash change for a navigation; a jump within the form is none.
                event.preventDefault();
                jump(section.key);
              }}
            >
              {t(`editor.sections.${section.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A part of a long form, with its heading (the navigation's target). */
export function FormSection({ section, children }: { section: EditorSection; children: ReactNode }) {
  const { t } = useTranslation();
  const anchor = anchorOf(section.key);
  return (
    <section id={anchor} className="form-section" aria-labelledby={`${anchor}-heading`}>
      <h3 id={`${anchor}-heading`} tabIndex={-1}>
        {t(`editor.sections.${section.key}`)}
      </h3>
      <div className="form-section-fields">{children}</div>
    </section>
  );
}
