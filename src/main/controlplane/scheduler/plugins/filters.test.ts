// Filter plugins, table-driven: the pod, the node, and the exact upstream reason (or pass).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Plugin } from '../framework/types';
import type { Node, Pod } from '../api';
import { cycleState, makeNode, makePod, makeSnapshot, on } from '../testing';
import { nodeUnschedulable } from './node-unschedulable';
import { nodeName } from './node-name';
import { taintToleration } from './taint-toleration';
import { nodeAffinity } from './node-affinity';
import { nodePorts } from './node-ports';
import { nodeResourcesFit } from './node-resources-fit';

interface Case {
  name: string;
  plugin: Plugin;
  pod: Pod;
  node: Node;
  existing?: Pod[];
  want: string | null;
  code?: string;
}

const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
const port = (hostPort: number, hostIP?: string, protocol?: string) => ({
  containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort, hostIP, protocol }] }],
});
const zoneIn = (...values: string[]) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' as const, values }] }],
    },
  },
});

const cases: Case[] = [
  { name: 'cordoned node refuses', plugin: nodeUnschedulable, pod: makePod('p'), node: makeNode('n', { unschedulable: true }), want: 'node(s) were unschedulable', code: 'UnschedulableAndUnresolvable' },
  { name: 'cordoned node takes a tolerating pod', plugin: nodeUnschedulable, pod: makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }), node: makeNode('n', { unschedulable: true }), want: null },
  { name: 'node name mismatch', plugin: nodeName, pod: makePod('p', { nodeName: 'other' }), node: makeNode('n'), want: "node(s) didn't match the requested node name" },
  { name: 'node name match', plugin: nodeName, pod: makePod('p', { nodeName: 'n' }), node: makeNode('n'), want: null },
  { name: 'untolerated taint, empty value', plugin: taintToleration, pod: makePod('p'), node: makeNode('n', { taints: [cp] }), want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
  { name: 'untolerated taint with value', plugin: taintToleration, pod: makePod('p'), node: makeNode('n', { taints: [{ key: 'gpu', value: 'true', effect: 'NoExecute' }] }), want: 'node(s) had untolerated taint {gpu: true}' },
  { name: 'PreferNoSchedule never filters', plugin: taintToleration, pod: makePod('p'), node: makeNode('n', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), want: null },
  { name: 'Exists toleration', plugin: taintToleration, pod: makePod('p', { tolerations: [{ key: cp.key, operator: 'Exists' }] }), node: makeNode('n', { taints: [cp] }), want: null },
  { name: 'Equal toleration with wrong value', plugin: taintToleration, pod: makePod('p', { tolerations: [{ key: 'gpu', value: 'false', effect: 'NoSchedule' }] }), node: makeNode('n', { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }), want: 'node(s) had untolerated taint {gpu: true}' },
  { name: 'toleration for all taints', plugin: taintToleration, pod: makePod('p', { tolerations: [{ operator: 'Exists' }] }), node: makeNode('n', { taints: [cp] }), want: null },
  { name: 'nodeSelector mismatch', plugin: nodeAffinity, pod: makePod('p', { nodeSelector: { disk: 'ssd' } }), node: makeNode('n'), want: "node(s) didn't match Pod's node affinity/selector", code: 'UnschedulableAndUnresolvable' },
  { name: 'nodeSelector match', plugin: nodeAffinity, pod: makePod('p', { nodeSelector: { disk: 'ssd' } }), node: makeNode('n', { labels: { disk: 'ssd' } }), want: null },
  { name: 'required affinity In mismatch', plugin: nodeAffinity, pod: makePod('p', { affinity: zoneIn('a', 'b') }), node: makeNode('n', { labels: { zone: 'c' } }), want: "node(s) didn't match Pod's node affinity/selector" },
  { name: 'required affinity In match', plugin: nodeAffinity, pod: makePod('p', { affinity: zoneIn('a', 'b') }), node: makeNode('n', { labels: { zone: 'b' } }), want: null },
  { name: 'host port taken', plugin: nodePorts, pod: makePod('p', port(8080)), node: makeNode('n'), existing: [on('n', makePod('q', port(8080)))], want: "node(s) didn't have free ports for the requested pod ports", code: 'Unschedulable' },
  { name: 'host port on another IP is free', plugin: nodePorts, pod: makePod('p', port(8080, '10.0.0.1')), node: makeNode('n'), existing: [on('n', makePod('q', port(8080, '10.0.0.2')))], want: null },
  { name: 'wildcard IP clashes with a specific IP', plugin: nodePorts, pod: makePod('p', port(8080)), node: makeNode('n'), existing: [on('n', makePod('q', port(8080, '10.0.0.2')))], want: "node(s) didn't have free ports for the requested pod ports" },
  { name: 'same port, other protocol', plugin: nodePorts, pod: makePod('p', port(53, undefined, 'UDP')), node: makeNode('n'), existing: [on('n', makePod('q', port(53)))], want: null },
  { name: 'cpu fits exactly', plugin: nodeResourcesFit, pod: makePod('p', { cpu: '1' }), node: makeNode('n', { cpu: '2' }), existing: [on('n', makePod('q', { cpu: '1000m' }))], want: null },
  { name: 'insufficient cpu', plugin: nodeResourcesFit, pod: makePod('p', { cpu: '1001m' }), node: makeNode('n', { cpu: '2' }), existing: [on('n', makePod('q', { cpu: '1' }))], want: 'Insufficient cpu', code: 'Unschedulable' },
  { name: 'insufficient memory', plugin: nodeResourcesFit, pod: makePod('p', { memory: '2Gi' }), node: makeNode('n', { memory: '1Gi' }), want: 'Insufficient memory' },
  { name: 'too many pods', plugin: nodeResourcesFit, pod: makePod('p'), node: makeNode('n', { pods: 1 }), existing: [on('n', makePod('q'))], want: 'Too many pods' },
  { name: 'extended resource missing', plugin: nodeResourcesFit, pod: makePod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] }), node: makeNode('n'), want: 'Insufficient nvidia.com/gpu' },
  { name: 'extended resource present', plugin: nodeResourcesFit, pod: makePod('p', { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] }), node: makeNode('n', { extra: { 'nvidia.com/gpu': '2' } }), want: null },
  { name: 'init container dominates', plugin: nodeResourcesFit, pod: makePod('p', { cpu: '1', initContainers: [{ name: 'i', resources: { requests: { cpu: '3' } } }] }), node: makeNode('n', { cpu: '2' }), want: 'Insufficient cpu' },
  { name: 'overhead counts', plugin: nodeResourcesFit, pod: makePod('p', { cpu: '1', overhead: { cpu: '1100m' } }), node: makeNode('n', { cpu: '2' }), want: 'Insufficient cpu' },
];

for (const c of cases) {
  test(`${c.plugin.name}: ${c.name}`, () => {
    const snap = makeSnapshot([c.node], c.existing ?? []);
    const state = cycleState(snap, c.pod);
    const pre = c.plugin.preFilter?.(state) ?? null;
    const status = pre?.code === 'Skip' ? null : pre ?? c.plugin.filter!(state, snap.get(c.node.metadata.name!)!);
    assert.equal(status?.reasons.join(', ') ?? null, c.want);
    if (c.code) assert.equal(status?.code, c.code);
  });
}

test('NodeResourcesFit reports every insufficient resource of a node', () => {
  const snap = makeSnapshot([makeNode('n', { cpu: '1', memory: '1Gi', pods: 0 })]);
  const state = cycleState(snap, makePod('p', { cpu: '2', memory: '2Gi' }));
  assert.deepEqual(nodeResourcesFit.filter!(state, snap.get('n')!)?.reasons, ['Too many pods', 'Insufficient cpu', 'Insufficient memory']);
});
