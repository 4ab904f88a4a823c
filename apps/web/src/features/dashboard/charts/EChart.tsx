import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import type { ChartOption, EChartsType } from './echarts';

type EChartsLib = typeof import('./echarts');

// ECharts is a big download and a big script to run. A dashboard page does not
// wait for it: the page mounts and asks for its data first, ECharts loads when
// the browser is next idle (usually while the data is on its way), or when the
// first chart mounts, whichever comes first.
let lib: Promise<EChartsLib> | null = null;
const loadECharts = () => (lib ??= import('./echarts'));
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadECharts(), { timeout: 1000 });
else setTimeout(() => void loadECharts(), 50);

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
}

// Charts start one per frame, each after the browser has painted the frame
// before (a frame callback, then a task): the page around them shows first,
// and one heavy chart (a heatmap of every school) does not hold back the
// pixels of the charts that started before it.
const waiting: (() => void)[] = [];
let pumping = false;

function pump() {
  pumping = true;
  requestAnimationFrame(() => {
    setTimeout(() => {
      waiting.shift()?.();
      if (waiting.length > 0) pump();
      else pumping = false;
    }, 0);
  });
}

/** Queues `start` for its own frame; returns a cancel. */
function startInTurn(start: () => void): () => void {
  const job = () => start();
  waiting.push(job);
  if (!pumping) pump();
  return () => {
    const at = waiting.indexOf(job);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/**
 * A minimal React wrapper around one ECharts instance: created on mount (in
 * the current language), resized with its box, disposed on unmount. The
 * option replaces the previous one on every change.
 *
 * The chart starts after the page around it has painted, so a big page (the
 * comparison table) shows first and the charts follow, one per frame. The box
 * gets `data-drawn="true"` once the chart has rendered (tests and benchmarks
 * wait for it).
 */
export function EChart({
  option,
  height,
  label,
  onClick,
  pixelRatio,
  printImage = false,
}: {
  option: ChartOption;
  height: number;
  label: string;
  onClick?: (p: ChartClick) => void;
  pixelRatio?: number;
  /**
   * Also keep a picture of the chart for paper: a canvas keeps the pixel width it had on
   * screen and is cut off at the page edge, a picture scales to the printed width.
   */
  printImage?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ echarts: EChartsLib; instance: EChartsType; withExtras: boolean } | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;
  /** Bumped to create the instance again, with chart types registered after it was created. */
  const [generation, setGeneration] = useState(0);
  const { language } = useI18n();
  const [picture, setPicture] = useState<string | null>(null);
  const printImageRef = useRef(printImage);
  printImageRef.current = printImage;

  const apply = (current: NonNullable<typeof chart.current>, next: ChartOption) => {
    const { echarts, instance, withExtras } = current;
    if (!withExtras && echarts.needsExtras(next)) {
      // An instance runs only the processors registered when it was created: start over once they are.
      void echarts.loadExtras().then(() => setGeneration((g) => g + 1));
      return;
    }
    instance.setOption({ color: echarts.chartColours, textStyle: { fontFamily: echarts.chartFont }, animation: false, ...next }, { notMerge: true });
  };

  useEffect(() => {
    const el = box.current!;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    let cancelTurn: (() => void) | undefined;
    const create = (echarts: EChartsLib) => {
      const created = echarts.init(el, null, { locale: language === 'zh-CN' ? 'ZH' : 'EN', renderer: 'canvas', ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}) });
      instance = created;
      created.on('click', (p) => clickRef.current?.({ name: String(p.name), dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 }));
      created.on('finished', () => {
        // A box with no size yet (hidden, or laid out for print) has nothing to copy: drawImage would throw.
        if (printImageRef.current && el.clientWidth > 0 && el.clientHeight > 0) {
          try {
            setPicture(created.getDataURL({ type: 'png', pixelRatio: pixelRatio ?? 2, backgroundColor: '#fff' }));
          } catch {
            // A layer not laid out yet cannot be copied: the live chart prints instead, and the next render tries again.
          }
        }
        if (el.dataset.drawn !== 'true') el.dataset.drawn = 'true';
      });
      chart.current = { echarts, instance: created, withExtras: echarts.extrasLoaded() };
      // Resize only when the box really changed (the observer also reports the first size).
      let size = `${el.clientWidth}x${el.clientHeight}`;
      observer = new ResizeObserver(() => {
        const now = `${el.clientWidth}x${el.clientHeight}`;
        // A box laid out to no size (print swaps the chart for its picture) has nothing to draw.
        if (now === size || el.clientWidth === 0 || el.clientHeight === 0) return;
        size = now;
        created.resize();
      });
      observer.observe(el);
      apply(chart.current, optionRef.current);
    };
    void loadECharts()
      .then(async (echarts) => {
        // Chart types this chart needs register before its instance is created.
        if (!echarts.extrasLoaded() && echarts.needsExtras(optionRef.current)) await echarts.loadExtras();
        return echarts;
      })
      .then((echarts) => {
        if (!cancelled) cancelTurn = startInTurn(() => create(echarts));
      });
    return () => {
      cancelled = true;
      cancelTurn?.();
      observer?.disconnect();
      if (instance && !instance.isDisposed()) {
        // A chart still painting in steps (a heatmap of thousands of cells) has a
        // frame callback pending that would paint into the disposed canvas: an
        // immediate repaint of nothing makes that callback stale first.
        instance.clear();
        instance.getZr().refreshImmediately();
        instance.dispose();
      }
      delete el.dataset.drawn;
      chart.current = null;
    };
  }, [language, pixelRatio, generation]);

  useEffect(() => {
    if (chart.current) apply(chart.current, option);
  }, [option, language, pixelRatio]);

  const canvasBox = <div ref={box} className={`echart${printImage ? ' echart--screen-only' : ''}`} style={{ height }} role="img" aria-label={label} />;
  if (!printImage) return canvasBox;
  return (
    <>
      {canvasBox}
      {picture ? <img className="echart-print-image" src={picture} alt={label} /> : null}
    </>
  );
}
