import { LANGS, type Catalogs, type Lang } from '../../shared/i18n';

type KeyOf<C> = C extends Catalogs<infer K> ? K : never;

/** Several areas' catalogs as one table per language (keys carry their area, so none collide). */
export function mergeAll<C extends readonly Catalogs<string>[]>(...areas: C): Catalogs<KeyOf<C[number]>> {
  const merged = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) merged[lang] = Object.assign({}, ...areas.map((a) => a[lang])) as Record<string, string>;
  return merged as unknown as Catalogs<KeyOf<C[number]>>;
}
