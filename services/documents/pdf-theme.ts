import { StyleSheet } from '@react-pdf/renderer';

/** NHS identity colours (NHS England brand guidelines): blue for headings, dark grey for text. */
export const NHS_BLUE = '#005eb8';
export const NHS_DARK_BLUE = '#003087';
export const NHS_TEXT = '#212b32';
export const NHS_SECONDARY_TEXT = '#4c6272';
export const NHS_PALE_GREY = '#f0f4f5';
export const NHS_BORDER = '#d8dde0';

/**
 * The documents' styles, at a base font size: 10.5 pt for normal print, 16 pt for the large-print
 * plan (RNIB: large print is 16 pt or more). Built-in Helvetica only: nothing is downloaded, and
 * every character stays extractable text.
 */
export function documentStyles(baseSize: number) {
  const small = Math.max(8, Math.round(baseSize * 0.8 * 10) / 10);
  // Large print enlarges the header and footer too: the page numbers matter as much as the content.
  const large = baseSize >= 14;
  const footerSize = large ? 11 : 8;
  const footerTop = large ? 776 : 806;
  return StyleSheet.create({
    // lineHeight is set on every larger style too: React-PDF otherwise keeps the page's line height in points.
    page: {
      fontFamily: 'Helvetica',
      fontSize: baseSize,
      color: NHS_TEXT,
      paddingTop: large ? 72 : 64,
      paddingBottom: large ? 84 : 64,
      paddingHorizontal: 44,
      lineHeight: 1.35,
    },
    header: {
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      height: large ? 48 : 40,
      backgroundColor: NHS_BLUE,
      paddingHorizontal: 44,
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'center',
    },
    headerTitle: { color: '#ffffff', fontFamily: 'Helvetica', fontWeight: 'bold', fontSize: large ? 14 : 11 },
    headerOrganisation: { color: '#ffffff', fontSize: large ? 12 : 9 },
    // Placed from the top: React-PDF drops a fixed footer positioned with `bottom` (4.9.0). A4 is 841.9 pt tall.
    footer: {
      position: 'absolute',
      top: footerTop,
      left: 44,
      right: 44,
      borderTopWidth: 1,
      borderTopColor: NHS_BORDER,
      paddingTop: 6,
      flexDirection: 'row',
      justifyContent: 'space-between',
      fontSize: footerSize,
      lineHeight: 1.25,
      color: NHS_SECONDARY_TEXT,
    },
    footerText: { flex: 1, paddingRight: 12 },
    footerPage: { width: large ? 90 : 64, textAlign: 'right' },
    // Horizontal on purpose: rotated text comes out of pdftotext (and screen readers) letter by letter.
    watermark: {
      lineHeight: 1.2,
      position: 'absolute',
      top: 340,
      left: 0,
      right: 0,
      textAlign: 'center',
      fontSize: 120,
      fontFamily: 'Helvetica',
      fontWeight: 'bold',
      color: '#d5281b',
      opacity: 0.12,
    },
    title: { lineHeight: 1.2, fontFamily: 'Helvetica', fontWeight: 'bold', fontSize: baseSize * 2, color: NHS_DARK_BLUE, marginBottom: 4 },
    subtitle: { fontSize: baseSize * 1.1, color: NHS_SECONDARY_TEXT, marginBottom: 14 },
    heading: {
      lineHeight: 1.2,
      fontFamily: 'Helvetica',
      fontWeight: 'bold',
      fontSize: baseSize * 1.4,
      color: NHS_BLUE,
      marginTop: 14,
      marginBottom: 6,
    },
    subheading: {
      lineHeight: 1.2,
      fontFamily: 'Helvetica',
      fontWeight: 'bold',
      fontSize: baseSize * 1.15,
      color: NHS_DARK_BLUE,
      marginTop: 10,
      marginBottom: 4,
    },
    paragraph: { marginBottom: 6 },
    muted: { color: NHS_SECONDARY_TEXT, fontSize: small },
    bold: { fontFamily: 'Helvetica', fontWeight: 'bold' },
    bullet: { flexDirection: 'row', marginBottom: 3 },
    bulletMark: { width: baseSize, fontFamily: 'Helvetica', fontWeight: 'bold', color: NHS_BLUE },
    bulletText: { flex: 1 },
    callout: { borderLeftWidth: 4, borderLeftColor: NHS_BLUE, backgroundColor: NHS_PALE_GREY, padding: 8, marginVertical: 8 },
    summaryRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: NHS_BORDER, paddingVertical: 4 },
    summaryKey: { width: '35%', fontFamily: 'Helvetica', fontWeight: 'bold', paddingRight: 8 },
    summaryValue: { width: '65%' },
    table: { borderTopWidth: 1, borderTopColor: NHS_BORDER, marginBottom: 8 },
    tableHeader: { flexDirection: 'row', backgroundColor: NHS_PALE_GREY, borderBottomWidth: 2, borderBottomColor: NHS_BLUE },
    tableRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: NHS_BORDER },
    tableHeaderCell: { fontFamily: 'Helvetica', fontWeight: 'bold', padding: 4, fontSize: small },
    tableCell: { padding: 4 },
    signature: { marginTop: 18, paddingTop: 6, borderTopWidth: 1, borderTopColor: NHS_BORDER },
  });
}

export type DocumentStyles = ReturnType<typeof documentStyles>;
