//===- ksref/MethodDispatch.h - KsMethodHandler(WithAllocator) --*- C++ -*-===//
//
// What ks.sys does with a driver's KSMETHOD_SET table when a method request
// (IOCTL_KS_METHOD) arrives: KsMethodHandler, and
// KsMethodHandlerWithAllocator with its Allocator and MethodItemSize. The
// lookup is the property handler's (same set walk, same stride rule); the
// item is a KSMETHOD_ITEM. See reference/README.md for the rules, their
// sources and what is not modelled.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_METHODDISPATCH_H
#define KSREF_METHODDISPATCH_H

#include "ksref/PropertyTypes.h"

namespace ksref {

/// KSMETHOD_TYPE_* (ks.h; Microsoft's "KSMETHOD_ITEM structure" and
/// "KSMETHOD" pages): the request type in KSMETHOD.Flags and an item's
/// Flags.
namespace method_type {
inline constexpr uint32_t None = 0x0;
inline constexpr uint32_t Read = 0x1; // also KSMETHOD_TYPE_SEND
inline constexpr uint32_t Write = 0x2;
inline constexpr uint32_t Modify = 0x3;
inline constexpr uint32_t Source = 0x4;
inline constexpr uint32_t SetSupport = 0x100;
inline constexpr uint32_t BasicSupport = 0x200;
} // namespace method_type

struct MethodItem { // one KSMETHOD_ITEM
  uint32_t Id = 0;
  uint32_t MinMethod = 0;
  uint32_t MinData = 0;
  uint32_t Flags = 0; // KSMETHOD_TYPE_* of the item
  HandlerEffects Handler, Support;
};

struct MethodItemArray {
  std::string Name;
  uint32_t ElementSize = 40; // x64 KSMETHOD_ITEM: 40; x86: 24
  std::vector<MethodItem> Items;
};

struct MethodSet { // one KSMETHOD_SET
  std::string Guid;
  uint32_t MethodsCount = 0;
  const MethodItemArray *Items = nullptr; // nullptr = NULL pointer
};

struct MethodRequest {
  std::string Set;
  uint32_t Id = 0;
  uint32_t Flags = method_type::None; // KSMETHOD.Flags
  uint32_t MethodLength = 24;         // input buffer (KSMETHOD: 24 bytes)
  uint32_t DataLength = 0;            // the Data buffer
};

struct MethodOptions {
  uint32_t MethodItemSize = 0; // 0 = sizeof(KSMETHOD_ITEM)
  bool Is64Bit = true;
  /// Allocator (KsMethodHandlerWithAllocator): nullptr = none. Called with
  /// the size of the parameters; a failure status is returned unchanged.
  std::function<Status(uint32_t Size, bool IsInput)> Allocator;
  bool ContinueToLaterSets = false; // as DispatchOptions
  class ImageCache *Images = nullptr;
};

/// Replays \p Req against the first \p MethodSetsCount entries of \p Sets
/// (KsMethodHandlerWithAllocator(Irp, MethodSetsCount, Sets, Allocator,
/// MethodItemSize)). Information is what the handler wrote (0 on failure,
/// or the size needed when a minimum is not met).
DispatchOutcome dispatchMethod(const std::vector<MethodSet> &Sets,
                               uint32_t MethodSetsCount,
                               const MethodRequest &Req,
                               const MethodOptions &Opt);

} // namespace ksref

#endif
