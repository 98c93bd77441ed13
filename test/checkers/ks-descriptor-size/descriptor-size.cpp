// Strides of pin and node descriptors in PortCls and AVStream filters.
// RUN: %check_ks ks-descriptor-size %s --fixes
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

static PCPIN_DESCRIPTOR Pins[] = {
    {1, 1, 0, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK,
      &KSCATEGORY_AUDIO, NULL, 0}},
    {0, 0, 0, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE,
      &KSNODETYPE_SPEAKER, NULL, 0}},
};
static PCNODE_DESCRIPTOR Nodes[] = {{0, NULL, &KSNODETYPE_VOLUME, NULL},
                                    {0, NULL, &KSNODETYPE_MUTE, NULL}};
// One pin: read at offset 0 whatever the stride.
static PCPIN_DESCRIPTOR OnePin[] = {
    {1, 1, 0, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK,
      &KSCATEGORY_AUDIO, NULL, 0}}};
static PCFILTER_DESCRIPTOR OnePinFilter = {
    0, NULL, 64, SIZEOF_ARRAY(OnePin), OnePin, 0, 0, NULL, 0, NULL, 0, NULL};

// A driver's extended pin descriptor: PortCls steps by PinSize.
struct EXT_PIN {
  PCPIN_DESCRIPTOR Pin;
  ULONG PrivateFlags;
};
static EXT_PIN ExtPins[] = {
    {{1, 1, 0, NULL,
      {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_SINK,
       &KSCATEGORY_AUDIO, NULL, 0}},
     1},
    {{0, 0, 0, NULL,
      {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_NONE,
       &KSNODETYPE_SPEAKER, NULL, 0}},
     2},
};

static PCFILTER_DESCRIPTOR WrongPinSize = {
    0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: PinSize of filter descriptor 'WrongPinSize' is {{[0-9]+}}, but the elements of 'ExtPins' (EXT_PIN) are {{[0-9]+}} bytes: the runtime reads pin descriptor 1 and after at multiples of {{[0-9]+}}, not where they are [ks-descriptor-size]
    sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(ExtPins), &ExtPins[0].Pin,
    // CHECK-FIXES: sizeof(EXT_PIN), SIZEOF_ARRAY(ExtPins), &ExtPins[0].Pin,
    sizeof(PCNODE_DESCRIPTOR), SIZEOF_ARRAY(Nodes), Nodes,
    0, NULL, 0, NULL};

// The same array through a cast, with the right stride: silent.
static PCFILTER_DESCRIPTOR RightPinSize = {
    0, NULL, sizeof(EXT_PIN), SIZEOF_ARRAY(ExtPins),
    (const PCPIN_DESCRIPTOR *)ExtPins,
    sizeof(PCNODE_DESCRIPTOR), SIZEOF_ARRAY(Nodes), Nodes,
    0, NULL, 0, NULL};

static PCFILTER_DESCRIPTOR WrongNodeSize = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(Pins), Pins,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: NodeSize of filter descriptor 'WrongNodeSize' is 16, but the elements of 'Nodes' (PCNODE_DESCRIPTOR) are {{[0-9]+}} bytes: the runtime reads node descriptor 1 and after at multiples of 16, not where they are [ks-descriptor-size]
    16, SIZEOF_ARRAY(Nodes), Nodes,
    // CHECK-FIXES: sizeof(PCNODE_DESCRIPTOR), SIZEOF_ARRAY(Nodes), Nodes,
    0, NULL, 0, NULL};

// A stride below the base descriptor, its array defined in another file.
extern PCPIN_DESCRIPTOR PinsElsewhere[];
static PCFILTER_DESCRIPTOR ShortStride = {
    0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: PinSize of filter descriptor 'ShortStride' is 8, but the elements of 'PinsElsewhere' (PCPIN_DESCRIPTOR) are {{[0-9]+}} bytes: the runtime reads pin descriptor 1 and after at multiples of 8, not where they are [ks-descriptor-size]
    8, 4, PinsElsewhere,
    0, 0, NULL, 0, NULL, 0, NULL};

// A stride below the base descriptor, the pins reached through a pointer.
extern const PCPIN_DESCRIPTOR *const PinPointer;
static PCFILTER_DESCRIPTOR ShortThroughPointer = {
    0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: PinSize of filter descriptor 'ShortThroughPointer' is 8, smaller than a PCPIN_DESCRIPTOR ({{[0-9]+}} bytes): the runtime reads each pin descriptor overlapping the next [ks-descriptor-size]
    8, 4, PinPointer,
    0, 0, NULL, 0, NULL, 0, NULL};

// Silent: no nodes (`0, 0, NULL`), the macros, a stride the array matches,
// an array elsewhere with a plausible stride.
static PCFILTER_DESCRIPTOR NoNodes = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), SIZEOF_ARRAY(Pins), Pins,
    0, 0, NULL, 0, NULL, 0, NULL};
static PCFILTER_DESCRIPTOR Elsewhere = {
    0, NULL, sizeof(PCPIN_DESCRIPTOR), 4, PinsElsewhere,
    0, 0, NULL, 0, NULL, 0, NULL};

static const KSPIN_DESCRIPTOR_EX AvsPins[] = {
    {NULL, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH,
      &KSCATEGORY_VIDEO, NULL, 0},
     0, 1, 1, NULL, NULL},
    {NULL, NULL,
     {0, NULL, 0, NULL, 0, NULL, KSPIN_DATAFLOW_IN, KSPIN_COMMUNICATION_BOTH,
      &KSCATEGORY_VIDEO, NULL, 0},
     0, 1, 0, NULL, NULL},
};
DEFINE_KSFILTER_DESCRIPTOR(MacroFilter){
    NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
    DEFINE_KSFILTER_PIN_DESCRIPTORS(AvsPins),
    DEFINE_KSFILTER_CATEGORY(KSCATEGORY_VIDEO),
    DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL,
    DEFINE_KSFILTER_DEFAULT_CONNECTIONS, NULL};
const KSFILTER_DESCRIPTOR HandFilter = {
    NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:8: warning: PinDescriptorSize of filter descriptor 'HandFilter' is {{[0-9]+}}, but the elements of 'AvsPins' (KSPIN_DESCRIPTOR_EX) are {{[0-9]+}} bytes: the runtime reads pin descriptor 1 and after at multiples of {{[0-9]+}}, not where they are [ks-descriptor-size]
    2, sizeof(KSPIN_DESCRIPTOR), AvsPins,
    // CHECK-FIXES: 2, sizeof(KSPIN_DESCRIPTOR_EX), AvsPins,
    1, &KSCATEGORY_VIDEO, 0, sizeof(KSNODE_DESCRIPTOR), NULL, 0, NULL, NULL};
