// The simulated registry. Containers run no code and no image is really fetched, so whether an
// image "exists" is decided by a documented rule (README "Fidelity"), and its size by a catalog:
//
//  1. The reference must parse as a docker reference (github.com/distribution/reference, as the
//     kubelet's applyDefaultImageTag does); otherwise the kubelet reports InvalidImageName.
//  2. Images on any registry other than Docker Hub, and Docker Hub images under a user or
//     organisation (team/app), always exist: we cannot know them, so we never reject them.
//  3. Docker Hub official images (library/<name>) in the catalog below exist for "latest", for a
//     digest, and for tags made of a version no newer than the newest release (by major.minor)
//     and/or the image's known variant words (alpine, slim, bookworm, perl...). Any other tag
//     (nginx:1.99999, nginx:ltest, nginx:2) is "not found".
//  4. A single-name Docker Hub image not in the catalog but within two edits of a catalog name
//     (ngnix, busybx, postgress) does not exist ("pull access denied, repository does not exist").
//     Any other single name exists.
import { fnv32aString as fnv } from '../sim/fnv';

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** Fully qualified, with the default tag: docker.io/library/nginx:1.27. */
  full: string;
  domain: string;
  /** Path without domain: library/nginx. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ImageParse = { ok: true; ref: ImageRef } | { ok: false; error: string };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * Parses by image string: parsing is pure, and a cluster runs few distinct images across many
 * container starts. Results are shared, so they are never modified. Bounded, as a cache, not state.
 */
const parsedImages = new Map<string, ImageParse>();

/** reference.ParseNormalizedNamed plus the default ":latest" tag. */
export function parseImage(raw: string): ImageParse {
  let r = parsedImages.get(raw);
  if (r === undefined) {
    if (parsedImages.size >= 1024) parsedImages.clear();
    r = parseUncached(raw);
    parsedImages.set(raw, r);
  }
  return r;
}

function parseUncached(raw: string): ImageParse {
  const invalid = (why = 'invalid reference format') => ({ ok: false as const, error: `couldn't parse image reference "${raw}": ${why}` });
  if (!raw || raw !== raw.trim() || /\s/.test(raw)) return invalid();
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid();
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return invalid();
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]))) {
    domain = parts.shift()!;
    if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(domain) && !/^\[[0-9a-fA-F:]+\](:\d+)?$/.test(domain)) return invalid();
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (parts.some((p) => /[A-Z]/.test(p))) {
    const repo = domain === 'docker.io' && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
    return invalid(`invalid reference format: repository name (${repo}) must be lowercase`);
  }
  if (parts.length === 0 || parts.some((p) => !COMPONENT.test(p))) return invalid();
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  if (!tag && !digest) tag = 'latest';
  const full = `${domain}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { ok: true, ref: { raw, full, domain, path, tag, digest } };
}

interface CatalogEntry {
  /** Newest release, [major, minor]. */
  newest: number[];
  /** Approximate compressed size of the default variant, bytes. */
  size: number;
  variants: string[];
}

const DEBIAN = ['bookworm', 'bullseye', 'trixie', 'slim'];
const CATALOG: Record<string, CatalogEntry> = {
  nginx: { newest: [1, 29], size: 72_099_410, variants: ['alpine', 'slim', 'perl', 'otel', 'bookworm', 'trixie', 'stable', 'mainline'] },
  busybox: { newest: [1, 37], size: 2_155_376, variants: ['glibc', 'musl', 'uclibc', 'stable'] },
  alpine: { newest: [3, 22], size: 3_645_223, variants: ['edge'] },
  ubuntu: { newest: [25, 10], size: 29_754_319, variants: ['noble', 'jammy', 'focal', 'plucky', 'questing', 'rolling', 'devel'] },
  debian: { newest: [13, 1], size: 48_478_130, variants: [...DEBIAN, 'stable', 'testing', 'sid', 'unstable'] },
  redis: { newest: [8, 2], size: 52_356_910, variants: ['alpine', ...DEBIAN] },
  postgres: { newest: [18, 0], size: 158_920_114, variants: ['alpine', ...DEBIAN] },
  mysql: { newest: [9, 4], size: 231_610_441, variants: ['oracle', 'debian', 'lts', 'innovation'] },
  mariadb: { newest: [12, 0], size: 110_845_322, variants: ['noble', 'jammy', 'lts'] },
  httpd: { newest: [2, 4], size: 58_231_442, variants: ['alpine', ...DEBIAN] },
  node: { newest: [24, 9], size: 402_351_873, variants: ['alpine', 'lts', 'current', ...DEBIAN] },
  python: { newest: [3, 14], size: 371_022_917, variants: ['alpine', 'windowsservercore', ...DEBIAN] },
  golang: { newest: [1, 25], size: 298_445_116, variants: ['alpine', ...DEBIAN] },
  traefik: { newest: [3, 5], size: 49_893_204, variants: ['latest'] },
  memcached: { newest: [1, 6], size: 34_772_918, variants: ['alpine', ...DEBIAN] },
  mongo: { newest: [8, 0], size: 287_301_112, variants: ['noble', 'jammy'] },
  rabbitmq: { newest: [4, 1], size: 110_284_560, variants: ['management', 'alpine'] },
  caddy: { newest: [2, 10], size: 20_456_731, variants: ['alpine', 'builder'] },
  haproxy: { newest: [3, 2], size: 39_812_055, variants: ['alpine', ...DEBIAN, 'lts'] },
  registry: { newest: [3, 0], size: 10_347_720, variants: [] },
  'hello-world': { newest: [0, 0], size: 10_072, variants: ['linux', 'nanoserver'] },
  perl: { newest: [5, 42], size: 330_118_506, variants: ['slim', 'threaded', ...DEBIAN] },
  centos: { newest: [8, 0], size: 83_518_086, variants: [] },
  fedora: { newest: [43, 0], size: 62_010_885, variants: ['rawhide'] },
};

/** Shell images: started without a command they run `sh`, which exits at once with no TTY. */
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora']);

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function officialName(ref: ImageRef): string | undefined {
  return ref.domain === 'docker.io' && ref.path.startsWith('library/') ? ref.path.slice('library/'.length) : undefined;
}

function tagExists(entry: CatalogEntry, tag: string): boolean {
  if (tag === 'latest') return true;
  const words = tag.split('-');
  let i = 0;
  const m = /^v?(\d+(?:\.\d+)*)$/.exec(words[0]);
  if (m) {
    const v = m[1].split('.').map(Number);
    for (let k = 0; k < Math.min(v.length, entry.newest.length); k++) {
      if (v[k] > entry.newest[k]) return false;
      if (v[k] < entry.newest[k]) break;
    }
    i = 1;
  }
  for (; i < words.length; i++) {
    const base = words[i].replace(/[\d.]+$/, '');
    if (!entry.variants.includes(base)) return false;
  }
  return true;
}

export type PullOutcome = { ok: true; size: number } | { ok: false; notFound: boolean; error: string };

/** What pulling this reference from the simulated registry gives (containerd's error wording). */
export function resolveImage(ref: ImageRef): PullOutcome {
  const name = officialName(ref);
  const size = imageSize(ref);
  if (name === undefined || ref.digest) return { ok: true, size };
  const entry = CATALOG[name];
  const tagged = `${ref.domain}/${ref.path}:${ref.tag}`;
  if (entry) {
    if (tagExists(entry, ref.tag ?? 'latest')) return { ok: true, size };
    return {
      ok: false,
      notFound: true,
      error: `rpc error: code = NotFound desc = failed to pull and unpack image "${tagged}": failed to resolve reference "${tagged}": ${tagged}: not found`,
    };
  }
  const typo = name.length >= 4 && Object.keys(CATALOG).some((c) => editDistance(c, name) <= 2);
  if (typo) {
    return {
      ok: false,
      notFound: false,
      error:
        `rpc error: code = Unknown desc = failed to pull and unpack image "${tagged}": failed to resolve reference "${tagged}": ` +
        'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    };
  }
  return { ok: true, size };
}

/** Catalog size for official images (variants scaled), a stable pseudo-size for anything else. */
export function imageSize(ref: ImageRef): number {
  const h = fnv(ref.full);
  const name = officialName(ref);
  const entry = name ? CATALOG[name] : undefined;
  if (!entry) return 20_000_000 + (h % 180_000_000);
  let size = entry.size;
  const tag = ref.tag ?? '';
  if (/alpine/.test(tag)) size = Math.round(size * 0.32);
  else if (/slim/.test(tag)) size = Math.round(size * 0.45);
  // Different tags of one image differ a little in size, as real releases do.
  return size + ((h % 2001) - 1000) * Math.max(1, Math.round(size / 200_000));
}

/** The digest containerd reports as imageID; stable per reference. */
export function imageDigest(ref: ImageRef): string {
  if (ref.digest) return ref.digest;
  let hex = '';
  let h = fnv(ref.full);
  for (let i = 0; i < 8; i++) {
    h = fnv(`${h}:${ref.full}:${i}`);
    hex += h.toString(16).padStart(8, '0');
  }
  return `sha256:${hex}`;
}

/** containerStatus.imageID: repo@digest. */
export function imageID(ref: ImageRef): string {
  return `${ref.domain}/${ref.path}@${imageDigest(ref)}`;
}

/** containerStatus.image: the resolved, fully qualified tag (or digest) reference. */
export function statusImage(ref: ImageRef): string {
  return ref.tag ? `${ref.domain}/${ref.path}:${ref.tag}` : `${ref.domain}/${ref.path}@${ref.digest}`;
}

export function isShellImage(ref: ImageRef): boolean {
  const name = officialName(ref);
  return name !== undefined && SHELL_IMAGES.has(name);
}

/** Default imagePullPolicy (SetDefaults_Container): Always for :latest or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const p = parseImage(image);
  if (!p.ok) return 'IfNotPresent';
  if (p.ref.digest) return 'IfNotPresent';
  return p.ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
