// The tag part of a container image reference, as kubelet/util/parsers.ParseImageName finds it
// with the distribution reference grammar (github.com/distribution/reference regexp.go).

const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const reference = new RegExp(`^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`);

export interface ImageRef {
  /** Repository as written (without normalizing docker.io/library/). */
  repository: string;
  tag: string;
  digest: string;
}

/** ParseImageName: the default tag "latest" applies when neither a tag nor a digest is given. Undefined when invalid. */
export function parseImageName(image: string): ImageRef | undefined {
  const m = reference.exec(image);
  if (!m || m[1].length > 255) return undefined;
  const t = m[2] ?? '';
  const d = m[3] ?? '';
  return { repository: m[1], tag: !t && !d ? 'latest' : t, digest: d };
}
