import type { SourceExcerpt } from '@union/domain';
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import './source-note.css';

/** An imported value's source as the form and the review page show it. */
export interface ShownSource {
  document: string;
  excerpts: readonly SourceExcerpt[];
  acceptedBy?: string | null;
  /** ISO time of the save that first carried it; absent while only in the draft. */
  acceptedAt?: string;
}

const whenOf = (iso: string, lang: 'zh' | 'en') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/**
 * 「来自总结」: a small marker beside a value read from the chair's summary that
 * opens the sentence(s) it came from, the figure marked, with the document and
 * who accepted it when. A disclosure (button + region), so it works with touch,
 * keyboard and screen readers alike.
 */
export function SourceNote({ source, name }: { source: ShownSource; name: string }) {
  const { t, labelKey } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="source-note">
      <button type="button" className="source-note__marker" aria-expanded={open} aria-controls={id} aria-label={t('report.source.markerFor', { name })} onClick={() => setOpen((o) => !o)}>
        {t('report.source.marker')}
      </button>
      <span id={id} className="source-note__panel" role="region" aria-label={t('report.source.title')} hidden={!open}>
        {source.excerpts.length > 1 ? <span className="source-note__meta">{t('report.source.sum', { count: source.excerpts.length })}</span> : null}
        {source.excerpts.map((e, i) => (
          <q key={i} className="source-note__sentence" lang="zh-CN">
            {e.sentence.slice(0, e.figureStart)}
            <mark>{e.sentence.slice(e.figureStart, e.figureEnd)}</mark>
            {e.sentence.slice(e.figureEnd)}
          </q>
        ))}
        <span className="source-note__meta">{source.document ? t('report.source.document', { name: source.document }) : t('report.source.pasted')}</span>
        <span className="source-note__meta">
          {source.acceptedAt
            ? source.acceptedBy
              ? t('report.source.accepted', { who: source.acceptedBy, when: whenOf(source.acceptedAt, labelKey) })
              : t('report.source.acceptedBySomeone', { when: whenOf(source.acceptedAt, labelKey) })
            : t('report.source.notSavedYet')}
        </span>
      </span>
    </span>
  );
}
