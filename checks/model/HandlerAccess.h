//===- HandlerAccess.h - What a property handler does with its buffers ----===//
//
// The KS runtime checks a request's buffers against the item's MinProperty
// and MinData before it calls the handler; PortCls checks nothing. Whether a
// table's sizes are right therefore depends on the handler: how large a
// struct it reads its Property/Request argument as, how many bytes it moves
// through Data (PropertyRequest->Value), and whether it looks at the buffer
// lengths itself.
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_HANDLERACCESS_H
#define KSTIDY_CHECKS_MODEL_HANDLERACCESS_H

#include "KsModel.h"

namespace ks {
namespace model {

/// Analyzes the definition of \p FD as a KS property handler
/// (PFNKSHANDLER: Irp, Property, Data) or a PortCls one
/// (PCPFNPROPERTY_HANDLER: PropertyRequest). Returns nothing when no body is
/// visible or the signature does not fit.
std::optional<HandlerAccess> analyzeHandler(const clang::FunctionDecl *FD,
                                            Framework Fw,
                                            clang::ASTContext &Ctx);

/// Which property handler signature \p FD has: KS's PFNKSHANDLER
/// (NTSTATUS (PIRP, PKSIDENTIFIER, PVOID), any pointer types after the IRP)
/// or PortCls's PCPFNPROPERTY_HANDLER (NTSTATUS (PPCPROPERTY_REQUEST)).
std::optional<Framework> handlerSignature(const clang::FunctionDecl *FD);

/// Something in \p Root did not compile: what a body reads, writes or
/// checks cannot be known from what clang kept of it.
bool bodyHasErrors(const clang::Stmt *Root);

/// \p T points to the record whose tag is \p Name ("_IRP").
bool pointsToRecord(clang::QualType T, llvm::StringRef Name);

} // namespace model
} // namespace ks

#endif
