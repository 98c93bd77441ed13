//
// descriptors.h - the tables each filter names, declared without their
// bounds: pins.cpp and topology.cpp define them.
//
#pragma once

#include <ntddk.h>
#include <windef.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>

// AVStream: the capture filter (filter.cpp) and its tables (pins.cpp).
extern const KSPIN_DESCRIPTOR_EX SplitCapturePins[];
extern const KSNODE_DESCRIPTOR SplitCaptureNodes[];
extern const GUID SplitCaptureCategories[];
extern const KSPIN_DESCRIPTOR_EX SplitPreviewPins[];

// PortCls: the topology filter (wave.cpp) and its tables (topology.cpp).
extern PCPIN_DESCRIPTOR SplitTopologyPins[];
extern PCCONNECTION_DESCRIPTOR SplitTopologyConnections[];

// Defined in no file of this tree: its count cannot be judged.
extern const GUID SplitVendorCategories[];
