//===- AccessRule.cpp -----------------------------------------------------===//
#include "AccessRule.h"

#include <algorithm>

namespace ks {
namespace model {

bool reaches(const IdFilter &F, llvm::ArrayRef<int64_t> Named, int64_t Id) {
  if (std::binary_search(Named.begin(), Named.end(), Id))
    return std::binary_search(F.Ids.begin(), F.Ids.end(), Id);
  return F.Other;
}

bool reachesAll(const IdFilter &F, llvm::ArrayRef<int64_t> Named) {
  return F.Other && F.Ids.size() == Named.size();
}

std::optional<size_t> overrunningAccess(llvm::ArrayRef<AccessFact> Accesses,
                                        llvm::ArrayRef<int64_t> Named,
                                        HandlerBuffer Of,
                                        std::optional<int64_t> Id, uint64_t Own,
                                        llvm::ArrayRef<Sharer> Sharers) {
  std::optional<size_t> Worst;
  for (size_t I = 0; I < Accesses.size(); ++I) {
    const AccessFact &A = Accesses[I];
    if (A.Of != Of || A.Guarded)
      continue;
    if (Id ? !reaches(A.Ids, Named, *Id) : !reachesAll(A.Ids, Named))
      continue;
    // An access the id branches keep to some items belongs to each of
    // them: judged by the item's own size. One that every item reaches
    // may still belong to one of them by a test not seen here: what the
    // largest of them guarantees covers it.
    bool Covered = A.Size <= Own;
    if (reachesAll(A.Ids, Named))
      for (const Sharer &S : Sharers) {
        if (Covered)
          break;
        Covered = !S.Size || A.Size <= *S.Size;
      }
    if (!Covered && (!Worst || A.Size > Accesses[*Worst].Size))
      Worst = I;
  }
  return Worst;
}

} // namespace model
} // namespace ks
