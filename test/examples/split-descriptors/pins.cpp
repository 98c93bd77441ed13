//
// pins.cpp - the capture filter's pin, node and category tables.
//
#include "descriptors.h"

static const KSDATARANGE SplitStreamRange = {
    {sizeof(KSDATARANGE), 0, 0, 0, {STATICGUIDOF(KSDATAFORMAT_TYPE_STREAM)},
     {STATICGUIDOF(KSDATAFORMAT_SUBTYPE_NONE)},
     {STATICGUIDOF(KSDATAFORMAT_SPECIFIER_NONE)}}};

static const PKSDATARANGE SplitStreamRanges[] = {
    const_cast<PKSDATARANGE>(&SplitStreamRange),
};

#define SPLIT_PIN(DataFlow)                                                  \
    {nullptr, nullptr, {0, nullptr, 0, nullptr,                              \
                        SIZEOF_ARRAY(SplitStreamRanges), SplitStreamRanges,  \
                        DataFlow, KSPIN_COMMUNICATION_BOTH, nullptr, nullptr, \
                        0},                                                  \
     0, 1, 1, nullptr, nullptr}

// Two pins: the filter descriptor in filter.cpp counts three.
extern const KSPIN_DESCRIPTOR_EX SplitCapturePins[] = {
    SPLIT_PIN(KSPIN_DATAFLOW_OUT),
    SPLIT_PIN(KSPIN_DATAFLOW_IN),
};

// One pin, counted as one (the silent twin).
extern const KSPIN_DESCRIPTOR_EX SplitPreviewPins[] = {
    SPLIT_PIN(KSPIN_DATAFLOW_OUT),
};

extern const KSNODE_DESCRIPTOR SplitCaptureNodes[] = {
    {nullptr, &KSNODETYPE_VIDEO_CAMERA_TERMINAL, nullptr},
};

// Two categories, counted as two.
extern const GUID SplitCaptureCategories[] = {
    {STATICGUIDOF(KSCATEGORY_VIDEO)},
    {STATICGUIDOF(KSCATEGORY_CAPTURE)},
};
