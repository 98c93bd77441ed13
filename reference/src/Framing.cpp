//===- Framing.cpp - KSALLOCATOR_FRAMING semantics
//-------------------------===//
//
//  [FRAMING]  Microsoft, "KSALLOCATOR_FRAMING structure" (docs/sources.md)
//  [ROSALLOC] facts observed in ReactOS's reimplementation of ks.sys
//             (drivers/ksfilter/ks/, its default allocator): behaviour only,
//             no code. No Microsoft page states these checks.
//
//===----------------------------------------------------------------------===//
#include "ksref/Framing.h"

#include "ksref/Layout.h"

#include <algorithm>
#include <cctype>

namespace ksref {

bool FramingModel::wantsUserMemory() const {
  if (User)
    return true;
  std::string T = MemoryType;
  std::transform(T.begin(), T.end(), T.begin(),
                 [](unsigned char C) { return std::tolower(C); });
  // By value (with or without braces) or by the name ks.h gives it.
  return T == KsMemoryTypeUser || T == std::string(KsMemoryTypeUser + 1, 36) ||
         T == "ksmemory_type_user";
}

Status validateDefaultFraming(const FramingModel &F) {
  // [ROSALLOC] Default allocator: FrameSize 0 -> invalid parameter.
  if (F.FrameSize == 0)
    return Status::InvalidParameter;
  // [ROSALLOC] Unknown option flags -> invalid parameter; the known ones are
  // KSALLOCATOR_OPTIONF_VALID (COMPATIBLE | SYSTEM_MEMORY, ks.h).
  if (F.Flags & ~KsAllocatorOptionValid)
    return Status::InvalidParameter;
  // [ROSALLOC] FileAlignment > PAGE_SIZE - 1 -> invalid parameter.
  if (F.FileAlignment > PageSize - 1)
    return Status::InvalidParameter;
  return Status::Success;
}

FramingRequirements decodeRequirements(uint32_t Flags) {
  // [FRAMING] RequirementsFlags: INPLACE_MODIFIER, SYSTEM_MEMORY ("the
  // connection point requires system memory for allocations"),
  // FRAME_INTEGRITY, MUST_ALLOCATE ("requires that it allocate any frames
  // sent"), PREFERENCES_ONLY ("the requirements flags are preferences only,
  // and the connection point is capable of allocating frames that do not
  // meet these specifications").
  FramingRequirements R;
  R.InplaceModifier = Flags & KsAllocatorRequirementInplaceModifier;
  R.SystemMemory = Flags & KsAllocatorRequirementSystemMemory;
  R.FrameIntegrity = Flags & KsAllocatorRequirementFrameIntegrity;
  R.MustAllocate = Flags & KsAllocatorRequirementMustAllocate;
  R.PreferencesOnly = Flags & KsAllocatorRequirementPreferencesOnly;
  return R;
}

} // namespace ksref
