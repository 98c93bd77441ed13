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

namespace {

struct Field {
  uint32_t Offset, Size;
  const char *Name;
};

template <size_t N>
std::string fieldAt(const Field (&Fields)[N], uint32_t ItemSize, uint32_t Off) {
  if (Off >= ItemSize)
    return "private data";
  for (const Field &F : Fields)
    if (Off >= F.Offset && Off < F.Offset + F.Size)
      return F.Name;
  return "padding";
}

} // namespace

std::string ksItemFieldAt(const KsItemLayout &L, uint32_t Off) {
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
  return fieldAt(Fields, L.Size, Off);
}

const KsMethodItemLayout &ksMethodItemLayout(bool Is64Bit) {
  // Member order: Microsoft's "KSMETHOD_ITEM structure" page; natural
  // alignment; the x64 total (40) is measured (KsTypes test, above).
  static const KsMethodItemLayout X64{
      /*Size=*/40,           /*PointerSize=*/8, /*MethodId=*/0,
      /*MethodHandler=*/8,   /*MinMethod=*/16,  /*MinData=*/20,
      /*SupportHandler=*/24, /*Flags=*/32};
  static const KsMethodItemLayout X86{
      /*Size=*/24,           /*PointerSize=*/4, /*MethodId=*/0,
      /*MethodHandler=*/4,   /*MinMethod=*/8,   /*MinData=*/12,
      /*SupportHandler=*/16, /*Flags=*/20};
  return Is64Bit ? X64 : X86;
}

const KsEventItemLayout &ksEventItemLayout(bool Is64Bit) {
  // Member order: Microsoft's "KSEVENT_ITEM structure" page; three ULONGs,
  // then three pointers (aligned to 8 on x64: 4 bytes of padding at 12).
  static const KsEventItemLayout X64{
      /*Size=*/40,          /*PointerSize=*/8,    /*EventId=*/0,
      /*DataInput=*/4,      /*ExtraEntryData=*/8, /*AddHandler=*/16,
      /*RemoveHandler=*/24, /*SupportHandler=*/32};
  static const KsEventItemLayout X86{
      /*Size=*/24,          /*PointerSize=*/4,    /*EventId=*/0,
      /*DataInput=*/4,      /*ExtraEntryData=*/8, /*AddHandler=*/12,
      /*RemoveHandler=*/16, /*SupportHandler=*/20};
  return Is64Bit ? X64 : X86;
}

std::string ksMethodItemFieldAt(const KsMethodItemLayout &L, uint32_t Off) {
  const uint32_t P = L.PointerSize;
  const Field Fields[] = {
      {L.MethodId, 4, "MethodId"},
      {L.MethodHandler, P, "MethodHandler"},
      {L.MinMethod, 4, "MinMethod"},
      {L.MinData, 4, "MinData"},
      {L.SupportHandler, P, "SupportHandler"},
      {L.Flags, 4, "Flags"},
  };
  return fieldAt(Fields, L.Size, Off);
}

std::string ksEventItemFieldAt(const KsEventItemLayout &L, uint32_t Off) {
  const uint32_t P = L.PointerSize;
  const Field Fields[] = {
      {L.EventId, 4, "EventId"},
      {L.DataInput, 4, "DataInput"},
      {L.ExtraEntryData, 4, "ExtraEntryData"},
      {L.AddHandler, P, "AddHandler"},
      {L.RemoveHandler, P, "RemoveHandler"},
      {L.SupportHandler, P, "SupportHandler"},
  };
  return fieldAt(Fields, L.Size, Off);
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
