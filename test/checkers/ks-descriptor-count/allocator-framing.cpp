// CountItems of KSALLOCATOR_FRAMING_EX against the framing items the object
// holds: written by hand, and by DECLARE_SIMPLE_FRAMING_EX.
// RUN: %check_ks ks-descriptor-count %s
#include <ntddk.h>
#include <ks.h>

static const KSALLOCATOR_FRAMING_EX TwoCounted = {
    // CHECK-MESSAGES: :[[@LINE+1]]:5: warning: CountItems of allocator framing 'TwoCounted' is 2, but 'TwoCounted' has 1 framing item: the runtime reads 1 framing item past its end [ks-descriptor-count]
    2, 0, {1, 1, 0}, 0,
    {{{STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED},
      {STATIC_KS_TYPE_DONT_CARE},
      0, 0, 0, 4, FILE_QUAD_ALIGNMENT, 0,
      {0, (ULONG)-1, 1},
      {{4096, 4096, 1}, 0, 0}}}};

// Designated: the count is the only field that says how many items follow.
static const KSALLOCATOR_FRAMING_EX Designated = {
    // CHECK-MESSAGES: :[[@LINE+1]]:19: warning: CountItems of allocator framing 'Designated' is 3, but 'Designated' has 1 framing item: the runtime reads 2 framing items past its end [ks-descriptor-count]
    .CountItems = 3,
    .FramingItem = {{.Frames = 2, .FileAlignment = FILE_QUAD_ALIGNMENT}}};

// Silent: the macro (CountItems 1), one item counted by hand, a count of 0
// (nothing is read; not judged), and a count the compiler cannot fold.
DECLARE_SIMPLE_FRAMING_EX(SimpleFraming, STATICGUIDOF(KSMEMORY_TYPE_KERNEL_NONPAGED),
                          KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 2,
                          FILE_QUAD_ALIGNMENT, 4096, 4096);

static const KSALLOCATOR_FRAMING_EX OneCounted = {
    1, 0, {1, 1, 0}, 0,
    {{{STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED},
      {STATIC_KS_TYPE_DONT_CARE},
      0, 0, 0, 4, FILE_QUAD_ALIGNMENT, 0,
      {0, (ULONG)-1, 1},
      {{4096, 4096, 1}, 0, 0}}}};

static const KSALLOCATOR_FRAMING_EX ZeroCounted = {
    0, 0, {1, 1, 0}, 0,
    {{{STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED},
      {STATIC_KS_TYPE_DONT_CARE},
      0, 0, 0, 4, FILE_QUAD_ALIGNMENT, 0,
      {0, (ULONG)-1, 1},
      {{4096, 4096, 1}, 0, 0}}}};

extern const ULONG ItemCount;
static const KSALLOCATOR_FRAMING_EX RuntimeCounted = {
    ItemCount, 0, {1, 1, 0}, 0,
    {{{STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED},
      {STATIC_KS_TYPE_DONT_CARE},
      0, 0, 0, 4, FILE_QUAD_ALIGNMENT, 0,
      {0, (ULONG)-1, 1},
      {{4096, 4096, 1}, 0, 0}}}};
