// Field numbers of storage/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const STORAGE_V1: GroupTable = {
  package: 'io.k8s.api.storage.v1',
  messages: {
    StorageClass: '1 metadata?|2 provisioner|3 parameters|4 reclaimPolicy|5 mountOptions|6 allowVolumeExpansion|7 volumeBindingMode|8 allowedTopologies',
    VolumeAttachment: '1 metadata?|2 spec|3 status?',
    VolumeAttachmentSpec: '1 attacher|2 source|3 nodeName',
    VolumeAttachmentSource: '1 persistentVolumeName|2 inlineVolumeSpec',
    VolumeAttachmentStatus: '1 attached|2 attachmentMetadata|3 attachError|4 detachError',
    VolumeError: '1 time?@time|2 message?|3 errorCode',
    CSIDriver: '1 metadata?|2 spec',
    CSIDriverSpec: '1 attachRequired|2 podInfoOnMount|3 volumeLifecycleModes|4 storageCapacity|5 fsGroupPolicy|6 tokenRequests|7 requiresRepublish|8 seLinuxMount|9 nodeAllocatableUpdatePeriodSeconds|10 serviceAccountTokenInSecrets|11 preventPodSchedulingIfMissing',
    TokenRequest: '1 audience|2 expirationSeconds',
    CSINode: '1 metadata?|2 spec|3 status?',
    CSINodeSpec: '1 drivers',
    CSINodeDriver: '1 name|2 nodeID|3 topologyKeys|4 allocatable',
    VolumeNodeResources: '1 count',
    StorageHealthCondition: '1 status|2 reason|3 message?|4 accessMode|5 volumeMode|6 lastTransitionTime?@time',
    StorageHealth: '1 name|2 healthConditions',
    CSINodeStatus: '1 storageHealth',
    CSIStorageCapacity: '1 metadata?|2 nodeTopology|3 storageClassName|4 capacity@q|5 maximumVolumeSize@q',
    VolumeAttributesClass: '1 metadata?|2 driverName|3 parameters',
  },
};
