/** A sitemaps.org urlset; paths are escaped for XML. */
export function renderSitemap(baseUrl: string, pages: { path: string; updatedAt: Date }[]): string {
  const escape = (value: string) =>
    value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
  const base = baseUrl.replace(/\/$/, '');
  const urls = pages.map((page) => {
    const lastmod = page.updatedAt.getTime() > 0 ? `<lastmod>${page.updatedAt.toISOString()}</lastmod>` : '';
    return `  <url><loc>${escape(base + page.path)}</loc>${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
