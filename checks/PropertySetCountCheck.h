//===- PropertySetCountCheck.h - ks-property-set-count
//---------------------===//
//
// The KS runtime trusts the counts beside its tables: PropertiesCount and
// FastIoCount in a set, PropertySetsCount in an automation table or passed to
// KsPropertyHandler, PropertyCount in a PCAUTOMATION_TABLE. A count larger
// than the array reads past its end; a smaller one hides the last entries.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYSETCOUNTCHECK_H
#define KSTIDY_CHECKS_PROPERTYSETCOUNTCHECK_H

#include "KsModelCheck.h"

namespace clang {
class Preprocessor;
}

namespace ks {

class PropertySetCountCheck : public KsModelCheck {
public:
  using KsModelCheck::KsModelCheck;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    this->PP = PP;
  }

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  /// Reports \p Count (named \p What, in \p Where) against an array of
  /// \p Entries entries named \p ArrayName.
  void compare(const model::TableValue &Count, llvm::StringRef What,
               llvm::StringRef EntryWord, uint64_t Entries,
               const clang::DeclaratorDecl *Array,
               clang::SourceLocation Fallback, clang::ASTContext &Ctx);
  void nullTable(const model::TableValue &Count, llvm::StringRef What,
                 clang::SourceLocation Fallback);

  clang::Preprocessor *PP = nullptr;
};

} // namespace ks

#endif
