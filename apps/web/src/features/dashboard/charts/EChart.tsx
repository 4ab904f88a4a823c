import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n';
import { chartColours, chartFont, init, type ChartOption, type EChartsType } from './echarts';

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
}

/**
 * A minimal React wrapper around one ECharts instance: created on mount (in
 * the current language), resized with its box, disposed on unmount. The
 * option replaces the previous one on every change.
 */
export function EChart({ option, height, label, onClick, pixelRatio }: { option: ChartOption; height: number; label: string; onClick?: (p: ChartClick) => void; pixelRatio?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const { language } = useI18n();

  useEffect(() => {
    const el = box.current!;
    const instance = init(el, null, { locale: language === 'zh-CN' ? 'ZH' : 'EN', renderer: 'canvas', ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}) });
    instance.on('click', (p) => clickRef.current?.({ name: String(p.name), dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 }));
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language, pixelRatio]);

  useEffect(() => {
    chart.current?.setOption({ color: chartColours, textStyle: { fontFamily: chartFont }, animation: false, ...option }, { notMerge: true });
  }, [option, language, pixelRatio]);

  return <div ref={box} className="echart" style={{ height }} role="img" aria-label={label} />;
}
