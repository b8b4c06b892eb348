/**
 * An accessible stacked bar chart, e.g. appointments per day by outcome. The bars are SVG stretched to the width
 * (so any number of days fits), while the axis labels, the scale and the legend are HTML text that keeps its size on
 * a phone. The figure is described by its title, and every number is also in a table for screen readers (and for
 * anyone who prefers numbers), so nothing is in the picture alone. One series makes a plain bar chart.
 */
export type ChartTone = "brand" | "success" | "info" | "danger" | "neutral" | "warning";

export interface ChartSeries {
  label: string;
  tone: ChartTone;
}

export interface StackedBar {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

// Written out in full so the stylesheet includes them.
const FILL: Record<ChartTone, string> = {
  brand: "fill-brand-600",
  success: "fill-success",
  info: "fill-info",
  danger: "fill-danger",
  neutral: "fill-line-strong",
  warning: "fill-warning",
};
const SWATCH: Record<ChartTone, string> = {
  brand: "bg-brand-600",
  success: "bg-success",
  info: "bg-info",
  danger: "bg-danger",
  neutral: "bg-line-strong",
  warning: "bg-warning",
};

/**
 * About seven labels whatever the number of bars, counted back from the last so the latest bar is always named; on a
 * phone every other one of them (`narrow: false`), so they do not run into each other.
 */
function labelled(count: number): Map<number, { narrow: boolean }> {
  const step = Math.max(1, Math.ceil(count / 7));
  const indices: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) indices.push(i);
  // The last label ends at the right edge rather than centring under its thin bar, so it takes the room of the one before.
  if (step > 1) indices.splice(1, 1);
  return new Map(indices.map((i, n) => [i, { narrow: n % 2 === 0 }]));
}

export function StackedBarChart({
  title,
  series,
  bars,
  format = (v) => String(v),
  labelHeading = "Day",
}: {
  title: string;
  series: ChartSeries[];
  bars: StackedBar[];
  format?: (value: number) => string;
  /** The sr-only table's heading for the bar labels. */
  labelHeading?: string;
}) {
  const totals = bars.map((b) => b.values.reduce((sum, v) => sum + v, 0));
  const max = Math.max(0, ...totals);
  const scale = Math.max(1, max);
  const slot = 10;
  const width = Math.max(bars.length, 1) * slot;
  const shown = labelled(bars.length);
  const single = series.length === 1;
  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="text-base font-semibold text-ink">{title}</figcaption>
      {!single && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink" aria-label="Key">
          {series.map((s) => (
            <li key={s.label} className="flex items-center gap-2">
              <span aria-hidden className={`inline-block size-3 rounded-sm ${SWATCH[s.tone]}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <div className="flex h-48 flex-col justify-between text-right text-xs text-muted tabular-nums" aria-hidden>
          <span>{max > 0 ? format(max) : ""}</span>
          <span>{format(0)}</span>
        </div>
        <div className="relative min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            className="block h-48 w-full"
            role="img"
            aria-label={`${title}: highest ${format(max)} on one ${labelHeading.toLowerCase()}; the numbers are in the table that follows.`}
          >
            <line x1={0} x2={width} y1={0.5} y2={0.5} className="stroke-line" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            <line x1={0} x2={width} y1={99.5} y2={99.5} className="stroke-line-strong" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            {bars.map((b, i) => {
              let top = 100;
              return (
                <g key={b.label}>
                  {b.values.map((v, s) => {
                    if (v === 0) return null;
                    const h = (v / scale) * 98;
                    top -= h;
                    return (
                      <rect
                        key={series[s]!.label}
                        x={i * slot + slot * 0.15}
                        y={top}
                        width={slot * 0.7}
                        height={h}
                        className={`${FILL[series[s]!.tone]} stroke-surface`}
                        strokeWidth={1}
                        vectorEffect="non-scaling-stroke"
                      >
                        <title>{`${b.label}, ${series[s]!.label}: ${format(v)}`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
          </svg>
          {max === 0 && (
            <p className="absolute inset-x-0 top-1/2 -translate-y-1/2 text-center text-sm text-muted">Nothing in this period</p>
          )}
          <div className="relative mt-1 h-5 text-xs whitespace-nowrap text-muted" aria-hidden>
            {bars.map((b, i) =>
              shown.has(i) ? (
                <span
                  key={b.label}
                  className={shown.get(i)!.narrow ? "absolute top-0" : "absolute top-0 hidden sm:inline"}
                  style={
                    i === bars.length - 1 && bars.length > 1
                      ? { right: 0 }
                      : i === 0
                        ? { left: 0 }
                        : { left: `${((i + 0.5) / bars.length) * 100}%`, transform: "translateX(-50%)" }
                  }
                >
                  {b.label}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      {/* sr-only on a wrapper: a table grows to its content whatever its own width, and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
              {!single && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                {b.values.map((v, s) => (
                  <td key={series[s]!.label}>{format(v)}</td>
                ))}
                {!single && <td>{format(totals[i]!)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
