//===- BlindSpots.h - KS tables the model could not read ------------------===//
//
// A table whose declaration or initializer has compile errors is, to the KS
// runtime, still a table: the driver ships it. When clang drops or cannot
// fully analyse its initializer, the model cannot judge it, and a silent
// kstidy would read as "nothing wrong". This lists those tables so that the
// CLI can say which ones went unanalysed and why.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_BLINDSPOTS_H
#define KSTIDY_CHECKS_MODEL_BLINDSPOTS_H

#include "clang/AST/ASTContext.h"
#include <string>
#include <vector>

namespace ks {
namespace model {

struct UnanalysedTable {
  std::string Name;
  /// "property item table", "automation table", "property set table",
  /// "allocator dispatch", ...
  std::string Kind;
  std::string File;
  unsigned Line = 0, Column = 0;
  /// e.g. "its initializer has compile errors"
  std::string Reason;
};

/// Tables in user code (not system headers) whose declaration is invalid or
/// whose initializer contains errors, so the model could not (fully) analyse
/// them.
std::vector<UnanalysedTable> findUnanalysedTables(clang::ASTContext &Ctx);

/// The names (unqualified) of the KS tables user code defines in this TU,
/// analysed or not: what compiled, as opposed to tables in skipped code.
std::vector<std::string> compiledTableNames(clang::ASTContext &Ctx);

/// What kind of KS table a variable of type \p T is ("property item table",
/// "automation table", ...); empty when it is none.
std::string tableKind(clang::QualType T);

} // namespace model
} // namespace ks

#endif
