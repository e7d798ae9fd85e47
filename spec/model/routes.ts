/** Routes: where an observed value reaches given objects (the source agent, its controller, its locks), through closures too. */
import type { Observed } from './observed.ts';

/** Where a value reaches one of the objects looked for: the path down to it, and what that object is. */
export interface Reach {
  /** E.g. `clone.tools[0].<closure>.agent`. */
  readonly path: string;
  /** What the object reached is, as the caller named it, e.g. `the source agent`. */
  readonly what: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const keyPath = (path: string, key: string) => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * The first place, depth first, where `value` reaches an object of `targets` (identity token to
 * what it is): through list items, set members, map keys and values, object entries, and what
 * functions reach (closure cells, a partial's parts, a bound method's `__self__`). The walk does
 * not enter the objects of `stops` (the agent a tool is bound to when that is allowed: what the
 * clone itself holds is not this walk's business) nor runtime objects, which show nothing inside.
 */
export function findReach(value: Observed, path: string, targets: ReadonlyMap<string, string>, stops: ReadonlySet<string> = new Set()): Reach | undefined {
  const seen = new Set<string>();
  const visit = (current: Observed, here: string): Reach | undefined => {
    const id = 'id' in current ? current.id : undefined;
    if (id !== undefined) {
      const what = targets.get(id);
      if (what !== undefined) return { path: here, what };
      if (stops.has(id) || seen.has(id)) return undefined;
      seen.add(id);
    }
    switch (current.kind) {
      case 'array':
        return first(current.items, (item, i) => visit(item, `${here}[${i}]`));
      case 'set':
        return first(current.items, (item, i) => visit(item, `${here}{${i}}`));
      case 'map':
        return first(current.entries, ([key, item], i) => visit(key, `${here}.keys()[${i}]`) ?? visit(item, `${here}.values()[${i}]`));
      case 'object':
        return first(current.entries ?? [], ([key, item]) => visit(item, keyPath(here, key)));
      case 'function':
        return first(current.reaches ?? [], ([label, item]) => visit(item, `${here}.${label}`));
      default:
        return undefined;
    }
  };
  return visit(value, path);
}

function first<T>(items: readonly T[], find: (item: T, index: number) => Reach | undefined): Reach | undefined {
  for (let i = 0; i < items.length; i++) {
    const found = find(items[i]!, i);
    if (found) return found;
  }
  return undefined;
}
