import type { IndicatorValueType, YearOverYear } from '@union/domain';
import { yoyShort } from '../format';
import { useDashboardCopy } from '../useDashboardCopy';

/** ▲ 25% / ▼ 3 个百分点 / ▲ 新增 beside a value, with the full wording for screen readers. */
export function YoyBadge({ yoy, valueType }: { yoy: YearOverYear | null | undefined; valueType?: IndicatorValueType }) {
  const { c, labelKey } = useDashboardCopy();
  const short = yoyShort(yoy, labelKey, valueType);
  if (!yoy || !short) return null;
  const words = yoy.direction === 'up' ? c.common.up : yoy.direction === 'down' ? c.common.down : c.common.flat;
  const spoken = `${c.common.vsLastYear}${labelKey === 'en' ? ' ' : ''}${words}${short.text ? ` ${short.text}` : ''}`;
  return (
    <span className={`yoy yoy--${yoy.direction}`} title={spoken}>
      <span aria-hidden="true">
        {short.arrow}
        {short.text}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
