// A real kubectl bound to one cluster and namespace, with assertions that read like what a user sees.
import assert from 'node:assert/strict';
import { run, type Kubectl, type RunResult } from './harness';

export class KubectlSession {
  constructor(
    readonly kubectl: Kubectl,
    readonly kubeconfig: string,
    readonly namespace: string,
  ) {}

  run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; namespaced?: boolean } = {}): RunResult {
    const ns = options.namespaced === false ? [] : ['-n', this.namespace];
    return run(this.kubectl.path, ['--kubeconfig', this.kubeconfig, ...ns, ...args], options);
  }

  /** runs and asserts success, returning stdout */
  ok(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; namespaced?: boolean } = {}): string {
    const r = this.run(args, options);
    assert.equal(r.code, 0, `kubectl ${this.kubectl.version} ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  /** runs and asserts failure, returning stderr */
  fails(args: string[], options: { input?: string; namespaced?: boolean } = {}): string {
    const r = this.run(args, options);
    assert.notEqual(r.code, 0, `kubectl ${this.kubectl.version} ${args.join(' ')} should have failed:\n${r.stdout}`);
    return r.stderr;
  }
}
