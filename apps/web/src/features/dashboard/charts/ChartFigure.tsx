import { useId, useState, type ReactNode } from 'react';
import { useDashboardCopy } from '../useDashboardCopy';

/**
 * A chart with its title, an optional note, and its numbers as a table behind
 * a "查看数据表" toggle (for readers who prefer numbers, and for screen readers).
 */
export function ChartFigure({
  title,
  note,
  chart,
  table,
  controls,
  headingLevel = 2,
  className,
}: {
  title: string;
  note?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  controls?: ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
}) {
  const { c } = useDashboardCopy();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure className={`chart-figure${className ? ` ${className}` : ''}`}>
      <figcaption className="chart-figure__header">
        <Heading className="chart-figure__title">{title}</Heading>
        <button type="button" className="button button--secondary button--small no-print" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {showTable ? c.common.hideTable : c.common.showTable}
        </button>
      </figcaption>
      {note ? <div className="chart-figure__note">{note}</div> : null}
      {controls ? <div className="chart-figure__controls">{controls}</div> : null}
      <div className="chart-figure__chart">{chart}</div>
      <div id={tableId} className="table-scroll chart-figure__table" hidden={!showTable}>
        {showTable ? table : null}
      </div>
    </figure>
  );
}
