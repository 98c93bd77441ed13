//===- PropertyItemSizeCheck.h - ks-property-item-size
//---------------------===//
//
// The item size handed to the KS runtime (KsPropertyHandlerWithAllocator &
// co., KSAUTOMATION_TABLE / PCAUTOMATION_TABLE) is the stride it walks the
// item arrays with. A wrong value compiles and fails at run time: on 64-bit
// Windows a size that is not a multiple of 8 fails every request with
// STATUS_INVALID_PARAMETER; a size that differs from the entries the sets
// point at makes the runtime read ids and handlers from the wrong offsets;
// and a handler that reads an extended item through KSPROPERTY_ITEM_IRP_STORAGE
// while its table is dispatched as plain items reads past the item.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYITEMSIZECHECK_H
#define KSTIDY_CHECKS_PROPERTYITEMSIZECHECK_H

#include "KsModelCheck.h"

namespace ks {

class PropertyItemSizeCheck : public KsModelCheck {
public:
  PropertyItemSizeCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  void checkSite(const model::KsModel &Model, const model::ItemSizeSite &S,
                 clang::ASTContext &Ctx);
  void checkStorageCast(const model::KsModel &Model,
                        const model::ItemStorageCast &C,
                        clang::ASTContext &Ctx);

  /// Apply the 64-bit "multiple of 8" rule even when the TU targets a 32-bit
  /// platform: driver sources are built for both.
  const bool Assume64Bit;
};

} // namespace ks

#endif
