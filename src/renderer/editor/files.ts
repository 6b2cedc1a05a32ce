// Reads the files a user picked (one or many, or a whole folder) into one multi-document YAML.

const MANIFEST = /\.(ya?ml|json)$/i;

export function joinDocuments(texts: { name: string; text: string }[]): string {
  return texts
    .filter((f) => MANIFEST.test(f.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => `# ${f.name}\n${f.text.replace(/^---\s*\n/, '').trimEnd()}\n`)
    .join('---\n');
}

export async function readPicked(files: FileList | null): Promise<string> {
  const list = Array.from(files ?? []);
  const texts = await Promise.all(list.map(async (f) => ({ name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name, text: await f.text() })));
  return joinDocuments(texts);
}

/** apiVersion and kind of the first document, for the schema */
export function firstTypeOf(text: string): { apiVersion: string; kind: string } | undefined {
  const doc = text.split(/^---\s*$/m).find((d) => /^kind:/m.test(d));
  if (!doc) return undefined;
  const apiVersion = /^apiVersion:\s*["']?([^\s"'#]+)/m.exec(doc)?.[1];
  const kind = /^kind:\s*["']?([^\s"'#]+)/m.exec(doc)?.[1];
  return apiVersion && kind ? { apiVersion, kind } : undefined;
}
