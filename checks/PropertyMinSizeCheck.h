//===- PropertyMinSizeCheck.h - ks-property-min-size -----------------------===//
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

namespace ks {

class PropertyMinSizeCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;

private:
  void check(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  void checkKsEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);
  void checkPcEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);
  void noteAccess(const clang::Expr *Where, llvm::StringRef Handler,
                  llvm::StringRef Verb, uint64_t Size, clang::QualType T,
                  clang::ASTContext &Ctx);
};

} // namespace ks

#endif
