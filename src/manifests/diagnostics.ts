// Problems found in manifest text, positioned for the editor (Monaco markers) and the CLI
// ("FILE:LINE:COL: message"). Lines and columns are 1-based.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: Severity;
  /** End of the highlighted range, when known (for editor markers). */
  endLine?: number;
  endColumn?: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

export function hasErrors(ds: Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
