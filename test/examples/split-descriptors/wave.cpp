//
// wave.cpp - the PortCls topology filter; its tables are in topology.cpp.
//
#include "descriptors.h"

// PinCount 1, but topology.cpp defines three pins: KS never sees the last
// two. ConnectionCount 2 matches (the silent twin).
PCFILTER_DESCRIPTOR SplitTopologyFilter = {
    0,                                  // Version
    nullptr,                            // AutomationTable
    sizeof(PCPIN_DESCRIPTOR),
    1,                                  // PinCount
    SplitTopologyPins,
    sizeof(PCNODE_DESCRIPTOR),
    0,                                  // NodeCount
    nullptr,
    2,                                  // ConnectionCount
    SplitTopologyConnections,
    0,                                  // CategoryCount
    nullptr,
};
