//
// filter.cpp - the capture filters; their tables are in pins.cpp.
//
#include "descriptors.h"

// PinDescriptorsCount 3, but pins.cpp defines two pins: the runtime reads
// a third descriptor past the end of SplitCapturePins.
extern const KSFILTER_DESCRIPTOR SplitCaptureFilter = {
    nullptr,                            // Dispatch
    nullptr,                            // AutomationTable
    KSFILTER_DESCRIPTOR_VERSION,
    0,                                  // Flags
    nullptr,                            // ReferenceGuid
    3,                                  // PinDescriptorsCount
    sizeof(KSPIN_DESCRIPTOR_EX),
    SplitCapturePins,
    2,                                  // CategoriesCount
    SplitCaptureCategories,
    1,                                  // NodeDescriptorsCount
    sizeof(KSNODE_DESCRIPTOR),
    SplitCaptureNodes,
    0, nullptr,                         // connections: the default topology
    nullptr,                            // ComponentId
};

// Every count matches the table pins.cpp defines (the silent twin); the
// vendor categories are defined in no file: a note, not a finding.
extern const KSFILTER_DESCRIPTOR SplitPreviewFilter = {
    nullptr,
    nullptr,
    KSFILTER_DESCRIPTOR_VERSION,
    0,
    nullptr,
    1,                                  // PinDescriptorsCount
    sizeof(KSPIN_DESCRIPTOR_EX),
    SplitPreviewPins,
    1,                                  // CategoriesCount
    SplitVendorCategories,
    0, sizeof(KSNODE_DESCRIPTOR), nullptr,
    0, nullptr,
    nullptr,
};
