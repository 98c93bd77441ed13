//===- KsItemImage.cpp - KSPROPERTY_ITEM arrays as bytes
//-------------------===//
#include "KsItemImage.h"

#include "Text.h"

#include <algorithm>
#include <map>

namespace ksref {
namespace detail {

uint32_t effectiveElementSize(const ItemArray &A, const KsItemLayout &L) {
  return std::max(A.ElementSize, L.Size);
}

TableImage buildKsItemImage(const ItemArray &A, const KsItemLayout &L) {
  const uint32_t E = effectiveElementSize(A, L);
  TableImage Img(A.Name, E, A.Items.size());
  // One value per function, as one function has one address.
  std::map<std::string, unsigned> Functions;
  auto PointerOf = [&](const HandlerEffects &H, size_t Entry,
                       const char *Field) -> uint64_t {
    if (!H.present())
      return 0;
    if (!H.Callable)
      return pointers::NonFunction;
    std::string Key =
        H.Name.empty() ? fmt("<unnamed %zu %s>", Entry, Field) : H.Name;
    auto It =
        Functions.emplace(Key, static_cast<unsigned>(Functions.size())).first;
    return pointers::function(It->second, L.PointerSize);
  };
  for (size_t K = 0; K < A.Items.size(); ++K) {
    const PropertyItem &I = A.Items[K];
    const uint64_t Base = static_cast<uint64_t>(K) * E;
    Img.write32(Base + L.PropertyId, I.Id);
    Img.write32(Base + L.MinProperty, I.MinProperty);
    Img.write32(Base + L.MinData, I.MinData);
    const int Entry = static_cast<int>(K);
    Img.writePointer(Base + L.GetHandler, L.PointerSize,
                     PointerOf(I.Get, K, "get"), Entry, "GetPropertyHandler",
                     I.Get.Name, I.Get.Callable);
    Img.writePointer(Base + L.SetHandler, L.PointerSize,
                     PointerOf(I.Set, K, "set"), Entry, "SetPropertyHandler",
                     I.Set.Name, I.Set.Callable);
    Img.writePointer(Base + L.SupportHandler, L.PointerSize,
                     PointerOf(I.Support, K, "support"), Entry,
                     "SupportHandler", I.Support.Name, I.Support.Callable);
    // Values, RelationsCount, Relations, SerializedSize and private data are
    // not in the model: they stay zero.
  }
  return Img;
}

const HandlerEffects *handlerOfSlot(const ItemArray &A, const PointerSlot &S) {
  if (S.Entry < 0 || static_cast<size_t>(S.Entry) >= A.Items.size())
    return nullptr;
  const PropertyItem &I = A.Items[static_cast<size_t>(S.Entry)];
  if (S.Field == "GetPropertyHandler")
    return &I.Get;
  if (S.Field == "SetPropertyHandler")
    return &I.Set;
  if (S.Field == "SupportHandler")
    return &I.Support;
  return nullptr;
}

std::string describeKsOffset(const TableImage &Img, const KsItemLayout &L,
                             uint64_t Offset) {
  if (Offset >= Img.size())
    return fmt("offset %llu, past the end of '%s' (%llu bytes: %zu entries "
               "of %u)",
               static_cast<unsigned long long>(Offset), Img.name().c_str(),
               static_cast<unsigned long long>(Img.size()), Img.count(),
               Img.elementSize());
  const int Entry = Img.entryAt(Offset);
  const uint32_t In = Img.offsetInEntry(Offset);
  return fmt("offset %llu of '%s' (byte %u of entry %d: %s)",
             static_cast<unsigned long long>(Offset), Img.name().c_str(), In,
             Entry, ksItemFieldAt(L, In).c_str());
}

} // namespace detail
} // namespace ksref
