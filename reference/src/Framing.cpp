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

LegalFrameSizes legalFrameSizes(const FrameSizeRange &R) {
  LegalFrameSizes Out;
  if (R.MinFrameSize > R.MaxFrameSize)
    return Out;
  Out.First = R.MinFrameSize;
  if (R.Stepping == 0 || R.MinFrameSize == R.MaxFrameSize) {
    Out.Count = 1;
    Out.Last = R.MinFrameSize;
    return Out;
  }
  const uint64_t Steps =
      (uint64_t(R.MaxFrameSize) - R.MinFrameSize) / R.Stepping;
  Out.Count = Steps + 1;
  Out.Last = R.MinFrameSize + Steps * R.Stepping;
  return Out;
}

std::vector<Violation> chooseFrameSize(const FrameSizeRange &R,
                                       const std::string &Name) {
  std::vector<Violation> Out;
  if (R.MinFrameSize > R.MaxFrameSize) {
    addViolation(Out, checks::FramingRange,
                 Name + ": no frame size lies between MinFrameSize " +
                     std::to_string(R.MinFrameSize) + " and MaxFrameSize " +
                     std::to_string(R.MaxFrameSize));
    return Out;
  }
  if (R.Stepping == 0 || R.MinFrameSize == R.MaxFrameSize ||
      R.Stepping <= R.MaxFrameSize - R.MinFrameSize)
    return Out;
  addViolation(Out, checks::FramingRange,
               Name + ": the first step from MinFrameSize " +
                   std::to_string(R.MinFrameSize) + " lands at " +
                   std::to_string(uint64_t(R.MinFrameSize) + R.Stepping) +
                   ", past MaxFrameSize " + std::to_string(R.MaxFrameSize) +
                   " (Stepping " + std::to_string(R.Stepping) +
                   " wider than the range)");
  return Out;
}

} // namespace ksref
