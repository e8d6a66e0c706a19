/**
 * Cross-validation folds grouped by site: every page of a host is in the same fold, so a fold's
 * score is what the model does on sites it never saw. Hosts are dealt largest first to the fold
 * with the fewest pages (ties by name), the same folds on every run.
 */
export function foldsByHost<T>(pages: readonly T[], k: number, hostOf: (page: T) => string): T[][] {
  const byHost = new Map<string, T[]>();
  for (const page of pages) {
    const host = hostOf(page);
    const group = byHost.get(host);
    if (group) group.push(page);
    else byHost.set(host, [page]);
  }
  const groups = [...byHost.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const folds: T[][] = Array.from({ length: k }, () => []);
  for (const [, group] of groups) {
    const smallest = folds.reduce((best, fold, index) => (fold.length < (folds[best]?.length ?? 0) ? index : best), 0);
    folds[smallest]?.push(...group);
  }
  return folds;
}
