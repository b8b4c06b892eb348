import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StackedBarChart } from "./stacked-bar-chart";

const series = [
  { label: "Completed", tone: "success" as const },
  { label: "No-show", tone: "danger" as const },
];
const days = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `d${i + 1}`, values: [i % 3, i % 2] }));

describe("StackedBarChart", () => {
  it("puts every number in a table, with each bar's total, and names the highest in the picture", () => {
    const html = renderToStaticMarkup(<StackedBarChart title="Per day" series={series} bars={[{ label: "Mon", values: [3, 1] }, { label: "Tue", values: [0, 2] }]} />);
    expect(html).toContain('aria-label="Per day: highest 4 on one day');
    expect(html).toContain("<tr><th scope=\"row\">Mon</th><td>3</td><td>1</td><td>4</td></tr>");
    expect(html).toContain("<tr><th scope=\"row\">Tue</th><td>0</td><td>2</td><td>2</td></tr>");
    // Zero segments draw nothing; the others one rectangle each.
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).not.toContain("Nothing in this period");
  });

  it("names about seven bars of 90 on the axis, always the last, and half of them on a phone", () => {
    const html = renderToStaticMarkup(<StackedBarChart title="Per day" series={series} bars={days(90)} />);
    const axis = html.slice(html.indexOf('class="relative mt-1'), html.indexOf('<div class="sr-only">'));
    const labels = [...axis.matchAll(/<span class="([^"]+)"[^>]*>(d\d+)<\/span>/g)];
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(labels.length).toBeLessThanOrEqual(7);
    expect(labels.map((l) => l[2])).toContain("d90");
    expect(labels.filter((l) => !l[1]!.includes("hidden")).length).toBe(Math.ceil(labels.length / 2));
    expect(html.match(/<th scope="row">/g)).toHaveLength(90);
  });

  it("says so when the period is empty", () => {
    const html = renderToStaticMarkup(<StackedBarChart title="Per day" series={[series[0]!]} bars={[{ label: "Mon", values: [0] }]} />);
    expect(html).toContain("Nothing in this period");
    expect(html).not.toContain("<th scope=\"col\">Total</th>");
  });
});
