//===- PropertyMinSizeCheck.h - ks-property-min-size ----------------------===//
//
// ks.sys checks a request's buffers against the item's MinProperty and
// MinData before it calls the handler (MinData 0: no check at all); PortCls
// checks nothing. A handler that reads or writes more than the declared
// minimum, without checking the length itself, overruns the caller's buffer.
//
// The judgement itself is model/AccessRule.h. With the global option
// KsWholeDriver (kstidy sets it for its runs), an entry whose handler has no
// body in the TU is not dropped: the check hands it to kstidy's whole-driver
// join as a deferred judgement (a diagnostic with the DeferredMarker
// message, which kstidy takes out of the findings after clang-tidy's NOLINT
// and header filters let it through), and the join judges it against the
// handler's summary from the TU that defines it, with the messages below.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_PROPERTYMINSIZECHECK_H
#define KSTIDY_CHECKS_PROPERTYMINSIZECHECK_H

#include "KsModelCheck.h"
#include "model/HandlerSummary.h"

#include "llvm/ADT/DenseMap.h"
#include <string>

namespace ks {

class PropertyMinSizeCheck : public KsModelCheck {
public:
  PropertyMinSizeCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);

  /// The start of a deferred judgement's message; a JSON object follows:
  /// {"rule": "minProperty"|"minData"|"pcValue"|"extMinData", "item",
  ///  "id" (null: not a constant), "own": the size the runtime guarantees,
  ///  "handlers": [{"usr", "name", "verb" or "field"}] in the order judged}.
  /// (Printable: clang escapes control characters in diagnostic text.)
  static constexpr const char *DeferredMarker = "<kstidy-deferred> ";

  // The messages, shared with the join. Type: a type name, or empty.
  /// \p Field / \p Argument: "MinProperty" / "property", or "MinMethod" /
  /// "method".
  static std::string minPropertyMessage(uint64_t Guaranteed,
                                        llvm::StringRef Item, uint64_t Size,
                                        llvm::StringRef Handler,
                                        llvm::StringRef Type,
                                        llvm::StringRef Field = "MinProperty",
                                        llvm::StringRef Argument = "property");
  static std::string minDataMessage(uint64_t MinData, llvm::StringRef Item,
                                    uint64_t Size, llvm::StringRef Handler,
                                    llvm::StringRef Verb, llvm::StringRef Type);
  static std::string pcValueMessage(llvm::StringRef Item,
                                    llvm::StringRef Handler, uint64_t Size,
                                    llvm::StringRef Type);
  static std::string extMinDataMessage(uint64_t MinData, llvm::StringRef Item,
                                       uint64_t Size, llvm::StringRef Field,
                                       llvm::StringRef Handler,
                                       llvm::StringRef Type);
  static std::string accessNote(llvm::StringRef Handler, llvm::StringRef Verb,
                                uint64_t Size, llvm::StringRef Type);
  /// The finding of \p Rule ("minProperty", "minMethod", "minData",
  /// "pcValue", "extMinData") and its note at the access; \p Verb is the role's
  /// ("reads"/"writes"/"accesses", or the extension's field).
  static std::string ruleMessage(llvm::StringRef Rule, uint64_t Own,
                                 llvm::StringRef Item, uint64_t Size,
                                 llvm::StringRef Handler, llvm::StringRef Verb,
                                 llvm::StringRef Type);
  static std::string ruleNote(llvm::StringRef Rule, llvm::StringRef Handler,
                              llvm::StringRef Verb, uint64_t Size,
                              llvm::StringRef Type);

private:
  void checkModel(const model::KsModel &Model, clang::ASTContext &Ctx) override;
  void checkKsEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);
  /// KSMETHOD_ITEM: MinMethod / MinData against the method handler.
  void checkMethodEntry(const model::KsModel &Model, const model::ItemArray &A,
                        const model::ItemEntry &E, clang::ASTContext &Ctx);
  /// KSEVENT_ITEM: DataInput below sizeof(KSEVENTDATA).
  void checkEventEntry(const model::KsModel &Model, const model::ItemArray &A,
                       const model::ItemEntry &E, clang::ASTContext &Ctx);
  void checkPcEntry(const model::KsModel &Model, const model::ItemArray &A,
                    const model::ItemEntry &E, clang::ASTContext &Ctx);

  /// One handler of an entry to judge: its slot and how the messages name
  /// its part ("reads"/"writes", or the extension's field).
  struct Role {
    const model::HandlerRef *H;
    llvm::StringRef Verb;
  };
  /// Judges the \p Roles of one rule in order and reports the first that
  /// overruns \p Of; the roles whose handler has no body in the TU are
  /// deferred (KsWholeDriver) when none of the others was reported.
  void judge(const model::KsModel &Model, llvm::StringRef Rule,
             llvm::ArrayRef<Role> Roles, model::HandlerBuffer Of,
             model::GuaranteeKind Kind, const model::ItemEntry &E, uint64_t Own,
             llvm::StringRef Item, clang::SourceLocation Loc,
             clang::ASTContext &Ctx);

  llvm::DenseMap<const clang::FunctionDecl *, model::ItemSharers> Sharers;
  const bool WholeDriver;
};

} // namespace ks

#endif
