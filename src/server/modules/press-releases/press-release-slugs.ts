import { randomBytes } from "node:crypto";

/** A release's address on the portal: lowercase ASCII words joined by hyphens. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slugMax = 80;

/**
 * The ASCII words of a title, lowercased and joined by hyphens; accents dropped, anything else a separator.
 * @example slugWords("UN expert: China must halt the return of women") // "un-expert-china-must-halt-the-return-of-women"
 */
export function slugWords(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cuts a slug to `max` characters at a hyphen, so no word is left half. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const at = head.lastIndexOf("-");
  return (at > 0 ? head.slice(0, at) : slug.slice(0, max)).replace(/-+$/, "");
}

/** A short random part for a slug with no ASCII title to read from: six letters or digits. */
function randomSlugPart(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join("");
}

/**
 * The slug a release gets when none is given: its day and the words of its English title, or its day and a short
 * random part when the title is Korean only.
 * @example baseSlug("2018-03-16", "UN expert urges China to halt forced returns") // "2018-03-16-un-expert-urges-china-to-halt-forced-returns"
 */
export function baseSlug(day: string, titleEn: string | null | undefined, random = randomSlugPart): string {
  const words = slugWords(titleEn ?? "");
  return cut(words ? `${day}-${words}` : `${day}-${random()}`, slugMax);
}

/**
 * The n-th candidate for a slug (1: the slug itself, then `-2`, `-3`…), still within the limit.
 * @example numberedSlug("2018-03-16-returns", 2) // "2018-03-16-returns-2"
 */
export function numberedSlug(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${cut(base, slugMax - suffix.length)}${suffix}`;
}
