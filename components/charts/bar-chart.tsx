/**
 * A small accessible bar chart in SVG: the figure is described by its title, and the same numbers are in a
 * table for screen readers (and for anyone who prefers numbers), so no information is in the picture alone.
 */
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({
  title,
  bars,
  format = (v) => String(v),
  height = 180,
}: {
  title: string;
  bars: Bar[];
  format?: (value: number) => string;
  height?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = Math.max(bars.length * 14, 240);
  const slot = width / Math.max(bars.length, 1);
  const plot = height - 28;
  const empty = bars.every((b) => b.value === 0);
  // The first and last labels hug the edges so they are not cut off by the viewBox.
  const anchorOf = (i: number): { x: number; anchor: "start" | "middle" | "end" } =>
    i === 0 ? { x: 0, anchor: "start" } : i === bars.length - 1 ? { x: width, anchor: "end" } : { x: i * slot + slot / 2, anchor: "middle" };
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-base font-semibold text-ink">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-label={`${title}: highest ${format(max)}`}>
        <line x1={0} x2={width} y1={plot} y2={plot} className="stroke-line-strong" strokeWidth={1} />
        {empty && (
          <text x={width / 2} y={plot / 2} textAnchor="middle" className="fill-muted text-xs">
            Nothing in this period
          </text>
        )}
        {bars.map((b, i) => {
          const h = (b.value / max) * (plot - 16);
          return (
            <g key={b.label}>
              <rect x={i * slot + slot * 0.15} y={plot - h} width={slot * 0.7} height={h} rx={2} className="fill-brand-600">
                <title>{`${b.label}: ${format(b.value)}`}</title>
              </rect>
              {(bars.length <= 14 || i % Math.ceil(bars.length / 10) === 0) && (
                <text x={anchorOf(i).x} y={height - 8} textAnchor={anchorOf(i).anchor} className="fill-muted text-[10px]">
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {/* sr-only on a wrapper: a table grows to its content whatever its own width, and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{format(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
