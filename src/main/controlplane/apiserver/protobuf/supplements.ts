// Definitions the shipped OpenAPI set lacks (it gives TokenRequest.spec and Scale.spec as free-form
// objects), written in the same Swagger form from the upstream Go types, so that kubectl create
// token and kubectl scale bodies decode like any other.
import type { Definitions } from '../schema/definitions';

const ref = (name: string): { $ref: string } => ({ $ref: `#/definitions/${name}` });
const STRING = { type: 'string' };
const INT = { type: 'integer' };

export const SUPPLEMENTS: Definitions = {
  'io.k8s.api.authentication.v1.TokenRequestSpec': {
    type: 'object',
    properties: {
      audiences: { type: 'array', items: STRING },
      expirationSeconds: INT,
      boundObjectRef: ref('io.k8s.api.authentication.v1.BoundObjectReference'),
    },
  },
  'io.k8s.api.authentication.v1.TokenRequestStatus': {
    type: 'object',
    properties: { token: STRING, expirationTimestamp: { type: 'string', format: 'date-time' } },
  },
  'io.k8s.api.authentication.v1.BoundObjectReference': {
    type: 'object',
    properties: { kind: STRING, apiVersion: STRING, name: STRING, uid: STRING },
  },
  'io.k8s.api.autoscaling.v1.ScaleSpec': { type: 'object', properties: { replicas: INT } },
  'io.k8s.api.autoscaling.v1.ScaleStatus': { type: 'object', properties: { replicas: INT, selector: STRING } },
};
