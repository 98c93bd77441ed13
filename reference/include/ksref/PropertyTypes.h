//===- ksref/PropertyTypes.h - property tables and requests -----*- C++ -*-===//
//
// The driver's property tables as the static model records them (kstidy
// --export-model: "itemArrays", "setTables", "handlers"; docs/model.md) and
// the requests ksref replays against them.
//
//===----------------------------------------------------------------------===//
#ifndef KSREF_PROPERTYTYPES_H
#define KSREF_PROPERTYTYPES_H

#include "ksref/Status.h"
#include "ksref/Violation.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ksref {

// What a handler does, as the static model recorded it (kstidy --export-model
// "handlers").
struct HandlerEffects {
  std::string Name;     // empty = NULL handler
  bool Present = false; // non-NULL (may be a non-function value)
  uint32_t PropertyRead =
      0; // bytes it reads of the property buffer (0: only the KSPROPERTY)
  uint32_t DataAccess =
      0; // bytes it reads/writes through Data (GET writes, SET reads)
  bool ChecksPropertyLength =
      false; // it checks the property buffer's length before reading
             // PropertyRead bytes (then it fails instead of overrunning)
  bool ChecksDataLength =
      false; // it checks the Data buffer's length before DataAccess (then
             // it fails with BufferTooSmall/BufferOverflow instead)
  uint32_t ItemStorageRead =
      0; // bytes it reads from KSPROPERTY_ITEM_IRP_STORAGE (0: none);
         // > the item size dispatched => out of bounds
  // --- ksref additions (defaulted; appended so positional initializers of
  // the fields above keep working) ---
  bool Callable = true; // false: the slot holds a non-function value
                        // (model export: {"name": "<expression>"})
  uint32_t EntryExtraAccess =
      0; // an event AddHandler: bytes it accesses after the KSEVENT_ENTRY
         // (> the item's ExtraEntryData => past the allocation)

  /// Non-NULL: Present, or a name was recorded.
  bool present() const { return Present || !Name.empty(); }
};

struct PropertyItem { // one entry of an item array
  uint32_t Id = 0;
  uint32_t MinProperty = 0;
  uint32_t MinData = 0;
  HandlerEffects Get, Set, Support;
};

struct ItemArray { // the array as laid out in memory
  std::string Name;
  uint32_t ElementSize = 72; // sizeof the element on the platform replayed
                             // (x64 plain item: 72; x86 plain item: 40)
  std::vector<PropertyItem> Items;
};

// KSFASTPROPERTY_ITEM (Microsoft's "KSFASTPROPERTY_ITEM structure" page):
// PropertyId, a get and a set fast handler.
struct FastPropertyItem {
  uint32_t Id = 0;
  HandlerEffects Get, Set;
};

struct PropertySet {
  std::string Guid; // identity of the set (name or value)
  uint32_t PropertiesCount =
      0; // the count the table declares (may differ from Items->Items.size())
  const ItemArray *Items = nullptr; // nullptr = NULL pointer
  // --- ksref additions: the fast I/O table of the set entry ---
  uint32_t FastIoCount = 0;
  const std::vector<FastPropertyItem> *FastItems = nullptr; // nullptr = NULL
};

// KSPROPERTY_TYPE_* (ks.h).
enum class Verb : uint32_t {
  Get = 1,
  Set = 2,
  SetSupport = 0x100,
  BasicSupport = 0x200
};
const char *verbName(Verb V); // "GET", "SET", "SETSUPPORT", "BASICSUPPORT"

struct PropertyRequest {
  std::string Set;
  uint32_t Id = 0;
  Verb V = Verb::Get;
  uint32_t PropertyLength = 24; // input buffer (KSPROPERTY is 24 bytes on x64)
  uint32_t DataLength = 0;      // output/data buffer length
};

struct DispatchOutcome {
  Status St = Status::Success;
  uint64_t Information = 0;
  int SetIndex = -1; // what the lookup matched (-1 none)
  int ItemIndex =
      -1; // the walk index i of the matched item (item i is read at i * stride)
  std::string HandlerCalled;         // "" none
  std::vector<Violation> Violations; // out-of-bounds accesses, reads past
                                     // tables, NULL/garbage handler calls...
  // --- ksref additions ---
  bool FilterOwnedBuffer =
      false; // a custom allocator provided the buffer: IRP_DEALLOCATE_BUFFER
             // is not set, the filter must free it
             // (KsPropertyHandlerWithAllocator)
  std::vector<uint32_t>
      AllocatorCalls; // BufferSize of each call of the custom allocator
  int EntryIndex =
      -1; // the array entry the matched item was decoded from; -1 when
          // it was decoded from the middle of an entry (wrong stride)
  bool Faulted =
      false; // the runtime called or read through a garbage/NULL pointer:
             // on Windows this request bugchecks; St is then Unsuccessful
  std::string ExtHandlerCalled; // PortCls extended items: the extension handler
                                // the driver's generic handler called ("" none)
};

struct DispatchOptions {
  uint32_t PropertyItemSize = 0; // 0 = sizeof(KSPROPERTY_ITEM)=72 (40 on x86)
  bool Is64Bit = true;
  // Allocator (KsPropertyHandlerWithAllocator): nullptr = none. Called for
  // GET/SET with the total size; a failure status is returned unchanged.
  std::function<Status(uint32_t Size, bool IsGet)> Allocator;
  // --- ksref additions ---
  // false (default; kstidy's modelling decision, no Microsoft page says:
  // reference/README.md, "Where the sources disagree"): the first set entry
  // whose GUID matches is the only one searched. true: a set entry whose
  // items lack the id is followed by later entries with the same GUID, as
  // ReactOS's reimplementation of ks.sys walks them (its nested loop only
  // stops at an item match).
  bool ContinueToLaterSets = false;
  // Built item-array images, shared by the requests of one replay; nullptr:
  // each request builds its own (see ksref/Memory.h, ImageCache).
  class ImageCache *Images = nullptr;
};

} // namespace ksref

#endif
