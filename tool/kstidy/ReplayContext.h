//===- ReplayContext.h - What the replay of one translation unit shares ---===//
//
// The replay of a translation unit runs domain by domain (ReplayDomains.h);
// they share what this header holds: the export's locations as line spans,
// the handlers the static model saw, the one table that names the check a
// runtime observation confirms, and the report that keeps one finding per
// check and line.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_TOOL_REPLAYCONTEXT_H
#define KSTIDY_TOOL_REPLAYCONTEXT_H

#include "ModelSchema.h"
#include "Replay.h"

#include "ksref/PropertyTypes.h"

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ks {
namespace replay {

/// The lines an entity spans in a file; no file: unknown, never reported.
struct Span {
  std::string File;
  unsigned Line = 0, EndLine = 0;

  bool known() const { return !File.empty(); }
};

/// A location of the export, through \p End when given.
Span span(const schema::Loc &Where, const schema::Loc *End = nullptr);
/// A location the export writes for some objects only.
Span span(const schema::Field<schema::Location> &Where);
/// \p Where when its file is known, else \p Fallback.
Span orElse(const Span &Where, const Span &Fallback);

/// A number of the export as the runtime's 32-bit value.
uint32_t u32(const std::optional<int64_t> &V, uint32_t Default = 0);
uint32_t u32(const schema::Field<int64_t> &V, uint32_t Default = 0);

/// An item entry whose id or sizes the runtime reads are unknown: written
/// with compile errors, or not a constant the model could evaluate. No
/// request is replayed against it (never a guess).
bool entryUnknown(const schema::ItemArray &A, const schema::ItemEntry &E);

/// What a runtime observation is evidence of.
enum class Evidence {
  ItemSize,
  DuplicateId,
  SetCount,
  MinSize,
  MissingHandler,
  AllocatorCallbacks,
  AllocatorContext,
  AllocateNullOnFailure,
  UserModeFrames,
};
/// The static check that \p E confirms: the one place the replay names
/// checks (ksref's violations carry the same names).
const char *checkName(Evidence E);
/// \p V is evidence of \p E.
bool is(const ksref::Violation &V, Evidence E);

/// sizeof(KSPROPERTY_ITEM) on x64 and sizeof(PCPROPERTY_ITEM), as ksref lays
/// them out.
uint32_t ksItemSize();
uint32_t pcItemSize();
/// KSPIN_DESCRIPTOR_EX Flags: KSPIN_FLAG_DENY_USERMODE_ACCESS.
inline constexpr uint32_t KsPinFlagDenyUserModeAccess = 0x80000000u;

/// The replay of one translation unit: its export, the handlers the static
/// model saw, and the findings.
class TuContext {
public:
  /// The handlers of every TU of the export by name; null for a name two
  /// different definitions share (static functions of two files).
  using RunHandlers = std::map<std::string, const schema::HandlerFacts *>;

  TuContext(const schema::TranslationUnit &Tu, std::vector<RuntimeFinding> &Out,
            const RunHandlers *Run = nullptr);

  const schema::TranslationUnit &Tu;
  /// The arrays every TU of the export defines, by name, with their bound;
  /// nullopt for a name two different definitions share. A count beside
  /// an array its TU declares without a bound is walked against it.
  using RunArrays = std::map<std::string, std::optional<int64_t>>;
  const RunArrays *Arrays = nullptr;

  /// The handler in a slot, with what the static model saw it do when it
  /// is a known handler; NULL when \p H is.
  /// With \p ItemId, what the handler does on the paths that item reaches
  /// (when the export has the handler's accesses by item id).
  ksref::HandlerEffects
  handler(const schema::Handler *H,
          std::optional<int64_t> ItemId = std::nullopt) const;
  ksref::HandlerEffects
  handler(const schema::Field<schema::Handler> &H,
          std::optional<int64_t> ItemId = std::nullopt) const {
    return handler(H.get(), ItemId);
  }
  ksref::HandlerEffects
  handler(const std::optional<schema::Handler> &H,
          std::optional<int64_t> ItemId = std::nullopt) const {
    return handler(H ? &*H : nullptr, ItemId);
  }
  /// Where a handler reads the per-IRP item storage, when the model saw it.
  const Span *storageRead(const std::string &Handler) const;

  /// Records a finding unless its place is unknown or the check already has
  /// one on that line.
  void report(const char *Check, const Span &Where, std::string What,
              std::string Request);
  void report(Evidence E, const Span &Where, std::string What,
              std::string Request) {
    report(checkName(E), Where, std::move(What), std::move(Request));
  }
  void report(const ksref::Violation &V, const Span &Where,
              std::string Request) {
    report(V.Check.c_str(), Where, V.What, std::move(Request));
  }

private:
  struct HandlerInfo {
    ksref::HandlerEffects Effects;
    Span StorageRead;
    const schema::HandlerFacts *Facts = nullptr;
  };
  std::map<std::string, HandlerInfo> Handlers;
  const RunHandlers *Run;
  std::vector<RuntimeFinding> &Findings;
  std::set<std::tuple<std::string, std::string, unsigned>> Seen;
};

} // namespace replay
} // namespace ks

#endif
