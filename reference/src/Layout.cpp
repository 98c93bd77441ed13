//===- Layout.cpp - KSPROPERTY_ITEM / PCPROPERTY_ITEM offsets
//--------------===//
#include "ksref/Layout.h"

#include "Text.h"

namespace ksref {

const KsItemLayout &ksPropertyItemLayout(bool Is64Bit) {
  // Member order: Microsoft's "KSPROPERTY_ITEM structure" page. Offsets
  // follow from natural alignment; the x64 total (72) is the one measured
  // with the WDK profile's headers (the test
  // KsTypes.SizesOfTheBaseItemsMatchTheWdkOnX64 in unittests/ModelTest.cpp).
  static const KsItemLayout X64{
      /*Size=*/72,           /*PointerSize=*/8,
      /*PropertyId=*/0,      /*GetHandler=*/8,
      /*MinProperty=*/16,    /*MinData=*/20,
      /*SetHandler=*/24,     /*Values=*/32,
      /*RelationsCount=*/40, /*Relations=*/48,
      /*SupportHandler=*/56, /*SerializedSize=*/64};
  static const KsItemLayout X86{
      /*Size=*/40,           /*PointerSize=*/4,
      /*PropertyId=*/0,      /*GetHandler=*/4,
      /*MinProperty=*/8,     /*MinData=*/12,
      /*SetHandler=*/16,     /*Values=*/20,
      /*RelationsCount=*/24, /*Relations=*/28,
      /*SupportHandler=*/32, /*SerializedSize=*/36};
  return Is64Bit ? X64 : X86;
}

std::string ksItemFieldAt(const KsItemLayout &L, uint32_t Off) {
  if (Off >= L.Size)
    return "private data";
  struct Field {
    uint32_t Offset, Size;
    const char *Name;
  };
  const uint32_t P = L.PointerSize;
  const Field Fields[] = {
      {L.PropertyId, 4, "PropertyId"},
      {L.GetHandler, P, "GetPropertyHandler"},
      {L.MinProperty, 4, "MinProperty"},
      {L.MinData, 4, "MinData"},
      {L.SetHandler, P, "SetPropertyHandler"},
      {L.Values, P, "Values"},
      {L.RelationsCount, 4, "RelationsCount"},
      {L.Relations, P, "Relations"},
      {L.SupportHandler, P, "SupportHandler"},
      {L.SerializedSize, 4, "SerializedSize"},
  };
  for (const Field &F : Fields)
    if (Off >= F.Offset && Off < F.Offset + F.Size)
      return F.Name;
  return "padding";
}

const PcItemLayout &pcPropertyItemLayout() {
  static const PcItemLayout L{};
  return L;
}

std::string pcItemFieldAt(uint32_t Off, bool Extended) {
  const PcItemLayout &L = pcPropertyItemLayout();
  if (Off < L.Id)
    return "Set";
  if (Off < L.Flags)
    return "Id";
  if (Off < L.Handler)
    return "Flags";
  if (Off < L.Size)
    return "Handler";
  if (!Extended)
    return "private data";
  if (Off < L.ExtMinData)
    return "MinProperty (extension)";
  if (Off < L.ExtHandlers)
    return "MinData (extension)";
  return detail::fmt("handler %u (extension)", (Off - L.ExtHandlers) / 8);
}

} // namespace ksref
