import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PDF_AUTHOR, inspectPdf, pdfFile, pdfWithActiveContent, pdfWithIncrementalUpdate } from '../../../test/support/media-files';
import { UnreadablePdf, sanitisePdf } from './pdf-sanitiser';

describe('sanitisePdf', () => {
  it('removes every script, trigger, risky action, embedded file, XFA form and author field, hidden in object streams', async () => {
    const original = await pdfWithActiveContent();
    // The fixture really carries all of it, and a byte scan sees none of it.
    const before = await inspectPdf(original);
    expect(original.includes('JavaScript')).toBe(false);
    expect(before.info).toMatchObject({ Author: PDF_AUTHOR, Title: 'Private title' });
    expect(JSON.stringify(before.xmp)).toContain(PDF_AUTHOR);
    expect(before.documentScripts).not.toBeNull();
    expect(before.attachments).not.toBeNull();
    expect(before.pageScripts).not.toEqual([]);

    const { pdf, removed } = await sanitisePdf(original);
    const after = await inspectPdf(pdf);
    expect(after.pages).toBe(2);
    expect(after.info).toEqual({});
    expect(after.xmp).toBeNull();
    expect(after.documentScripts).toBeNull();
    expect(after.openAction).toBeNull();
    expect(after.attachments).toBeNull();
    expect(after.pageScripts).toEqual([]);
    expect(after.annotations.map((a) => a.subtype).sort()).toEqual(['Link', 'Link', 'Link', 'Link', 'Link', 'Link', 'Text', 'Widget']);
    expect(after.annotations.filter((a) => a.url).map((a) => a.url)).toEqual(['https://vitrina.test/keep']);
    expect(after.annotations.filter((a) => a.dest).length, 'the internal link stays').toBe(1);
    expect(after.annotations.some((a) => a.actions), 'field triggers').toBe(false);
    expect(after.annotations.find((a) => a.subtype === 'Text')?.title ?? '', 'a comment’s author').toBe('');
    // Written without object streams, so what is left can be read and checked byte for byte.
    for (const name of ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch', '/SubmitForm', '/ImportData', '/GoToR', '/EmbeddedFile', '/XFA', '/RichMedia', '/Metadata', '/ObjStm', 'MZ pretend', 'xmpmeta']) {
      expect(pdf.includes(name), name).toBe(false);
    }
    expect(removed).toEqual(expect.arrayContaining(['AA', 'OpenAction', 'JavaScript', 'EmbeddedFiles', 'XFA', 'Metadata', 'Info', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'URI', 'RichMedia']));
    // Another pass finds nothing more to remove.
    expect((await sanitisePdf(pdf)).removed).toEqual([]);
  });

  it('reads an incremental update and hex-escaped names, and drops the earlier revision’s objects', async () => {
    const original = pdfWithIncrementalUpdate();
    expect(original.includes('/J#61vaScript')).toBe(true);
    expect((await inspectPdf(original)).documentScripts).not.toBeNull();
    const { pdf } = await sanitisePdf(original);
    const after = await inspectPdf(pdf);
    expect(after).toMatchObject({ pages: 1, info: {}, xmp: null, documentScripts: null, openAction: null });
    expect(pdf.includes(PDF_AUTHOR)).toBe(false);
    expect(pdf.includes('app.alert')).toBe(false);
    expect(pdf.includes('Secret Producer')).toBe(false);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
  });

  it('keeps a plain PDF’s pages and text', async () => {
    const { pdf, removed } = await sanitisePdf(pdfFile('Plain text stays'));
    expect(removed).toEqual([]);
    expect((await inspectPdf(pdf)).pages).toBe(1);
  });

  it('refuses what it cannot read, saying why', async () => {
    await expect(sanitisePdf(Buffer.from('%PDF-1.4\nnothing else'))).rejects.toBeInstanceOf(UnreadablePdf);
  });
});
