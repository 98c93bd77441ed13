// Counts in PortCls filter and pin descriptors.
// RUN: %check_ks ks-descriptor-count %s --fixes
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
#include <ksmedia.h>

static KSDATARANGE_AUDIO WaveRange = {
    {sizeof(KSDATARANGE_AUDIO), 0, 0, 0,
     {STATIC_KSDATAFORMAT_TYPE_AUDIO}, {STATIC_KSDATAFORMAT_SUBTYPE_PCM},
     {STATIC_KSDATAFORMAT_SPECIFIER_WAVEFORMATEX}},
    2, 16, 16, 8000, 48000};
static KSDATARANGE BridgeRange = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
    {STATIC_KSDATAFORMAT_SUBTYPE_ANALOG}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};

static PKSDATARANGE StreamRanges[] = {PKSDATARANGE(&WaveRange)};
static PKSDATARANGE BridgeRanges[] = {&BridgeRange};

static PCPIN_DESCRIPTOR SpeakerPins[] = {
    {1, 1, 0, NULL,
     {0, NULL, 0, NULL,
      // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: DataRangesCount of pin 0 of 'SpeakerPins' is 2, but 'StreamRanges' has 1 data range: the runtime reads 1 data range past its end [ks-descriptor-count]
      2, StreamRanges, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK,
      &KSCATEGORY_AUDIO, NULL, 0}},
    // CHECK-FIXES: SIZEOF_ARRAY(StreamRanges), StreamRanges, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK,
    {0, 0, 0, NULL,
     // CHECK-MESSAGES: :[[@LINE+1]]:16: warning: MediumsCount of pin 1 of 'SpeakerPins' is 1, but Mediums is NULL: the runtime reads 1 medium from address 0 [ks-descriptor-count]
     {0, NULL, 1, NULL,
      SIZEOF_ARRAY(BridgeRanges), BridgeRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_NONE, &KSNODETYPE_SPEAKER, NULL, 0}},
};

static PCNODE_DESCRIPTOR SpeakerNodes[] = {
    {0, NULL, &KSNODETYPE_VOLUME, NULL},
    {0, NULL, &KSNODETYPE_MUTE, NULL},
};

static PCCONNECTION_DESCRIPTOR SpeakerConnections[] = {
    {PCFILTER_NODE, 0, 0, 1},
    {0, 0, 1, 1},
    {1, 0, PCFILTER_NODE, 1},
};

static PCFILTER_DESCRIPTOR SpeakerFilter = {
    0, NULL,
    sizeof(PCPIN_DESCRIPTOR),
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: PinCount of filter descriptor 'SpeakerFilter' is 3, but 'SpeakerPins' has 2 pin descriptors: the runtime reads 1 pin descriptor past its end [ks-descriptor-count]
    3, SpeakerPins,
    // CHECK-FIXES: SIZEOF_ARRAY(SpeakerPins), SpeakerPins,
    sizeof(PCNODE_DESCRIPTOR),
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: NodeCount of filter descriptor 'SpeakerFilter' is 1, but 'SpeakerNodes' has 2 node descriptors: the runtime never sees the last node descriptor [ks-descriptor-count]
    1, SpeakerNodes,
    SIZEOF_ARRAY(SpeakerConnections), SpeakerConnections,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: CategoryCount of filter descriptor 'SpeakerFilter' is 2, but 'KSCATEGORY_AUDIO' has 1 category: the runtime reads 1 category past its end [ks-descriptor-count]
    2, &KSCATEGORY_AUDIO};

// A connection count beside a NULL table.
static PCFILTER_DESCRIPTOR NoConnections = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(SpeakerPins), SpeakerPins,
    0, 0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: ConnectionCount of filter descriptor 'NoConnections' is 4, but Connections is NULL: the runtime reads 4 connections from address 0 [ks-descriptor-count]
    4, NULL, 0, NULL};

// The silent twins: every count matches; `0, 0, NULL` for no nodes; a
// category array; a pin table defined in another file (no bound here);
// a table reached through a pointer variable.
static const GUID Categories[] = {STATICGUIDOF(KSCATEGORY_AUDIO),
                                  STATICGUIDOF(KSCATEGORY_RENDER)};
static PCPIN_DESCRIPTOR GoodPins[] = {
    {1, 1, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL, 0}},
};
static PCFILTER_DESCRIPTOR GoodFilter = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(GoodPins), GoodPins,
    0, 0, NULL, 0, NULL, SIZEOF_ARRAY(Categories), Categories};

extern PCPIN_DESCRIPTOR PinsElsewhere[];
static PCFILTER_DESCRIPTOR SplitFilter = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), 5, PinsElsewhere,
    0, 0, NULL, 0, NULL, 1, &KSCATEGORY_AUDIO};

static const PCCONNECTION_DESCRIPTOR *const SomeConnections = SpeakerConnections;
static PCFILTER_DESCRIPTOR ThroughPointer = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(GoodPins), GoodPins,
    0, 0, NULL, 9, SomeConnections, 0, NULL};

// A count the runtime never uses beside the pointer it counts: the number
// comes from elsewhere (not a constant), so nothing is known.
extern ULONG RuntimePinCount;
static PCFILTER_DESCRIPTOR RuntimeCount = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), RuntimePinCount, GoodPins,
    0, 0, NULL, 0, NULL, 0, NULL};
