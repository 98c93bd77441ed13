//===- MethodDispatch.cpp - KsMethodHandler(WithAllocator) ----------------===//
//
// Each rule below cites where it comes from (URLs in docs/sources.md):
//  [KsMH]    Microsoft, "KsMethodHandler function"
//  [KsMHWA]  Microsoft, "KsMethodHandlerWithAllocator function"
//  [MITEM]   Microsoft, "KSMETHOD_ITEM structure"
//  [ROS]     facts observed in ReactOS's reimplementation of ks.sys
//            (drivers/ksfilter/ks/methods.c): behaviour only, no code.
//  [MODEL]   kstidy's modelling decision where the sources are silent
//            (reference/README.md, "Methods and events")
//
//===----------------------------------------------------------------------===//
#include "ksref/MethodDispatch.h"

#include "HandlerCall.h"
#include "ItemWalk.h"
#include "KsItemImage.h"
#include "Text.h"

#include <optional>

namespace ksref {

using detail::fmt;

namespace {

// sizeof(KSPROPERTY_DESCRIPTION), which a method's default BASICSUPPORT
// answer fills as a property's does.
constexpr uint32_t KsPropertyDescriptionSize = 40;

class MethodDispatcher {
public:
  MethodDispatcher(const std::vector<MethodSet> &Sets, uint32_t SetsCount,
                   const MethodRequest &Req, const MethodOptions &Opt)
      : Sets(Sets), SetsCount(SetsCount), Req(Req), Opt(Opt),
        L(ksMethodItemLayout(Opt.Is64Bit)) {}

  DispatchOutcome run();

private:
  void afterMatch(uint64_t Off, const MethodItemArray &A,
                  const TableImage &Img);
  void fail(Status St, uint64_t Information = 0) {
    Out.St = St;
    Out.Information = Information;
  }
  bool isSupport() const {
    return Req.Flags & (method_type::SetSupport | method_type::BasicSupport);
  }
  std::string what() const {
    return fmt("a %s of method %s/%u",
               Req.Flags & method_type::BasicSupport ? "BASICSUPPORT"
               : Req.Flags & method_type::SetSupport ? "SETSUPPORT"
                                                     : "call",
               Req.Set.c_str(), Req.Id);
  }

  const std::vector<MethodSet> &Sets;
  const uint32_t SetsCount;
  const MethodRequest &Req;
  const MethodOptions &Opt;
  const KsMethodItemLayout &L;
  uint32_t Stride = 0;
  DispatchOutcome Out;
};

DispatchOutcome MethodDispatcher::run() {
  // [KsMHWA] "On 64-bit platforms, this parameter must be a multiple of 8";
  // the page's return value section: otherwise STATUS_INVALID_PARAMETER is
  // returned and the call fails -- for every request.
  if (detail::refusesItemSize("MethodItemSize", Opt.MethodItemSize, Opt.Is64Bit,
                              "method ", Out))
    return Out;
  // [KsMHWA] "If this parameter is zero, the structure size is assumed to
  // be normal".
  Stride = Opt.MethodItemSize ? Opt.MethodItemSize : L.Size;

  // [ROS] An input shorter than sizeof(KSMETHOD) fails with
  // STATUS_INVALID_BUFFER_SIZE before any table is read.
  if (Req.MethodLength < KsMethodSize) {
    fail(Status::InvalidBufferSize);
    return Out;
  }

  // [KsMHWA] The allocator provides "a buffer for the parameters"; [MODEL]
  // it is called as KsPropertyHandlerWithAllocator calls it (the two pages
  // describe it in the same words): once, before the lookup, with the
  // request's size, and its failure ends the request.
  if (Opt.Allocator && !isSupport()) {
    const uint32_t Size = Req.MethodLength + ((Req.DataLength + 7u) & ~7u);
    Out.AllocatorCalls.push_back(Size);
    const Status St = Opt.Allocator(Size, (Req.Flags & method_type::Read) != 0);
    if (!ntSuccess(St)) {
      fail(St);
      return Out;
    }
    Out.FilterOwnedBuffer = true;
  }

  // [KsMH] It "works with all method identifiers defined by the sets": the
  // lookup every KS handler shares (ItemWalk.h).
  std::optional<TableImage> Own; // the image when Opt.Images is not given
  const detail::WalkMatch M = detail::lookUp(
      Sets, &MethodSet::MethodsCount, &MethodSet::Items, SetsCount, Req.Set,
      Req.Id, Stride, L, Opt.ContinueToLaterSets, detail::MethodNames,
      Opt.Images, Own, detail::buildKsMethodImage, ksMethodItemFieldAt, Out);
  if (M.Found)
    afterMatch(M.Offset, *Sets[M.Set].Items, *M.Image);
  return Out;
}

void MethodDispatcher::afterMatch(uint64_t Off, const MethodItemArray &A,
                                  const TableImage &Img) {
  // [MITEM] MinMethod is "the minimum size of buffer required to specify
  // the method completely". [ROS] A shorter input fails with
  // STATUS_INVALID_PARAMETER, Information = MinMethod. The sizes come from
  // the bytes the walk matched, whatever they are.
  const uint32_t MinMethod = Img.read32(Off + L.MinMethod);
  if (MinMethod > Req.MethodLength) {
    fail(Status::InvalidParameter, MinMethod);
    return;
  }
  const auto Describe = [&](uint64_t At) {
    return detail::describeOffset(
        Img, At, [&](uint32_t In) { return ksMethodItemFieldAt(L, In); });
  };

  if (isSupport()) {
    // [MITEM] SupportHandler answers the support queries. Without one,
    // [ROS] BASICSUPPORT is answered by the runtime: the item's Flags (a
    // ULONG; a shorter output fails with STATUS_INVALID_PARAMETER) and,
    // given room, a KSPROPERTY_DESCRIPTION; [MODEL] SETSUPPORT succeeds.
    const detail::SlotRead R = detail::readHandlerSlot(
        Img, Off + L.SupportHandler, L.PointerSize, what(), "SupportHandler",
        Out.EntryIndex, A.Name, Describe, Out);
    if (R.K == detail::SlotRead::Faulted)
      return;
    if (R.K == detail::SlotRead::Null) {
      if (!(Req.Flags & method_type::BasicSupport))
        fail(Status::Success);
      else if (Req.DataLength < 4)
        fail(Status::InvalidParameter);
      else
        fail(Status::Success, Req.DataLength >= KsPropertyDescriptionSize
                                  ? KsPropertyDescriptionSize
                                  : 4);
      return;
    }
    const HandlerEffects *H = detail::handlerOfSlot(A, *R.Slot);
    if (!H) {
      fail(Status::Unsuccessful);
      return;
    }
    detail::callHandler({*H, "KSMETHOD_ITEM_IRP_STORAGE", "method",
                         Req.MethodLength, Req.DataLength, Stride, false, true,
                         true, Opt.Allocator, Img, Off, Describe},
                        Out);
    return;
  }

  // [MITEM] MinData is "the minimum size buffer required to specify the
  // method data buffer". [ROS] A shorter Data buffer fails with Information
  // = MinData; [MODEL] with the statuses of the property handler's size
  // query (STATUS_BUFFER_OVERFLOW for no buffer, else
  // STATUS_BUFFER_TOO_SMALL), where ReactOS answers STATUS_MORE_ENTRIES.
  const uint32_t MinData = Img.read32(Off + L.MinData);
  if (MinData > Req.DataLength) {
    fail(Req.DataLength == 0 ? Status::BufferOverflow : Status::BufferTooSmall,
         MinData);
    return;
  }

  // [MITEM] MethodHandler, in a union with "MethodSupported: Specifies if
  // this method is supported or not". [MODEL] A NULL one: the method is not
  // supported, STATUS_NOT_FOUND.
  const detail::SlotRead R = detail::readHandlerSlot(
      Img, Off + L.MethodHandler, L.PointerSize, what(), "MethodHandler",
      Out.EntryIndex, A.Name, Describe, Out);
  if (R.K == detail::SlotRead::Faulted)
    return;
  if (R.K == detail::SlotRead::Null) {
    fail(Status::NotFound);
    return;
  }
  const HandlerEffects *H = detail::handlerOfSlot(A, *R.Slot);
  if (!H) {
    fail(Status::Unsuccessful);
    return;
  }
  // [MITEM] Flags: READ, the parameters are read from Data; WRITE, written
  // to it; MODIFY, both; NONE, Data is not expected to be used.
  const uint32_t Mode = Req.Flags & method_type::Modify;
  const bool In = Mode & method_type::Read;
  const bool OutData = (Mode & method_type::Write) || Mode == 0;
  detail::callHandler({*H, "KSMETHOD_ITEM_IRP_STORAGE", "method",
                       Req.MethodLength, Req.DataLength, Stride, In, OutData,
                       OutData, Opt.Allocator, Img, Off, Describe},
                      Out);
}

} // namespace

DispatchOutcome dispatchMethod(const std::vector<MethodSet> &Sets,
                               uint32_t MethodSetsCount,
                               const MethodRequest &Req,
                               const MethodOptions &Opt) {
  return MethodDispatcher(Sets, MethodSetsCount, Req, Opt).run();
}

} // namespace ksref
