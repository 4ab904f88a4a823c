import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useChosenYear, YearField } from '../review/YearField';
import { useRubricCopy } from './messages';
import { RubricV2Editor } from './editor/RubricV2Editor';
import { useEditorCopy } from './editor/messages';
import { RubricEditor } from './V1RubricEditor';
import './rubric.css';

/** 考核评估表: the year's rubric; admins edit and save it (rescoring the year), viewers read it. */
export function RubricPage() {
  const { c } = useRubricCopy();
  const { e } = useEditorCopy();
  const trpc = useTRPC();
  const { years, list, year, setYear } = useChosenYear();
  const definition = useQuery({ ...trpc.rubric.definition.queryOptions({ year: year ?? 0 }), enabled: year !== null });
  // A v2 year opens in the v2 editor; a v1 year in the v1 one until the admin switches.
  const [v2Years, setV2Years] = useState<ReadonlySet<number>>(new Set());
  const isV2 = year !== null && (definition.data?.schemaVersion === 2 || v2Years.has(year));
  const rubric = useQuery({ ...trpc.rubric.get.queryOptions({ year: year ?? 0 }), enabled: year !== null && definition.isSuccess && !isV2 });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions({ year: year ?? undefined }), enabled: year !== null, staleTime: 10 * 60_000 });
  const [saved, setSaved] = useState<{ year: number; rescored: number } | null>(null);
  useDocumentTitle(c.title);

  let body;
  if (years.isError || definition.isError || (!isV2 && rubric.isError) || catalogue.isError) {
    body = <ErrorState error={years.error ?? definition.error ?? rubric.error ?? catalogue.error} onRetry={() => void Promise.all([years.refetch(), definition.refetch(), rubric.refetch(), catalogue.refetch()])} />;
  } else if (years.isPending) {
    body = <LoadingState />;
  } else if (year === null) {
    body = <EmptyState title={c.noYears} />;
  } else if (definition.isPending || catalogue.isPending || (!isV2 && rubric.isPending)) {
    body = <LoadingState />;
  } else if (isV2) {
    body = (
      <>
        <p className="muted">{e.v2Intro}</p>
        {saved?.year === year ? (
          <p className="form-success" role="status">
            {e.saved(saved.rescored)}
          </p>
        ) : null}
        {definition.data.schemaVersion !== 2 ? (
          <button type="button" className="button button--small button--secondary" onClick={() => setV2Years((s) => new Set([...s].filter((y) => y !== year)))}>
            {e.backToV1}
          </button>
        ) : null}
        <RubricV2Editor
          key={`${year}-v2-${definition.data.updatedAt ? String(definition.data.updatedAt) : 'default'}`}
          year={year}
          rubric={definition.data.rubric}
          catalogue={catalogue.data}
          canEdit={definition.data.mayEdit}
          onSaved={(rescored) => setSaved({ year, rescored })}
        />
      </>
    );
  } else if (!rubric.data) {
    body = <LoadingState />;
  } else {
    body = (
      <>
      {definition.data.mayEdit ? (
        <p>
          <button type="button" className="button button--small button--secondary" onClick={() => setV2Years((s) => new Set([...s, year]))}>
            {e.useV2}
          </button>
        </p>
      ) : null}
      <RubricEditor
        key={`${year}-${rubric.data.updatedAt ? String(rubric.data.updatedAt) : 'default'}`}
        year={year}
        view={rubric.data}
        canEdit={definition.data.mayEdit}
        catalogue={catalogue.data}
        saved={saved?.year === year ? saved.rescored : null}
        onSaved={(rescored) => setSaved({ year, rescored })}
        onEdit={() => setSaved(null)}
      />
      </>
    );
  }

  return (
    <Page title={c.title} lead={<p>{c.intro}</p>}>
      {list.length > 0 && year !== null ? (
        <div className="filters">
          <YearField
            list={list}
            year={year}
            onChange={(y) => {
              setSaved(null);
              setYear(y);
            }}
          />
        </div>
      ) : null}
      {body}
    </Page>
  );
}
