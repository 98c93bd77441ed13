// Pins with a custom (kernel-mode) allocator must keep user mode away.
// RUN: %check_ks ks-allocator-user-mode-frames %s
#include <ntddk.h>
#include <ks.h>

static NTSTATUS Init(PKSPIN Pin, PKSALLOCATOR_FRAMING Framing, PVOID *Context) { *Context = Pin; return STATUS_SUCCESS; }
static VOID Delete(PVOID Context) {}
static PVOID Allocate(PVOID Context) { return ExAllocatePoolZero(NonPagedPoolNx, 4096, 'rfsK'); }
static VOID Free(PVOID Context, PVOID Frame) { ExFreePoolWithTag(Frame, 'rfsK'); }
const KSALLOCATOR_DISPATCH KernelAllocator = {Init, Delete, Allocate, Free};

const KSPIN_DISPATCH CustomDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &KernelAllocator};
const KSPIN_DISPATCH DefaultDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

DECLARE_SIMPLE_FRAMING_EX(KernelFraming, STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED, KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 2, FILE_QUAD_ALIGNMENT, 4096, 4096);
DECLARE_SIMPLE_FRAMING_EX(UserFraming, STATIC_KSMEMORY_TYPE_USER, 0, 2, FILE_QUAD_ALIGNMENT, 4096, 4096);
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: framing 'UserFraming' of pin 2 of 'Pins' says KSMEMORY_TYPE_USER, but its allocator 'KernelAllocator' takes the frames from kernel pool: kernel-allocated frames cannot be passed to a user-mode filter [ks-allocator-user-mode-frames]

const KSPIN_DESCRIPTOR_EX Pins[] = {
    // Negative: custom allocator, user mode denied.
    {&CustomDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS | KSPIN_FLAG_ASYNCHRONOUS_PROCESSING, 1, 0, &KernelFraming, NULL},
    // Custom allocator, reachable from user mode.
    {&CustomDispatch, NULL, {0}, KSPIN_FLAG_ASYNCHRONOUS_PROCESSING, 1, 0, &KernelFraming, NULL},
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: pin 1 of 'Pins' uses the custom kernel-mode allocator 'KernelAllocator' but its Flags lack KSPIN_FLAG_DENY_USERMODE_ACCESS: user-mode clients can connect to it, and kernel-allocated frames cannot be passed to a user-mode filter
    // User-mode memory type from kernel pool (denied access, so only that).
    {&CustomDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS, 1, 0, &UserFraming, NULL},
    // Negative: the default allocator may serve user mode.
    {&DefaultDispatch, NULL, {0}, 0, 1, 0, &UserFraming, NULL},
    {NULL, NULL, {0}, 0, 1, 0, NULL, NULL},
};
