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

namespace {

/// The pointer values of one image's handlers: one value per function, as
/// one function has one address.
class FunctionPointers {
public:
  explicit FunctionPointers(uint32_t PointerSize) : PointerSize(PointerSize) {}
  uint64_t of(const HandlerEffects &H, size_t Entry, const char *Field) {
    if (!H.present())
      return 0;
    if (!H.Callable)
      return pointers::NonFunction;
    std::string Key =
        H.Name.empty() ? fmt("<unnamed %zu %s>", Entry, Field) : H.Name;
    auto It =
        Functions.emplace(Key, static_cast<unsigned>(Functions.size())).first;
    return pointers::function(It->second, PointerSize);
  }
  /// Writes \p H's pointer into field \p Field of entry \p Entry.
  void write(TableImage &Img, uint64_t Offset, const HandlerEffects &H,
             size_t Entry, const char *Field) {
    Img.writePointer(Offset, PointerSize, of(H, Entry, Field),
                     static_cast<int>(Entry), Field, H.Name, H.Callable);
  }

private:
  uint32_t PointerSize;
  std::map<std::string, unsigned> Functions;
};

} // namespace

TableImage buildKsItemImage(const ItemArray &A, const KsItemLayout &L) {
  const uint32_t E = effectiveElementSize(A, L);
  TableImage Img(A.Name, E, A.Items.size());
  FunctionPointers Functions(L.PointerSize);
  auto PointerOf = [&](const HandlerEffects &H, size_t Entry,
                       const char *Field) {
    return Functions.of(H, Entry, Field);
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

TableImage buildKsMethodImage(const MethodItemArray &A,
                              const KsMethodItemLayout &L) {
  const uint32_t E = std::max(A.ElementSize, L.Size);
  TableImage Img(A.Name, E, A.Items.size());
  FunctionPointers Functions(L.PointerSize);
  for (size_t K = 0; K < A.Items.size(); ++K) {
    const MethodItem &I = A.Items[K];
    const uint64_t Base = static_cast<uint64_t>(K) * E;
    Img.write32(Base + L.MethodId, I.Id);
    Img.write32(Base + L.MinMethod, I.MinMethod);
    Img.write32(Base + L.MinData, I.MinData);
    Img.write32(Base + L.Flags, I.Flags);
    Functions.write(Img, Base + L.MethodHandler, I.Handler, K, "MethodHandler");
    Functions.write(Img, Base + L.SupportHandler, I.Support, K,
                    "SupportHandler");
  }
  return Img;
}

TableImage buildKsEventImage(const EventItemArray &A,
                             const KsEventItemLayout &L) {
  const uint32_t E = std::max(A.ElementSize, L.Size);
  TableImage Img(A.Name, E, A.Items.size());
  FunctionPointers Functions(L.PointerSize);
  for (size_t K = 0; K < A.Items.size(); ++K) {
    const EventItem &I = A.Items[K];
    const uint64_t Base = static_cast<uint64_t>(K) * E;
    Img.write32(Base + L.EventId, I.Id);
    Img.write32(Base + L.DataInput, I.DataInput);
    Img.write32(Base + L.ExtraEntryData, I.ExtraEntryData);
    Functions.write(Img, Base + L.AddHandler, I.Add, K, "AddHandler");
    Functions.write(Img, Base + L.RemoveHandler, I.Remove, K, "RemoveHandler");
    Functions.write(Img, Base + L.SupportHandler, I.Support, K,
                    "SupportHandler");
  }
  return Img;
}

const HandlerEffects *handlerOfSlot(const MethodItemArray &A,
                                    const PointerSlot &S) {
  if (S.Entry < 0 || static_cast<size_t>(S.Entry) >= A.Items.size())
    return nullptr;
  const MethodItem &I = A.Items[static_cast<size_t>(S.Entry)];
  if (S.Field == "MethodHandler")
    return &I.Handler;
  if (S.Field == "SupportHandler")
    return &I.Support;
  return nullptr;
}

const HandlerEffects *handlerOfSlot(const EventItemArray &A,
                                    const PointerSlot &S) {
  if (S.Entry < 0 || static_cast<size_t>(S.Entry) >= A.Items.size())
    return nullptr;
  const EventItem &I = A.Items[static_cast<size_t>(S.Entry)];
  if (S.Field == "AddHandler")
    return &I.Add;
  if (S.Field == "RemoveHandler")
    return &I.Remove;
  if (S.Field == "SupportHandler")
    return &I.Support;
  return nullptr;
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
  return describeOffset(Img, Offset,
                        [&](uint32_t In) { return ksItemFieldAt(L, In); });
}

std::string
describeOffset(const TableImage &Img, uint64_t Offset,
               const std::function<std::string(uint32_t)> &FieldAt) {
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
             Entry, FieldAt(In).c_str());
}

} // namespace detail
} // namespace ksref
