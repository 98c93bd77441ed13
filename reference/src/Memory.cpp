//===- Memory.cpp - byte images of driver tables
//---------------------------===//
#include "ksref/Memory.h"

namespace ksref {

TableImage::TableImage(std::string Name, uint32_t ElementSize, size_t Count)
    : Name(std::move(Name)), ElementSize(ElementSize), Count(Count),
      Bytes(static_cast<size_t>(ElementSize) * Count, 0) {}

void TableImage::write32(uint64_t Offset, uint32_t Value) {
  if (!contains(Offset, 4))
    return; // the element is too small for the member: it is not stored
  for (int B = 0; B < 4; ++B) // little-endian, as on x86 and x64
    Bytes[Offset + B] = static_cast<uint8_t>(Value >> (8 * B));
}

void TableImage::writePointer(uint64_t Offset, uint32_t PointerSize,
                              uint64_t Value, int Entry, std::string Field,
                              std::string Name, bool Callable) {
  if (!contains(Offset, PointerSize))
    return;
  for (uint32_t B = 0; B < PointerSize; ++B)
    Bytes[Offset + B] = static_cast<uint8_t>(Value >> (8 * B));
  if (Value == 0)
    return;
  PointerSlot &S = Slots[Offset];
  S.Offset = Offset;
  S.Value = Value;
  S.Entry = Entry;
  S.Field = std::move(Field);
  S.Name = std::move(Name);
  S.Callable = Callable;
}

uint32_t TableImage::read32(uint64_t Offset) const {
  uint32_t V = 0;
  for (int B = 0; B < 4; ++B)
    V |= static_cast<uint32_t>(Bytes[Offset + B]) << (8 * B);
  return V;
}

DecodedPointer TableImage::readPointer(uint64_t Offset,
                                       uint32_t PointerSize) const {
  DecodedPointer D;
  if (!contains(Offset, PointerSize)) {
    D.K = DecodedPointer::PastEnd;
    return D;
  }
  for (uint32_t B = 0; B < PointerSize; ++B)
    D.Value |= static_cast<uint64_t>(Bytes[Offset + B]) << (8 * B);
  if (D.Value == 0) {
    D.K = DecodedPointer::Null;
    return D;
  }
  auto It = Slots.find(Offset);
  if (It != Slots.end() && It->second.Value == D.Value) {
    D.K = DecodedPointer::Exact;
    D.Slot = &It->second;
  } else {
    D.K = DecodedPointer::Garbage;
  }
  return D;
}

int TableImage::entryAt(uint64_t Offset) const {
  if (ElementSize == 0 || Offset >= Bytes.size())
    return -1;
  return static_cast<int>(Offset / ElementSize);
}

namespace pointers {

uint64_t function(unsigned Index, uint32_t PointerSize) {
  const uint64_t Low = 0x00001000ull + 0x10ull * Index;
  return PointerSize == 8 ? 0xFFFFF80100000000ull + Low
                          : 0x80000000ull + (Low & 0x0FFFFFFFull);
}

uint64_t guid(unsigned Index, uint32_t PointerSize) {
  const uint64_t Low = 0x00002000ull + 0x10ull * Index;
  return PointerSize == 8 ? 0xFFFFF80200000000ull + Low
                          : 0x90000000ull + (Low & 0x0FFFFFFFull);
}

} // namespace pointers

} // namespace ksref
