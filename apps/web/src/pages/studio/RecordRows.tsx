import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FieldIssuesProvider } from '../../components/forms/field-issues';

/**
 * A list of repeated rows (inscriptions, people, surveys, events): each with its fields and a remove
 * button, and an add button. The rows are checked against `schema` (the list's contract schema) and
 * each field's message shows beside it, at `path.<index>.<field>` (`people.0.name`).
 */
export function RecordRows<T>({ legend, rows, onChange, blank, render, addLabel, schema, path }: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  render: (row: T, update: (row: T) => void, index: number) => ReactNode;
  addLabel: string;
  schema: z.ZodType;
  path: string;
}) {
  const { t } = useTranslation();
  return (
    <FieldIssuesProvider schema={schema} value={rows} prefix={path}>
      <fieldset className="rows">
        <legend>{legend}</legend>
        {rows.map((row, index) => (
          <div key={index} className="row">
            {render(row, (next) => onChange(rows.map((r, i) => (i === index ? next : r))), index)}
            <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t('studio.remove')}
              <span className="visually-hidden"> {legend} {index + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => onChange([...rows, blank])}>
          {addLabel}
        </button>
      </fieldset>
    </FieldIssuesProvider>
  );
}
