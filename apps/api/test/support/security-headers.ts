/** What every response must carry: a strict CSP, nosniff, no framing, a referrer policy. */

export type ResponseHeaders = Record<string, string | string[] | number | undefined>;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** Every problem with one response's headers; none is the goal. */
export function headerProblems(headers: ResponseHeaders): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'];
  if (typeof csp !== 'string') return [`one Content-Security-Policy header expected, got ${JSON.stringify(csp)}`];
  const policy = directives(csp);
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  if (!scripts) problems.push('no script-src nor default-src');
  else {
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
      if (scripts.includes(unsafe)) problems.push(`script-src allows ${unsafe}`);
    }
  }
  if (policy.get('script-src-attr')?.includes("'unsafe-inline'")) problems.push("script-src-attr allows 'unsafe-inline'");
  if (policy.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is ${policy.get('frame-ancestors')}`);
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`object-src is ${policy.get('object-src')}`);
  if (!policy.get('base-uri')) problems.push('no base-uri');
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`X-Content-Type-Options is ${headers['x-content-type-options']}`);
  if (!['no-referrer', 'strict-origin-when-cross-origin', 'same-origin', 'strict-origin'].includes(String(headers['referrer-policy']))) {
    problems.push(`Referrer-Policy is ${headers['referrer-policy']}`);
  }
  // For browsers without CSP level 2: the same answer as frame-ancestors 'none'.
  if (headers['x-frame-options'] !== 'DENY') problems.push(`X-Frame-Options is ${headers['x-frame-options']}`);
  if (headers['x-powered-by'] !== undefined) problems.push(`X-Powered-By leaks ${headers['x-powered-by']}`);
  return problems;
}

