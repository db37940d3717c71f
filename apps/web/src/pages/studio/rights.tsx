import type { SelectHTMLAttributes } from 'react';
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
