// Counts in AVStream filter and pin descriptors, written with the
// DEFINE_KSFILTER_* macros and by hand.
// RUN: %check_ks ks-descriptor-count %s --fixes
#include <ntddk.h>
#include <ks.h>
#include <ksmedia.h>

static KSDATARANGE CaptureRange = {
    sizeof(KSDATARANGE), 0, 0, 0, {STATIC_KSDATAFORMAT_TYPE_VIDEO},
    {STATIC_KSDATAFORMAT_SUBTYPE_NONE}, {STATIC_KSDATAFORMAT_SPECIFIER_NONE}};
static const PKSDATARANGE CaptureRanges[] = {&CaptureRange};
static const KSPIN_MEDIUM CaptureMediums[] = {
    {STATICGUIDOF(KSMEDIUMSETID_Standard), 0, 0}};

static const KSPIN_DESCRIPTOR_EX CapturePins[] = {
    {NULL, NULL,
     {0, NULL,
      // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: MediumsCount of pin 0 of 'CapturePins' is 3, but 'CaptureMediums' has 1 medium: the runtime reads 2 mediums past its end [ks-descriptor-count]
      3, CaptureMediums,
      // CHECK-FIXES: SIZEOF_ARRAY(CaptureMediums), CaptureMediums,
      SIZEOF_ARRAY(CaptureRanges), CaptureRanges, KSPIN_DATAFLOW_OUT,
      KSPIN_COMMUNICATION_BOTH, &KSCATEGORY_VIDEO, NULL, 0},
     0, 1, 1, NULL, NULL},
    {NULL, NULL,
     {0, NULL, 0, NULL,
      // CHECK-MESSAGES: :[[@LINE+1]]:7: warning: DataRangesCount of pin 1 of 'CapturePins' is 1, but DataRanges is NULL: the runtime reads 1 data range from address 0 [ks-descriptor-count]
      1, NULL, KSPIN_DATAFLOW_OUT, KSPIN_COMMUNICATION_BOTH,
      &KSCATEGORY_VIDEO, NULL, 0},
     0, 1, 0, NULL, NULL},
};

static const GUID CaptureCategories[] = {STATICGUIDOF(KSCATEGORY_VIDEO),
                                         STATICGUIDOF(KSCATEGORY_CAPTURE)};

// DEFINE_KSFILTER_PIN_DESCRIPTORS and _CATEGORIES write matching counts.
DEFINE_KSFILTER_DESCRIPTOR(MacroFilter){
    NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
    DEFINE_KSFILTER_PIN_DESCRIPTORS(CapturePins),
    DEFINE_KSFILTER_CATEGORIES(CaptureCategories),
    DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL,
    DEFINE_KSFILTER_DEFAULT_CONNECTIONS,
    NULL};

// By hand, with the counts wrong.
const KSFILTER_DESCRIPTOR HandFilter = {
    NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: PinDescriptorsCount of filter descriptor 'HandFilter' is 1, but 'CapturePins' has 2 pin descriptors: the runtime never sees the last pin descriptor [ks-descriptor-count]
    1, sizeof(KSPIN_DESCRIPTOR_EX), CapturePins,
    // CHECK-FIXES: SIZEOF_ARRAY(CapturePins), sizeof(KSPIN_DESCRIPTOR_EX), CapturePins,
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: CategoriesCount of filter descriptor 'HandFilter' is 3, but 'CaptureCategories' has 2 categories: the runtime reads 1 category past its end [ks-descriptor-count]
    3, CaptureCategories,
    0, sizeof(KSNODE_DESCRIPTOR), NULL,
    0, NULL,
    NULL};

// An array of filter descriptors: the element is named.
const KSFILTER_DESCRIPTOR FilterArray[] = {
    {NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
     DEFINE_KSFILTER_PIN_DESCRIPTORS(CapturePins),
     DEFINE_KSFILTER_CATEGORY(KSCATEGORY_VIDEO),
     DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL,
     DEFINE_KSFILTER_DEFAULT_CONNECTIONS, NULL},
    {NULL, NULL, KSFILTER_DESCRIPTOR_VERSION, 0, NULL,
     DEFINE_KSFILTER_PIN_DESCRIPTORS(CapturePins),
     DEFINE_KSFILTER_CATEGORY(KSCATEGORY_VIDEO),
     DEFINE_KSFILTER_NODE_DESCRIPTORS_NULL,
     // CHECK-MESSAGES: :[[@LINE+1]]:6: warning: ConnectionsCount of filter descriptor 'FilterArray[1]' is 2, but Connections is NULL: the runtime reads 2 connections from address 0 [ks-descriptor-count]
     2, NULL, NULL},
};
