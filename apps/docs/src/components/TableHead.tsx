/** The header row of a table, from its column labels: shared by the paper's tables and the live readouts. */
import type { ReactElement } from 'react';

/** A column's label, or a label with a tooltip that explains it. */
type Column = string | { readonly label: string; readonly title: string };

export function TableHead({ columns }: { readonly columns: readonly Column[] }): ReactElement {
  return (
    <thead>
      <tr>
        {columns.map((column, index) =>
          typeof column === 'string' ? (
            <th key={index}>{column}</th>
          ) : (
            <th key={index} title={column.title}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
