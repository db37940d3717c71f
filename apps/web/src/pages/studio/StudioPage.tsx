import { COLLECTIONS, COLLECTION_NAMES, type Collection, type Country, type RecordType, isCollection } from '@vitrina/contracts';
import type { ComponentType } from 'react';
import { NavLink, Route, Routes, useNavigate, useParams } from 'react-router';
import { Redirect } from '../../components/Redirect';
import { useTranslation } from 'react-i18next';
import { ExhibitionEditor } from './ExhibitionEditor';
import { ExhibitionPreview } from './ExhibitionPreview';
import { ExportPanel } from './ExportPanel';
import { ItemEditor } from './ItemEditor';
import { MemorialEditor } from './MemorialEditor';
import { PersonEditor } from './PersonEditor';
import { CountryPicker, StaffDesk } from '../../components/staff/StaffDesk';
import { StudioList } from './StudioList';
import { useStudioCountries } from '../../components/staff/use-staff-countries';

/** The editor of each kind of record: a kind added to the registry is refused here until it has one. */
const EDITORS: Record<RecordType, ComponentType<{ country: Country; id?: string }>> = {
  item: ItemEditor,
  memorial: MemorialEditor,
  exhibition: ExhibitionEditor,
  person: PersonEditor,
};

function Editor({ country, collection, id }: { country: Country; collection: Collection; id?: string }) {
  const KindEditor = EDITORS[COLLECTIONS[collection]];
  return <KindEditor key={id ?? 'new'} country={country} id={id} />;
}

type Mode = 'list' | 'new' | 'edit' | 'preview' | 'export';

/** The country picker and the studio's tabs: a tab per kind of record, and the exports. */
function StudioBar({ countries, country, current }: { countries: Country[]; country: Country; current: Collection | 'export' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="studio-bar">
      <CountryPicker countries={countries} country={country} onPick={(picked) => navigate(`/studio/${picked}/${current}`)} />
      <nav aria-label={t('studio.sectionsNav')} className="tabs">
        {COLLECTION_NAMES.map((name) => (
          <NavLink key={name} to={`/studio/${country.id}/${name}`}>
            {t(`studio.collections.${name}`)}
          </NavLink>
        ))}
        <NavLink to={`/studio/${country.id}/export`}>{t('exchange.export.tab')}</NavLink>
      </nav>
    </div>
  );
}

function CountryStudio({ countries, mode }: { countries: Country[]; mode: Mode }) {
  const { countryId, collection, id } = useParams();
  const country = countries.find((c) => c.id === countryId);
  if (country && mode === 'export') {
    return (
      <>
        <StudioBar countries={countries} country={country} current="export" />
        <ExportPanel country={country} />
      </>
    );
  }
  if (!country || !isCollection(collection)) return <Redirect to="/studio" />;
  return (
    <>
      <StudioBar countries={countries} country={country} current={collection} />
      {mode === 'list' && <StudioList key={`${country.id}-${collection}`} country={country} collection={collection} />}
      {mode === 'new' && <Editor country={country} collection={collection} />}
      {mode === 'edit' && <Editor country={country} collection={collection} id={id} />}
      {mode === 'preview' && id && <ExhibitionPreview country={country} id={id} />}
    </>
  );
}

/** The curator studio; loaded only when staff open it, never by visitors. */
export default function StudioPage() {
  const { t } = useTranslation();
  const countries = useStudioCountries();
  return (
    <StaffDesk heading={t('studio.heading')} noCountries={t('studio.noCountries')} className="studio" countries={countries}>
      {(mine) => (
        <Routes>
          <Route index element={<Redirect to={`/studio/${mine[0].id}/${COLLECTION_NAMES[0]}`} />} />
          <Route path=":countryId/export" element={<CountryStudio countries={mine} mode="export" />} />
          <Route path=":countryId/:collection" element={<CountryStudio countries={mine} mode="list" />} />
          <Route path=":countryId/:collection/new" element={<CountryStudio countries={mine} mode="new" />} />
          <Route path=":countryId/:collection/:id" element={<CountryStudio countries={mine} mode="edit" />} />
          <Route path=":countryId/:collection/:id/preview" element={<CountryStudio countries={mine} mode="preview" />} />
        </Routes>
      )}
    </StaffDesk>
  );
}
