//
// topology.cpp - the PortCls topology filter's pins and connections.
//
#include "descriptors.h"

static KSDATARANGE SplitAnalogRange = {
    {sizeof(KSDATARANGE), 0, 0, 0, {STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO)},
     {STATICGUIDOF(KSDATAFORMAT_SUBTYPE_ANALOG)},
     {STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE)}}};

static PKSDATARANGE SplitAnalogRanges[] = {&SplitAnalogRange};

#define SPLIT_BRIDGE_PIN(DataFlow, Category)                                 \
    {0, 0, 0, nullptr,                                                       \
     {0, nullptr, 0, nullptr, SIZEOF_ARRAY(SplitAnalogRanges),               \
      SplitAnalogRanges, DataFlow, KSPIN_COMMUNICATION_NONE, Category,       \
      nullptr, 0}}

// Three pins: wave.cpp's filter descriptor counts one.
PCPIN_DESCRIPTOR SplitTopologyPins[] = {
    SPLIT_BRIDGE_PIN(KSPIN_DATAFLOW_IN, &KSNODETYPE_LINE_CONNECTOR),
    SPLIT_BRIDGE_PIN(KSPIN_DATAFLOW_OUT, &KSNODETYPE_SPEAKER),
    SPLIT_BRIDGE_PIN(KSPIN_DATAFLOW_IN, &KSNODETYPE_MICROPHONE),
};

// Two connections, counted as two.
PCCONNECTION_DESCRIPTOR SplitTopologyConnections[] = {
    {PCFILTER_NODE, 0, PCFILTER_NODE, 1},
    {PCFILTER_NODE, 2, PCFILTER_NODE, 1},
};
