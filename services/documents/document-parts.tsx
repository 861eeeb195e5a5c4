// The host and CLI run these files through tsx, which may start outside the project and miss
// tsconfig.json: say the JSX runtime here so it never falls back to classic React.createElement.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Text, View } from '@react-pdf/renderer';
import type { DocumentStyles } from './pdf-theme';

/** A heading and its subtitle at the top of a document's first page. */
export function DocumentTitle({ styles, title, subtitle }: { styles: DocumentStyles; title: string; subtitle: string }) {
  return (
    <View>
      <Text style={styles.title}>{title}</Text>
      <Text style={styles.subtitle}>{subtitle}</Text>
    </View>
  );
}

/** A section heading that is never left alone at the foot of a page. */
export function Heading({ styles, children }: { styles: DocumentStyles; children: string }) {
  return (
    <Text style={styles.heading} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

/** Key and value rows, like the NHS summary list. */
export function SummaryRows({ styles, rows }: { styles: DocumentStyles; rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <View style={{ marginBottom: 8 }}>
      {rows.map(([key, value]) => (
        <View key={key} style={styles.summaryRow} wrap={false}>
          <Text style={styles.summaryKey}>{key}</Text>
          <Text style={styles.summaryValue}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

/** A bulleted list. */
export function Bullets({ styles, items }: { styles: DocumentStyles; items: readonly string[] }) {
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map((item, index) => (
        <View key={index} style={styles.bullet} wrap={false}>
          <Text style={styles.bulletMark}>•</Text>
          <Text style={styles.bulletText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

export interface TableColumn {
  readonly label: string;
  /** Share of the table's width, e.g. '30%'. */
  readonly width: string;
}

/**
 * A table whose rows never split across pages.
 * Cells are plain strings so the extracted text reads row by row.
 */
export function Table({
  styles,
  columns,
  rows,
}: {
  styles: DocumentStyles;
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
}) {
  return (
    <View style={styles.table}>
      {/* fixed: a table running onto another page repeats its header row there. */}
      <View style={styles.tableHeader} fixed>
        {columns.map((column) => (
          <Text key={column.label} style={[styles.tableHeaderCell, { width: column.width }]}>
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, rowIndex) => (
        <View key={rowIndex} style={styles.tableRow} wrap={false}>
          {row.map((cell, cellIndex) => (
            <Text key={cellIndex} style={[styles.tableCell, { width: columns[cellIndex]?.width ?? 'auto' }]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
