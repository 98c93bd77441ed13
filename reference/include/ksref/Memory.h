//===- ksref/Memory.h - a driver table as the runtime reads it ---*- C++
//-*-===//
//
// The KS runtime walks a driver's item array through a pointer and a stride
// (KsPropertyHandlerWithAllocator's PropertyItemSize, PCAUTOMATION_TABLE's
// PropertyItemSize: Microsoft's pages of both, docs/sources.md); it never
// sees the C type of the array. To replay that faithfully, ksref lays the
// array out as bytes, exactly as the compiler would (entry k at
// k * ElementSize, members at the offsets of ksref/Layout.h, private data of
// extended elements zero), and decodes "item i" from byte i * stride,
// whatever lies there.
//
// Pointers are stored as recognisable values: every function pointer the
// driver wrote into a slot gets its own non-zero value, so decoding a pointer
// tells whether it is exactly one of the driver's handlers (the 8 bytes at a
// handler slot), NULL, or bytes of something else (a garbage pointer).
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_MEMORY_H
#define KSREF_MEMORY_H

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ksref {

/// A pointer the driver wrote into the table.
struct PointerSlot {
  uint64_t Offset = 0;  // byte offset in the image
  uint64_t Value = 0;   // the value stored (never 0)
  int Entry = -1;       // the array entry it belongs to
  std::string Field;    // "GetPropertyHandler", "Set", ...
  std::string Name;     // the function or GUID it designates
  bool Callable = true; // false: a non-function value in a function slot
};

/// What 4 or 8 bytes read as a pointer turned out to be.
struct DecodedPointer {
  enum Kind { Null, Exact, Garbage, PastEnd } K = Null;
  uint64_t Value = 0;
  const PointerSlot *Slot = nullptr; // for Exact
};

class TableImage {
public:
  TableImage(std::string Name, uint32_t ElementSize, size_t Count);

  const std::string &name() const { return Name; }
  uint32_t elementSize() const { return ElementSize; }
  size_t count() const { return Count; }
  uint64_t size() const { return Bytes.size(); }

  void write32(uint64_t Offset, uint32_t Value);
  /// Stores a pointer (4 or 8 bytes) and remembers its slot.
  void writePointer(uint64_t Offset, uint32_t PointerSize, uint64_t Value,
                    int Entry, std::string Field, std::string Name,
                    bool Callable = true);

  /// [Offset, Offset + Length) lies inside the image.
  bool contains(uint64_t Offset, uint64_t Length) const {
    return Offset <= Bytes.size() && Length <= Bytes.size() - Offset;
  }
  uint32_t read32(uint64_t Offset) const; // requires contains(Offset, 4)
  DecodedPointer readPointer(uint64_t Offset, uint32_t PointerSize) const;

  bool isEntryStart(uint64_t Offset) const {
    return ElementSize != 0 && Offset % ElementSize == 0 &&
           Offset / ElementSize < Count;
  }
  /// The entry whose bytes include \p Offset (-1 past the image).
  int entryAt(uint64_t Offset) const;
  uint32_t offsetInEntry(uint64_t Offset) const {
    return ElementSize ? static_cast<uint32_t>(Offset % ElementSize) : 0;
  }

private:
  std::string Name;
  uint32_t ElementSize;
  size_t Count;
  std::vector<uint8_t> Bytes;
  std::map<uint64_t, PointerSlot> Slots;
};

/// Images of tables that many requests are dispatched against (a replay
/// asks a few questions per item), each built once instead of per request.
/// Keyed by the table's address and the layout it is built with: the caller
/// keeps the tables alive and unchanged while the cache is used. Not
/// thread-safe: one cache per thread of requests.
class ImageCache {
public:
  const TableImage &get(const void *Table, uint64_t Layout,
                        const std::function<TableImage()> &Build) {
    auto It = Images.find({Table, Layout});
    if (It == Images.end())
      It = Images.emplace(std::make_pair(Table, Layout), Build()).first;
    return It->second;
  }
  size_t size() const { return Images.size(); }

private:
  std::map<std::pair<const void *, uint64_t>, TableImage> Images;
};

/// The values ksref stores for pointers: distinct, non-zero, and looking
/// like kernel addresses (so that their halves read as ids or sizes are
/// large numbers, as real pointer bytes would be).
namespace pointers {
uint64_t function(unsigned Index, uint32_t PointerSize);
uint64_t guid(unsigned Index, uint32_t PointerSize);
/// A non-function value in a function slot (a BOOLEAN TRUE, a flag).
inline constexpr uint64_t NonFunction = 1;
} // namespace pointers

} // namespace ksref

#endif
