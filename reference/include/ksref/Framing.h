//===- ksref/Framing.h - KSALLOCATOR_FRAMING semantics ----------*- C++ -*-===//
#ifndef KSREF_FRAMING_H
#define KSREF_FRAMING_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ksref {

// ks.h / Microsoft, "KSALLOCATOR_FRAMING structure".
inline constexpr uint32_t KsAllocatorRequirementInplaceModifier = 0x00000001;
inline constexpr uint32_t KsAllocatorRequirementSystemMemory = 0x00000002;
inline constexpr uint32_t KsAllocatorRequirementFrameIntegrity = 0x00000004;
inline constexpr uint32_t KsAllocatorRequirementMustAllocate = 0x00000008;
inline constexpr uint32_t KsAllocatorRequirementPreferencesOnly = 0x80000000;
inline constexpr uint32_t KsAllocatorOptionCompatible = 0x00000001;
inline constexpr uint32_t KsAllocatorOptionSystemMemory = 0x00000002;
inline constexpr uint32_t KsAllocatorOptionValid =
    0x00000003; // KSALLOCATOR_OPTIONF_VALID
// ks.h: STATIC_KSMEMORY_TYPE_USER.
inline constexpr const char *KsMemoryTypeUser =
    "{8cb0fc28-7893-11d1-b069-00a0c9062802}";

struct FramingModel {
  uint32_t Frames = 1;
  uint32_t FrameSize = 0;
  uint32_t FileAlignment = 0; // FILE_*_ALIGNMENT: the alignment minus one
  uint32_t Flags = 0;         // KSALLOCATOR_REQUIREMENTF_* / OPTIONF_*
  std::string MemoryType;     // KSALLOCATOR_FRAMING_EX: the GUID value or name
  bool User = false;          // the framing asks for user-mode memory

  /// MemoryType is KSMEMORY_TYPE_USER (by value or by name), or User.
  bool wantsUserMemory() const;
  /// The byte alignment FileAlignment asks for (FileAlignment + 1).
  uint64_t alignment() const {
    return static_cast<uint64_t>(FileAlignment) + 1;
  }
};

/// The default allocator's validation of a creation request
/// (KsCreateDefaultAllocator); \p F.Flags are its OptionsFlags.
Status validateDefaultFraming(const FramingModel &F);

/// RequirementsFlags as the connection point states them.
struct FramingRequirements {
  bool InplaceModifier = false;
  bool SystemMemory = false; // frames must be system memory
  bool FrameIntegrity = false;
  bool MustAllocate = false;    // the pin allocates every frame it sends
  bool PreferencesOnly = false; // the flags are preferences, not requirements

  /// The pin allocates its frames itself, as a requirement.
  bool pinAllocates() const { return MustAllocate && !PreferencesOnly; }
  /// The frames must come from system memory, as a requirement.
  bool requiresSystemMemory() const { return SystemMemory && !PreferencesOnly; }
};

FramingRequirements decodeRequirements(uint32_t RequirementsFlags);

/// A KS_FRAMING_RANGE (Microsoft, "KS_FRAMING_RANGE structure"): the legal
/// frame sizes are MinFrameSize, then steps of Stepping up to MaxFrameSize;
/// a Stepping wider than MaxFrameSize - MinFrameSize is unpredictable.
struct FrameSizeRange {
  uint32_t MinFrameSize = 0, MaxFrameSize = 0, Stepping = 0;
};

/// The legal sizes of \p R: how many there are, and the
/// first and last; none when the range is empty.
struct LegalFrameSizes {
  uint64_t Count = 0;
  uint64_t First = 0, Last = 0;
};
LegalFrameSizes legalFrameSizes(const FrameSizeRange &R);

/// An allocator choosing a frame size in \p R: no size when the range is
/// empty; a step past MaxFrameSize when Stepping is wider than the range
/// (a range of one size has no step to take; a Stepping of 0 is not
/// described and is not judged). \p Name names the range.
std::vector<Violation> chooseFrameSize(const FrameSizeRange &R,
                                       const std::string &Name);

} // namespace ksref

#endif
