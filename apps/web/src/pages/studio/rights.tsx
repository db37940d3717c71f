import { type SelectHTMLAttributes, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The rights statements and licences a curator picks from (the API accepts any of RightsStatements.org and Creative Commons). */
export const RIGHTS_STATEMENTS = [
  'https://creativecommons.org/licenses/by/4.0/',
  'https://creativecommons.org/licenses/by-sa/4.0/',
  'https://creativecommons.org/publicdomain/zero/1.0/',
  'https://creativecommons.org/publicdomain/mark/1.0/',
  'https://rightsstatements.org/vocab/InC/1.0/',
  'https://rightsstatements.org/vocab/NoC-US/1.0/',
  'https://rightsstatements.org/vocab/CNE/1.0/',
];

/**
 * A list of the statements, so nobody types a URL; a statement no longer
 * offered stays selectable on the record or file that has it.
 */
export function RightsSelect({ value, onChange, ...props }: { value: string | null | undefined; onChange: (uri: string | undefined) => void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  return (
    <select {...props} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{t('studio.notSet')}</option>
      {[...RIGHTS_STATEMENTS, ...(value && !RIGHTS_STATEMENTS.includes(value) ? [value] : [])].map((uri) => (
        <option key={uri} value={uri}>
          {uri.replace(/^https?:\/\//, '')}
        </option>
      ))}
    </select>
  );
}

/** The list's choice that shows the box for an address of one's own. */
const OTHER = 'other';

/**
 * A file's rights: picked from the same list, or, under "another address",
 * typed as any URL (the server says whether it accepts it). A file whose
 * rights are an address not in the list opens with that box showing it.
 */
export function FileRightsField({ value, onChange }: { value: string | null | undefined; onChange: (uri: string | null) => void }) {
  const { t } = useTranslation();
  const box = useId();
  const [chosen, setTyping] = useState(false);
  const typing = chosen || (!!value && !RIGHTS_STATEMENTS.includes(value));
  return (
    <div className="file-rights">
      <label>
        <span>{t('studio.media.rights')}</span>
        <select
          value={typing ? OTHER : (value ?? '')}
          aria-controls={typing ? box : undefined}
          onChange={(e) => {
            const picked = e.target.value;
            setTyping(picked === OTHER);
            if (picked !== OTHER) onChange(picked || null);
          }}
        >
          <option value="">{t('studio.notSet')}</option>
          {RIGHTS_STATEMENTS.map((uri) => (
            <option key={uri} value={uri}>
              {uri.replace(/^https?:\/\//, '')}
            </option>
          ))}
          <option value={OTHER}>{t('studio.media.rightsOther')}</option>
        </select>
      </label>
      {typing && (
        <label>
          <span>{t('studio.media.rightsAddress')}</span>
          <input id={box} type="url" value={value ?? ''} placeholder="https://" onChange={(e) => onChange(e.target.value || null)} />
        </label>
      )}
    </div>
  );
}
