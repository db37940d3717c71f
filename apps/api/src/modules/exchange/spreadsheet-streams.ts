import { once } from 'node:events';
import { PassThrough, Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stream as excelStream } from 'exceljs';
import type { Cell } from './export-columns';

/** Rows of a sheet as they are read, the header first. */
export type SheetRows = AsyncIterable<Cell[]>;

/** Called when a download is cut short after its first byte (the client sees a failed transfer; the log says why). */
export type CutShort = (error: Error) => void;

/**
 * CSV as Excel opens it: UTF-8 with a byte order mark (without it Excel reads
 * Cyrillic as Windows-1251), CRLF between records (RFC 4180), every text that
 * starts like a formula (= + - @, a tab or a return, and their full-width
 * forms) prefixed with `'` as OWASP advises; numbers, negative ones included,
 * stay numbers. Read as the response is read: a row is built only when the
 * client takes the previous ones.
 */
export function csvStream(rows: SheetRows, cutShort: CutShort): Readable {
  const csv = stringify({
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
  pipeline(Readable.from(rows), csv, (error) => error && cutShort(error));
  return csv;
}

/** Rows written to the workbook before waiting for the client to take what is already written. */
const XLSX_BATCH = 200;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/**
 * An XLSX workbook of one sheet, streamed: exceljs's WorkbookWriter commits
 * each row into the zip as it goes (no shared-string table, which would keep
 * every text until the end), and writing pauses whenever the client has not
 * yet taken what was written, so memory stays flat for any number of rows.
 * Every text is an inline string cell, never a formula, whatever it starts with.
 */
export function xlsxStream(sheetName: string, rows: SheetRows, cutShort: CutShort): Readable {
  const output = new PassThrough();
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });

  async function write(): Promise<void> {
    let header = true;
    let written = 0;
    for await (const cells of rows) {
      if (header) {
        // Columns as wide as their names (within bounds): they must be set before the first row is committed.
        sheet.columns = cells.map((name) => ({ width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, String(name).length + 2)) }));
      }
      const row = sheet.addRow(cells.map(excelValue));
      if (header) row.font = { bold: true };
      row.commit();
      header = false;
      if (++written % XLSX_BATCH === 0 && output.writableNeedDrain) await once(output, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error: Error) => {
    cutShort(error);
    output.destroy(error);
  });
  return output;
}

/** The most characters Excel keeps in a cell; a longer text (a very long biography) is cut there, marked with an ellipsis. */
export const EXCEL_CELL_LIMIT = 32_767;

type ExcelValue = number | boolean | null | { richText: { text: string }[] };

/**
 * A cell as exceljs writes it. Text goes as an inline string (`t="inlineStr"`, the form the standard gives
 * text kept in the sheet; exceljs's plain strings without a shared-string table are written as `t="str"`,
 * which is a formula's cached result), so it is never a formula whatever it starts with. Null is an empty cell.
 */
function excelValue(cell: Cell): ExcelValue {
  if (typeof cell !== 'string') return cell;
  const text = cell.length > EXCEL_CELL_LIMIT ? `${cell.slice(0, EXCEL_CELL_LIMIT - 1)}…` : cell;
  return { richText: [{ text }] };
}
