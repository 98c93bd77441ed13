//===- AccessRule.h - Is an item's buffer overrun by its handler? ---------===//
//
// The judgement of ks-property-min-size on plain facts, so that the check
// (one translation unit, facts from the AST) and kstidy's whole-driver join
// (a table in one TU, its handler in another, facts from summaries) decide
// alike.
//
// A handler that branches on the item id (`switch (Property->Id)`,
// `if (PropertyRequest->PropertyItem->Id == ...)`) runs each access for some
// ids only. The ids its branches name are its named ids; which of them
// reach an access, and whether the others do, is the access's IdFilter.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_ACCESSRULE_H
#define KSTIDY_CHECKS_MODEL_ACCESSRULE_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <optional>
#include <vector>

namespace ks {
namespace model {

/// The buffer of a property request that an access goes through: the
/// property argument (the IRP's input: KSPROPERTY and what follows it) or
/// Data (the IRP's output; PortCls: PropertyRequest->Value).
enum class HandlerBuffer { Property, Data };

/// Which item ids reach an access.
struct IdFilter {
  /// Ids that no branch of the handler names reach it.
  bool Other = true;
  /// The named ids that reach it, sorted.
  std::vector<int64_t> Ids;
};

/// Whether \p F lets item \p Id reach its access; \p Named: the handler's
/// named ids, sorted.
bool reaches(const IdFilter &F, llvm::ArrayRef<int64_t> Named, int64_t Id);
/// Whether every item reaches it (no branch on the id keeps any out).
bool reachesAll(const IdFilter &F, llvm::ArrayRef<int64_t> Named);

/// One access of a handler to a buffer.
struct AccessFact {
  HandlerBuffer Of = HandlerBuffer::Data;
  uint64_t Size = 0;
  /// A check of this buffer's own length comes first on every path to it.
  bool Guarded = false;
  IdFilter Ids;
};

/// An item whose handler is the one judged: its id (nothing: not a
/// constant) and the size the runtime guarantees it (nothing: not a
/// constant, which could be anything).
struct Sharer {
  std::optional<int64_t> Id;
  std::optional<uint64_t> Size;
};

/// The access that overruns what the runtime guarantees the item \p Id
/// (\p Own bytes of buffer \p Of): of the unguarded accesses to \p Of that
/// the item reaches (an unknown id: those every item reaches), the largest
/// that is larger than \p Own, where an access that every item reaches
/// must also be larger than what each of the \p Sharers guarantees: which
/// item such an access belongs to is a question of paths (a test of the
/// request not seen as a branch on the id), so the largest size among the
/// items covers it. Returns its index in \p Accesses.
std::optional<size_t> overrunningAccess(llvm::ArrayRef<AccessFact> Accesses,
                                        llvm::ArrayRef<int64_t> Named,
                                        HandlerBuffer Of,
                                        std::optional<int64_t> Id, uint64_t Own,
                                        llvm::ArrayRef<Sharer> Sharers);

} // namespace model
} // namespace ks

#endif
