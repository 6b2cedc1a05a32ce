// What a diff leaves out: fields the server owns, which would only be noise to the user.
const META = ['managedFields', 'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'selfLink'];

export const stripServerFields = (obj: Record<string, any> | undefined): Record<string, any> | undefined => {
  if (!obj) return undefined;
  const { status: _status, ...rest } = obj;
  const metadata = { ...(rest.metadata ?? {}) };
  for (const k of META) delete metadata[k];
  return { ...rest, metadata };
};
