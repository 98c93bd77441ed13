// Connection ends of PortCls and AVStream topologies.
// RUN: %check_ks ks-topology-connection %s
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static PCPIN_DESCRIPTOR TopoPins[] = {
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_NONE,
      &KSNODETYPE_MICROPHONE, NULL, 0}},
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE,
      &KSCATEGORY_AUDIO, NULL, 0}},
};
static PCNODE_DESCRIPTOR TopoNodes[] = {
    {0, NULL, &KSNODETYPE_VOLUME, NULL},
    {0, NULL, &KSNODETYPE_MUTE, NULL},
};
enum { NODE_VOLUME, NODE_MUTE, NODE_PEAKMETER };

static PCCONNECTION_DESCRIPTOR TopoConnections[] = {
    {PCFILTER_NODE, 0, NODE_VOLUME, 1},
    {NODE_VOLUME, 0, NODE_MUTE, 1},
    // CHECK-MESSAGES: :[[@LINE+1]]:24: warning: connection 2 of 'TopoConnections': ToNode is 2, but filter descriptor 'MicTopology' has 2 nodes (NodeCount) and 2 is not PCFILTER_NODE: clients of KSPROPERTY_TOPOLOGY_CONNECTIONS index past the node list [ks-topology-connection]
    {NODE_MUTE, 0,     NODE_PEAKMETER, 1},
    // CHECK-MESSAGES: :[[@LINE+1]]:40: warning: connection 3 of 'TopoConnections' joins filter pin 2 (ToNode is PCFILTER_NODE), but filter descriptor 'MicTopology' has 2 pins (PinCount): the topology names a pin the filter does not have [ks-topology-connection]
    {NODE_MUTE, 0,     PCFILTER_NODE,  2},
};

static PCFILTER_DESCRIPTOR MicTopology = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(TopoPins), TopoPins,
    sizeof(PCNODE_DESCRIPTOR), SIZEOF_ARRAY(TopoNodes), TopoNodes,
    SIZEOF_ARRAY(TopoConnections), TopoConnections, 0, NULL};

// Silent: a node index below the count, filter pins below the pin count,
// node-side pin numbers (a node's pins are not counted by the filter),
// entries past ConnectionCount, and a table no filter of this file uses.
static PCCONNECTION_DESCRIPTOR GoodConnections[] = {
    {PCFILTER_NODE, 0, NODE_VOLUME, 7},
    {NODE_VOLUME, 5, NODE_MUTE, 1},
    {NODE_MUTE, 0, PCFILTER_NODE, 1},
    {9, 9, 9, 9},
};
static PCFILTER_DESCRIPTOR GoodTopology = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(TopoPins), TopoPins,
    sizeof(PCNODE_DESCRIPTOR), SIZEOF_ARRAY(TopoNodes), TopoNodes,
    3, GoodConnections, 0, NULL};
static PCCONNECTION_DESCRIPTOR Unused[] = {{7, 7, 7, 7}};

// A node count that is not a constant: nothing known about node indices.
extern ULONG NodeCountFromElsewhere;
static PCFILTER_DESCRIPTOR UnknownNodes = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(TopoPins), TopoPins,
    sizeof(PCNODE_DESCRIPTOR), NodeCountFromElsewhere, TopoNodes,
    SIZEOF_ARRAY(TopoConnections) - 1, TopoConnections, 0, NULL};

// AVStream: KSFILTER_NODE and DEFINE_KSFILTER_CONNECTIONS.
static const KSPIN_DESCRIPTOR_EX AvsPins[] = {
    {NULL, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_BOTH,
      &KSCATEGORY_VIDEO, NULL, 0},
     0, 1, 1, NULL, NULL},
};
static const KSNODE_DESCRIPTOR AvsNodes[] = {
    DEFINE_NODE_DESCRIPTOR(NULL, &KSNODETYPE_VIDEO_PROCESSING, NULL)};
static const KSTOPOLOGY_CONNECTION AvsConnections[] = {
    {KSFILTER_NODE, 0, 0, 1},
    // CHECK-MESSAGES: :[[@LINE+1]]:6: warning: connection 1 of 'AvsConnections': FromNode is 1, but filter descriptor 'AvsFilter' has 1 node (NodeDescriptorsCount) and 1 is not KSFILTER_NODE: clients of KSPROPERTY_TOPOLOGY_CONNECTIONS index past the node list [ks-topology-connection]
    {1, 0, KSFILTER_NODE, 0},
};
DEFINE_KSFILTER_DESCRIPTOR(AvsFilter){
    NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
    DEFINE_KSFILTER_PIN_DESCRIPTORS(AvsPins),
    DEFINE_KSFILTER_CATEGORY(KSCATEGORY_VIDEO),
    DEFINE_KSFILTER_NODE_DESCRIPTORS(AvsNodes),
    DEFINE_KSFILTER_CONNECTIONS(AvsConnections), NULL};
