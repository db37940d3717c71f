import type { PublicItem, PublicMemorial } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { dateLanguage, formatYearRange } from './dates';
import { DetailList } from './DetailList';
import { Text } from './Text';

/** The catalogue fields items and memorials share, as a description list. */
export function RecordDetails({ record }: { record: PublicItem | PublicMemorial }) {
  const { t, i18n } = useTranslation();
  const rows: [string, React.ReactNode][] = [];
  const add = (key: string, value: React.ReactNode) => value && rows.push([t(`fields.${key}`), value]);
  add('date', record.date?.display ? <Text value={record.date.display} /> : formatYearRange(record.date, dateLanguage(i18n.language)));
  add('place', record.place && <Text value={record.place} />);
  add('creator', record.creator && <Text value={record.creator} />);
  add('materials', record.materials && <Text value={record.materials} />);
  add('dimensions', record.dimensions);
  add('provenance', record.provenance && <Text value={record.provenance} />);
  add('inventoryNumber', record.inventoryNumber);
  add('creditLine', record.creditLine && <Text value={record.creditLine} />);
  add('rights', record.rights && <a href={record.rights} rel="license noopener noreferrer">{record.rights}</a>);
  add('tags', record.tags.length > 0 && record.tags.join(', '));
  return <DetailList rows={rows} />;
}
