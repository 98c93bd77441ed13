// Instance counts of PortCls pin descriptors: MinFilterInstanceCount against
// MaxFilterInstanceCount and MaxGlobalInstanceCount; ULONG(-1) is no limit.
// RUN: %check_ks ks-pin-instance-count %s
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
#include <ksmedia.h>

static KSDATARANGE BridgeRange = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_AUDIO},
    {STATIC_KSDATAFORMAT_SUBTYPE_ANALOG}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};
static PKSDATARANGE BridgeRanges[] = {&BridgeRange};

#define MAX_STREAMS 1

static PCPIN_DESCRIPTOR RenderPins[] = {
    // CHECK-MESSAGES: :[[@LINE+1]]:22: warning: pin 0 of 'RenderPins' must have 2 instances before its filter can perform I/O (MinFilterInstanceCount), but its factory can create at most 1 per filter (MaxFilterInstanceCount): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds KSPROPERTY_PIN_CINSTANCES, so no graph can give the filter the pins it needs [ks-pin-instance-count]
    {4, MAX_STREAMS, 2, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL,
      0}},
    // The global limit is the tighter one.
    // CHECK-MESSAGES: :[[@LINE+1]]:20: warning: pin 1 of 'RenderPins' must have 1 instance before its filter can perform I/O (MinFilterInstanceCount), but its factory can create at most 0 in all filters together (MaxGlobalInstanceCount): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds KSPROPERTY_PIN_GLOBALCINSTANCES, so no graph can give the filter the pins it needs [ks-pin-instance-count]
    {0, ULONG(-1), 1, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE, &KSNODETYPE_SPEAKER, NULL,
      0}},
};

// Silent: a minimum within both limits, ULONG(-1) for no limit, a pin that
// is needed zero times, a limit the compiler cannot fold (a count kept in
// the driver at run time), and a minimum equal to the maximum.
extern ULONG DriverMaxStreams;
static PCPIN_DESCRIPTOR QuietPins[] = {
    {2, 2, 1, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL,
      0}},
    {ULONG(-1), ULONG(-1), 3, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL,
      0}},
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE, &KSNODETYPE_SPEAKER, NULL,
      0}},
    {1, 1, 1, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE, &KSNODETYPE_SPEAKER, NULL,
      0}},
};
static PCPIN_DESCRIPTOR RuntimePins[] = {
    {DriverMaxStreams, DriverMaxStreams, 2, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(BridgeRanges), BridgeRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK, &KSCATEGORY_AUDIO, NULL,
      0}},
};
