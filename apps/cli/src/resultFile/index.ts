/**
 * `--out FILE`: a command's result written to a file whose format its extension names, for
 * numpy, pandas and anything else that reads JSON. The text output still goes to standard output.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

import { MatrixFileError, type NumberArray, type NumberTable, encodeCsv, encodeNpy } from '../matrixFile/index.js';
import { type OptionSpec, UsageError } from '../options.js';

export { type NumberArray, type NumberTable } from '../matrixFile/index.js';

/**
 * What a command writes to `.csv` and `.npy` (`.json` is always what `--json` prints). `help`
 * completes the option's line in the command's help: what each format holds.
 */
export interface ResultLayout<Report> {
  readonly help: string;
  readonly csv: (report: Report) => NumberTable;
  readonly npy: (report: Report) => NumberArray;
}

const FORMATS = ['json', 'csv', 'npy'] as const;

/** A file to write and its format. */
export interface ResultTarget {
  readonly path: string;
  readonly format: (typeof FORMATS)[number];
}

/** The `--out` option of a command whose files are laid out by `layout`. */
export function outOption<Report>(layout: ResultLayout<Report>): OptionSpec<'out'> {
  return {
    name: 'out',
    value: 'FILE',
    repeatable: true,
    description: `also write the result to FILE (repeatable), format by extension: .json as --json prints it, ${layout.help}`,
  };
}

/**
 * The files `--out` names, checked before any work is done, so that a typo in an extension costs
 * nothing.
 *
 * @throws UsageError for an extension other than .json, .csv and .npy.
 */
export function resultTargets(paths: readonly string[]): ResultTarget[] {
  return paths.map((path) => {
    const extension = extname(path).slice(1).toLowerCase();
    const format = FORMATS.find((candidate) => candidate === extension);
    if (format === undefined) {
      const found = extension === '' ? 'has no extension' : `has the extension .${extension}`;
      throw new UsageError(`--out ${path} ${found}; the format is chosen by the extension: .json (what --json prints), .csv or .npy`);
    }
    return { path, format };
  });
}

/**
 * Writes `report` to each target: `json` (the text `--json` prints) to `.json`, the layout's table
 * to `.csv` and its array to `.npy`. Each file is written beside its final path, then renamed
 * onto it, so a reader never sees half a file and a failed run leaves an older file intact.
 *
 * @throws MatrixFileError `unwritable` (argument `--out`) when a file or its folder cannot be written.
 */
export function writeResults<Report>(targets: readonly ResultTarget[], report: Report, json: string, layout: ResultLayout<Report>): void {
  for (const { path, format } of targets) {
    const content = format === 'json' ? `${json}\n` : format === 'csv' ? encodeCsv(layout.csv(report)) : encodeNpy(layout.npy(report));
    const directory = dirname(resolve(path));
    const temporary = join(directory, `.${basename(path)}.${process.pid}.tmp`);
    try {
      mkdirSync(directory, { recursive: true });
      writeFileSync(temporary, content);
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
      throw new MatrixFileError(path, 'unwritable', '--out', `cannot be written (${why}); choose another path.`);
    }
  }
}
