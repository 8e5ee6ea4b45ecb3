// Go's text/tabwriter (the algorithm, not an approximation): cells are tab-terminated, the text
// after a line's last tab is not part of any column, and a column is aligned over a block of
// consecutive lines that all have a cell in it. kubectl get uses minwidth 6 / padding 3
// (printers.GetNewTabWriter); describe and rollout history use minwidth 0 / padding 2.

export interface TabOptions {
  minwidth: number;
  padding: number;
}

const width = (s: string) => [...s].length;

export function goTabwrite(text: string, opts: TabOptions): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        if (j < widths.length && j < cells.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(cells[j])));
      }
      out.push(s);
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(start, t);
      start = t;
      let w = opts.minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        w = Math.max(w, width(lines[t][column]) + opts.padding);
      }
      widths.push(w);
      format(start, t);
      widths.pop();
      start = t;
      t--; // the for-loop's t++ re-examines line t, as Go's loop does after the block ends
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** kubectl get tables: rows of cells. */
export function tabwrite(rows: string[][]): string {
  if (!rows.length) return '';
  return goTabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', { minwidth: 6, padding: 3 });
}
