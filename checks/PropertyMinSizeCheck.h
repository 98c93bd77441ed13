//===- PropertyMinSizeCheck.h - ks-property-min-size
//-----------------------===//
//
// ks.sys checks a request's buffers against the item's MinProperty and
// MinData before it calls the handler (MinData 0: no check at all); PortCls
// checks nothing. A handler that reads or writes more than the declared
// minimum, without checking the length itself, overruns the caller's buffer.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYMINSIZECHECK_H
#define KSTIDY_CHECKS_PROPERTYMINSIZECHECK_H

#include "KsModelCheck.h"

#include "llvm/ADT/DenseMap.h"

namespace ks {

class PropertyMinSizeCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  void checkKsEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);
  void checkPcEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);
  /// A handler shared by several items (one handler per set, switching on
  /// the id, is common) is judged against the largest size any of its items
  /// declares: which access belongs to which item is a question of paths.
  uint64_t largestDeclared(
      const llvm::DenseMap<const clang::FunctionDecl *, uint64_t> &Map,
      const model::HandlerRef &H, uint64_t Own) const;
  void collectShared(const model::KsModel &Model, clang::ASTContext &Ctx);

  llvm::DenseMap<const clang::FunctionDecl *, uint64_t> SharedMinData;
  llvm::DenseMap<const clang::FunctionDecl *, uint64_t> SharedMinProperty;
  llvm::DenseMap<const clang::FunctionDecl *, uint64_t> SharedExtMinData;

  void noteAccess(const clang::Expr *Where, llvm::StringRef Handler,
                  llvm::StringRef Verb, uint64_t Size, clang::QualType T,
                  clang::ASTContext &Ctx);
};

} // namespace ks

#endif
