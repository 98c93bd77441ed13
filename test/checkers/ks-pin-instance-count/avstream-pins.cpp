// Instance counts of AVStream pin descriptors: InstancesNecessary against
// InstancesPossible; KSINSTANCE_INDETERMINATE is no limit.
// RUN: %check_ks ks-pin-instance-count %s
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

static const KSDATARANGE StreamRange = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_STREAM},
    {STATIC_KSDATAFORMAT_SUBTYPE_NONE}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};
static const PKSDATARANGE StreamRanges[] = {(PKSDATARANGE)&StreamRange};

static const KSPIN_DESCRIPTOR_EX CapturePins[] = {
    {NULL, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL,
      0},
     // CHECK-MESSAGES: :[[@LINE+1]]:12: warning: pin 0 of 'CapturePins' must have 2 instances before its filter can perform I/O (InstancesNecessary), but its factory can create at most 1 per filter (InstancesPossible): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds KSPROPERTY_PIN_CINSTANCES, so no graph can give the filter the pins it needs [ks-pin-instance-count]
     0, 1, 2, NULL, NULL},
    // InstancesPossible omitted in a designated initializer is 0.
    {.Dispatch = NULL,
     .PinDescriptor = {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges),
                       StreamRanges, KSPIN_DATAFLOW_IN,
                       KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL, 0},
     // CHECK-MESSAGES: :[[@LINE+1]]:28: warning: pin 1 of 'CapturePins' must have 1 instance before its filter can perform I/O (InstancesNecessary), but its factory can create at most 0 per filter (InstancesPossible): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds KSPROPERTY_PIN_CINSTANCES, so no graph can give the filter the pins it needs [ks-pin-instance-count]
     .InstancesNecessary = 1},
};

// A single pin descriptor object.
static const KSPIN_DESCRIPTOR_EX LonePin = {
    NULL, NULL,
    {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
     KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL, 0},
    // CHECK-MESSAGES: :[[@LINE+1]]:11: warning: pin 'LonePin' must have 3 instances before its filter can perform I/O (InstancesNecessary), but its factory can create at most 2 per filter (InstancesPossible): KSPROPERTY_PIN_NECESSARYINSTANCES exceeds KSPROPERTY_PIN_CINSTANCES, so no graph can give the filter the pins it needs [ks-pin-instance-count]
    0, 2, 3, NULL, NULL};

// Silent: KSINSTANCE_INDETERMINATE, an optional pin, possible equal to
// necessary, and a count the compiler cannot fold.
extern ULONG PinsPossible;
static const KSPIN_DESCRIPTOR_EX QuietPins[] = {
    {NULL, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL,
      0},
     0, KSINSTANCE_INDETERMINATE, 4, NULL, NULL},
    {NULL, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL,
      0},
     0, 0, 0, NULL, NULL},
    {NULL, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL,
      0},
     0, 1, 1, NULL, NULL},
};
static KSPIN_DESCRIPTOR_EX RuntimeCounted[] = {
    {NULL, NULL,
     {0, NULL, 0, NULL, SIZEOF_ARRAY(StreamRanges), StreamRanges,
      KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL,
      0},
     0, PinsPossible, 2, NULL, NULL},
};
