// manifest.diff / dryRun / apply: each YAML document goes through server-side apply (field
// manager "wheelhouse"); failures come back as issues on the lines of the fields at fault.
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { ApplyIssue, ApplyResult, ObjectRef } from '../../../shared/bridge/types';
import { resourcePath, type KubeHttp } from '../cache/kube-http';
import type { KindInfo, KindResolver } from '../objects/kinds';
import { lineOfField, parseManifest, type ManifestDocument, type ParsedManifest } from './documents';
import { issuesFromError } from './issues';
import { stripServerFields } from './strip';

export const FIELD_MANAGER = 'wheelhouse';

interface Target {
  d: ManifestDocument;
  info: KindInfo;
  ref: ObjectRef;
  obj: Record<string, any>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class ManifestService {
  constructor(
    private readonly http: KubeHttp,
    private readonly kinds: KindResolver,
  ) {}

  /** each document resolved to its resource, or issues saying why not */
  private async targets(clusterId: string, m: ParsedManifest, namespace?: string): Promise<{ targets: Target[]; issues: ApplyIssue[] }> {
    const targets: Target[] = [];
    const issues: ApplyIssue[] = [];
    for (const d of m.docs) {
      issues.push(...d.issues);
      if (!d.obj) continue;
      const info = await this.kinds.byKind(clusterId, d.obj.apiVersion, d.obj.kind);
      if (!info) {
        issues.push({ line: lineOfField(d, m.lines, 'kind'), field: 'kind', message: `no kind ${d.obj.kind} in ${d.obj.apiVersion} on this cluster` });
        continue;
      }
      const ns = info.namespaced ? (d.obj.metadata.namespace ?? namespace ?? 'default') : undefined;
      const obj = ns && !d.obj.metadata.namespace ? { ...d.obj, metadata: { ...d.obj.metadata, namespace: ns } } : d.obj;
      targets.push({ d, info, obj, ref: { group: info.group, version: info.version, plural: info.plural, name: obj.metadata.name, ...(ns ? { namespace: ns } : {}) } });
    }
    return { targets, issues };
  }

  private async live(clusterId: string, ref: ObjectRef): Promise<Record<string, any> | undefined> {
    try {
      return await this.http.json(clusterId, { path: resourcePath(ref, ref.namespace, ref.name) });
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return undefined;
      throw err;
    }
  }

  private ssa(clusterId: string, t: Target, dryRun: boolean, force: boolean): Promise<Record<string, any>> {
    const query = { fieldManager: FIELD_MANAGER, ...(force ? { force: true } : {}), ...(dryRun ? { dryRun: 'All' } : {}) };
    return this.http.json(clusterId, { method: 'PATCH', path: resourcePath(t.ref, t.ref.namespace, t.ref.name), query, body: t.obj, contentType: 'application/apply-patch+yaml' });
  }

  async apply(clusterId: string, yaml: string, opts: { namespace?: string; dryRun: boolean; force?: boolean }): Promise<ApplyResult> {
    const m = parseManifest(yaml);
    const { targets, issues } = await this.targets(clusterId, m, opts.namespace);
    const outcomes: ApplyResult['outcomes'] = [];
    for (const t of targets) {
      const name = `${t.info.kind.toLowerCase()}${t.info.group ? `.${t.info.group}` : ''}/${t.ref.name}`;
      try {
        const before = await this.live(clusterId, t.ref);
        const after = await this.ssa(clusterId, t, opts.dryRun, !!opts.force);
        const verb = !before ? 'created' : same(stripServerFields(before), stripServerFields(after)) ? 'unchanged' : 'configured';
        outcomes.push({ ref: t.ref, kind: t.info.kind, message: `${name} ${verb}${opts.dryRun ? ' (server dry run)' : ''}` });
      } catch (err) {
        const found = issuesFromError(err, t.d, m.lines);
        issues.push(...found);
        outcomes.push({ ref: t.ref, kind: t.info.kind, message: `${name}: ${found[0]?.message ?? 'failed'}` });
      }
      if (!opts.dryRun && t.info.kind === 'CustomResourceDefinition') this.kinds.forget(clusterId);
    }
    return { ok: issues.length === 0, outcomes, issues };
  }

  /** per document: the live object against what a server-side apply would make of it */
  async diff(clusterId: string, yaml: string, namespace?: string): Promise<{ diffs: { ref: ObjectRef; diff: string; exists: boolean }[]; issues: ApplyIssue[] }> {
    const m = parseManifest(yaml);
    const { targets, issues } = await this.targets(clusterId, m, namespace);
    const diffs: { ref: ObjectRef; diff: string; exists: boolean }[] = [];
    for (const t of targets) {
      const before = await this.live(clusterId, t.ref);
      let after: Record<string, any> = t.obj;
      try {
        after = await this.ssa(clusterId, t, true, false);
      } catch (err) {
        issues.push(...issuesFromError(err, t.d, m.lines));
      }
      const label = `${t.info.kind}/${t.ref.namespace ? `${t.ref.namespace}/` : ''}${t.ref.name}`;
      const text = (o: Record<string, any> | undefined): string => (o ? stringify(stripServerFields(o)) : '');
      diffs.push({ ref: t.ref, exists: !!before, diff: createTwoFilesPatch(`live/${label}`, `edited/${label}`, text(before), text(after)) });
    }
    return { diffs, issues };
  }
}
