/** Cost and tokens over time, drawn by uPlot (made once, fed new data as records arrive). */
import uPlot from 'uplot';

export class Plot {
  private chart: uPlot | null = null;

  constructor(
    private readonly title: string,
    private readonly label: string,
    private readonly color: string,
  ) {}

  /** Draws into `host` (once), then gives it the series as they are now. */
  update(host: HTMLElement | null, series: [number[], number[]]): void {
    if (!host) return;
    const data: uPlot.AlignedData = series[0].length > 0 ? series : [[], []];
    if (!this.chart || !host.contains(this.chart.root)) {
      host.replaceChildren();
      this.chart = new uPlot(
        {
          title: this.title,
          width: Math.max(300, host.clientWidth || 480),
          height: 180,
          series: [{}, { label: this.label, stroke: this.color, width: 2 }],
          axes: [{}, { size: 70 }],
        },
        data,
        host,
      );
      return;
    }
    this.chart.setData(data);
  }
}
