// User-mode allocator mode over framing that makes the pin allocate in
// kernel mode.
// RUN: %check_ks ks-allocator-user-mode-frames %s
#include <windows.h>
#include <dshow.h>
#include <ks.h>
#include <ksmedia.h>
#include <ksproxy.h>

void UserModeOverKernelFrames(IKsAllocatorEx *Allocator) {
  KSALLOCATOR_FRAMING Framing = {};
  Framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE;
  Framing.Frames = 4;
  Framing.FrameSize = 65536;
  Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: KsSetAllocatorMode(KsAllocatorMode_User) for framing that requires KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE without KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY: the pin allocates its frames in kernel mode, and kernel-allocated frames cannot be passed to a user-mode filter [ks-allocator-user-mode-frames]
}

void UserModeOverSystemMemory(IKsAllocatorEx *Allocator) {
  KSALLOCATOR_FRAMING Framing = {};
  Framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE | KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY;
  Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
}

void KernelModeOverKernelFrames(IKsAllocatorEx *Allocator) {
  KSALLOCATOR_FRAMING Framing = {};
  Framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE;
  Allocator->KsSetAllocatorMode(KsAllocatorMode_Kernel);
}

// PREFERENCES_ONLY: the requirement flags are preferences only, so the
// pin need not allocate its frames: silent.
void UserModeOverPreferredKernelFrames(IKsAllocatorEx *Allocator) {
  KSALLOCATOR_FRAMING Framing = {};
  Framing.RequirementsFlags = KSALLOCATOR_REQUIREMENTF_MUST_ALLOCATE |
                              KSALLOCATOR_REQUIREMENTF_PREFERENCES_ONLY;
  Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
}

void UserModeWithUnknownFraming(IKsAllocatorEx *Allocator) {
  Allocator->KsSetAllocatorMode(KsAllocatorMode_User);
}

// KSREF-EXPECT-FILE: static-only ks-allocator-ex-application-use: a documentation contract ("for proxy use and not recommended for application use"): the call works at run time, ksref has nothing to observe
