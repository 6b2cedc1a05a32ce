// Pod spec defaults as upstream's SetDefaults_PodSpec / _Container / _Probe / _Volume, shared by Pods and
// every pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob).
import { arr, child, isObj, setIfEmpty, setIfMissing, type Obj } from './util';

/** upstream ParseImageName: no tag and no digest means "latest" */
export function imageTag(image: string): string {
  let rest = image;
  const at = rest.indexOf('@');
  const hasDigest = at >= 0;
  if (hasDigest) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const tag = colon > slash ? rest.slice(colon + 1) : '';
  return tag === '' && !hasDigest ? 'latest' : tag;
}

/** An unparseable (e.g. empty) image has no tag, so it is IfNotPresent as upstream. */
const pullPolicyFor = (image: unknown): string => (typeof image === 'string' && image !== '' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');

function defaultProbe(probe: unknown): void {
  if (!isObj(probe)) return;
  setIfMissing(probe, 'timeoutSeconds', 1);
  setIfMissing(probe, 'periodSeconds', 10);
  setIfMissing(probe, 'successThreshold', 1);
  setIfMissing(probe, 'failureThreshold', 3);
  if (isObj(probe.httpGet)) {
    setIfEmpty(probe.httpGet, 'path', '/');
    setIfEmpty(probe.httpGet, 'scheme', 'HTTP');
  }
  if (isObj(probe.grpc)) setIfMissing(probe.grpc, 'service', '');
}

function defaultHandler(handler: unknown): void {
  if (isObj(handler) && isObj(handler.httpGet)) {
    setIfEmpty(handler.httpGet, 'path', '/');
    setIfEmpty(handler.httpGet, 'scheme', 'HTTP');
  }
}

function defaultEnv(env: unknown): void {
  for (const e of arr(env)) {
    if (isObj(e.valueFrom) && isObj(e.valueFrom.fieldRef)) setIfEmpty(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
}

export function defaultContainer(c: Obj, hostNetwork: boolean): void {
  setIfEmpty(c, 'imagePullPolicy', pullPolicyFor(c.image));
  setIfEmpty(c, 'terminationMessagePath', '/dev/termination-log');
  setIfEmpty(c, 'terminationMessagePolicy', 'File');
  setIfMissing(c, 'resources', {});
  for (const p of arr(c.ports)) {
    setIfEmpty(p, 'protocol', 'TCP');
    // Host networking exposes the container port on the host, so upstream mirrors it.
    if (hostNetwork) setIfMissing(p, 'hostPort', p.containerPort);
  }
  defaultEnv(c.env);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  if (isObj(c.lifecycle)) {
    defaultHandler(c.lifecycle.postStart);
    defaultHandler(c.lifecycle.preStop);
  }
}

const MODE_420 = 420;

function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (isObj(v.secret)) setIfMissing(v.secret, 'defaultMode', MODE_420);
  if (isObj(v.configMap)) setIfMissing(v.configMap, 'defaultMode', MODE_420);
  if (isObj(v.downwardAPI)) {
    setIfMissing(v.downwardAPI, 'defaultMode', MODE_420);
    for (const item of arr(v.downwardAPI.items)) if (isObj(item.fieldRef)) setIfEmpty(item.fieldRef, 'apiVersion', 'v1');
  }
  if (isObj(v.projected)) {
    setIfMissing(v.projected, 'defaultMode', MODE_420);
    for (const src of arr(v.projected.sources)) if (isObj(src.serviceAccountToken)) setIfMissing(src.serviceAccountToken, 'expirationSeconds', 3600);
  }
  if (isObj(v.hostPath)) setIfMissing(v.hostPath, 'type', '');
  if (isObj(v.iscsi)) setIfEmpty(v.iscsi, 'iscsiInterface', 'default');
}

/**
 * Defaults one pod spec in place (template or Pod). `isPod`: host-network pods also get host ports,
 * which upstream no longer adds to templates.
 */
export function defaultPodSpec(spec: Obj, isPod = false): void {
  setIfEmpty(spec, 'dnsPolicy', 'ClusterFirst');
  setIfEmpty(spec, 'restartPolicy', 'Always');
  setIfMissing(spec, 'securityContext', {});
  setIfMissing(spec, 'terminationGracePeriodSeconds', 30);
  setIfEmpty(spec, 'schedulerName', 'default-scheduler');
  // v1 keeps the deprecated serviceAccount field in step with serviceAccountName.
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  const hostNetwork = isPod && spec.hostNetwork === true;
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) defaultContainer(c, hostNetwork);
  for (const c of arr(spec.ephemeralContainers)) {
    setIfEmpty(c, 'terminationMessagePath', '/dev/termination-log');
    setIfEmpty(c, 'terminationMessagePolicy', 'File');
    setIfEmpty(c, 'imagePullPolicy', pullPolicyFor(c.image));
  }
  for (const v of arr(spec.volumes)) defaultVolume(v);
}

/** Defaults a PodTemplateSpec found at parent[key] (e.g. deployment.spec.template). */
export function defaultTemplate(parent: Obj | undefined, key = 'template'): void {
  if (!isObj(parent) || !isObj(parent[key])) return;
  defaultPodSpec(child(parent[key], 'spec'));
}
