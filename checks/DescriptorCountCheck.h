//===- DescriptorCountCheck.h - ks-descriptor-count -----------------------===//
//
// AVStream and PortCls read a filter's pins, nodes, connections and
// categories, and each pin's interfaces, mediums and data ranges, by the
// count written beside each pointer, and a KSALLOCATOR_FRAMING_EX's items
// by its CountItems. A count above the array's bound reads past its end; a
// count below it hides the last entries; a count beside a NULL pointer
// reads from address 0 (docs/sources.md: KSFILTER_DESCRIPTOR,
// PCFILTER_DESCRIPTOR, KSPIN_DESCRIPTOR, KSALLOCATOR_FRAMING_EX).
//
// With KsWholeDriver (kstidy sets it), a count beside an array this TU only
// sees declared without a bound (`extern KSPIN_DESCRIPTOR_EX Pins[];`, the
// table in another file) goes to kstidy's whole-driver join as a deferred
// judgement, judged there against the TU that defines the array
// (tool/kstidy/WholeDriver.h).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_DESCRIPTORCOUNTCHECK_H
#define KSTIDY_CHECKS_DESCRIPTORCOUNTCHECK_H

#include "KsModelCheck.h"

namespace clang {
class Preprocessor;
}

namespace ks {

/// ks-descriptor-count; docs/checks/ks-descriptor-count.md.
class DescriptorCountCheck : public KsModelCheck {
public:
  DescriptorCountCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override {
    this->PP = PP;
  }

  /// The finding for a count \p Count beside '\p Array' of \p Entries
  /// entries (not equal); the whole-driver join says it the same way.
  static std::string mismatchMessage(llvm::StringRef CountField,
                                     llvm::StringRef Owner, uint64_t Count,
                                     llvm::StringRef Array, uint64_t Entries,
                                     llvm::StringRef EntryWord);

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  /// Judges one count against the array beside it; \p Owner names the
  /// descriptor ("filter descriptor 'X'", "pin 2 of 'Pins'").
  void judge(const model::CountedArray &A, llvm::StringRef Owner,
             llvm::StringRef EntryWord, clang::SourceLocation Fallback);

  clang::Preprocessor *PP = nullptr;
  const bool WholeDriver;
};

} // namespace ks

#endif
