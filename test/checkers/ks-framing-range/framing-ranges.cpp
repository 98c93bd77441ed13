// Frame size ranges of KSALLOCATOR_FRAMING_EX items: MinFrameSize above
// MaxFrameSize, or a Stepping wider than the range.
// RUN: %check_ks ks-framing-range %s
#include <ntddk.h>
#include <ks.h>

// The sizes swapped: no frame size lies between 8192 and 4096.
DECLARE_SIMPLE_FRAMING_EX(SwappedFraming,
                          STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 2, 0,
                          // CHECK-MESSAGES: :[[@LINE+1]]:27: warning: FramingRange.Range of framing item 0 of 'SwappedFraming' allows no frame size: MinFrameSize 8192 is above MaxFrameSize 4096, so no frame an allocator can give meets it [ks-framing-range]
                          2 * PAGE_SIZE, PAGE_SIZE);

// One size, Stepping 1 (what the macro writes): silent.
DECLARE_SIMPLE_FRAMING_EX(OneSizeFraming,
                          STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 2, 0,
                          2 * PAGE_SIZE, 2 * PAGE_SIZE);

// A range of sizes, Stepping 1: silent.
DECLARE_SIMPLE_FRAMING_EX(RangeFraming,
                          STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 4, 0, 1024,
                          65536);

// Written by hand: the physical range steps by 8192 over a width of 4096
// (only 4096 is legal), the framing range is fine.
const KSALLOCATOR_FRAMING_EX SteppedFraming = {
    1,
    0,
    {1, 1, 0},
    0,
    {{{STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED)},
      {STATICGUIDOF(KS_TYPE_DONT_CARE)},
      0,
      0,
      KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY,
      2,
      FILE_QUAD_ALIGNMENT,
      0,
      // CHECK-MESSAGES: :[[@LINE+1]]:20: warning: Stepping 8192 of PhysicalRange in framing item 0 of 'SteppedFraming' is wider than the range (4096 to 8192): only MinFrameSize is a legal size, and KS_FRAMING_RANGE documents such a step as unpredictable [ks-framing-range]
      {4096, 8192, 8192},
      {{4096, 8192, 4096}, 0, 0}}}};

// Silent: a step of exactly the width (both ends legal) and a Stepping of
// 0 (not described by the documentation: not judged).
extern ULONG RuntimeFrameSize;
const KSALLOCATOR_FRAMING_EX QuietFraming = {
    1,
    0,
    {1, 1, 0},
    0,
    {{{STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED)},
      {STATICGUIDOF(KS_TYPE_DONT_CARE)},
      0,
      0,
      KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY,
      2,
      0,
      0,
      {4096, 8192, 4096},
      {{4096, 8192, 0}, 0, 0}}}};

// Silent: a MinFrameSize read at run time is unknown, not "above" 1024.
DECLARE_SIMPLE_FRAMING_EX(DynamicFraming,
                          STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 2, 0,
                          RuntimeFrameSize, 1024);
