/** One corpus form's JSON report (cli.md) against its `expected` (test/corpus/README.md): what it got wrong. */
export function comparisonOf(report: unknown, expected: unknown): { misses: string[]; errorCodes: string[] };
