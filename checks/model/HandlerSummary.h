//===- HandlerSummary.h - Handler facts that outlive their translation unit =//
//
// A driver's tables and its handlers are often in different files: the
// PortCls tables in a header, the handlers in a .cpp that another TU
// compiles. ks-property-min-size judges a table against its handler in one
// TU; across TUs, kstidy joins what each TU knows, by the handler's
// identity (its USR, which is the same in every TU that declares it):
//
// - summarizeHandlers: every function with a property handler's signature
//   defined in the TU's own code, with each access to its buffers as plain
//   data (sizes, guards, the item ids that reach it, file positions);
// - handlerSharers: per handler, every item that uses it and what the
//   runtime guarantees that item, for the shared-handler rule;
// - summarizeArrays: every array with external linkage the TU defines with
//   a bound, for a descriptor whose count another TU judges against an
//   array it sees declared without one (ks-descriptor-count).
//
//===----------------------------------------------------------------------===//
#ifndef KSTIDY_CHECKS_MODEL_HANDLERSUMMARY_H
#define KSTIDY_CHECKS_MODEL_HANDLERSUMMARY_H

#include "AccessRule.h"
#include "KsModel.h"

#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace ks {
namespace model {

/// The handler's identity across translation units (clang's USR of its
/// canonical declaration); empty when clang cannot give one.
std::string usrOf(const clang::FunctionDecl *FD);
/// The same for a variable.
std::string usrOf(const clang::VarDecl *VD);

/// A position in a file, as the outputs show it.
struct FilePosition {
  std::string File; ///< absolute, normalized
  unsigned Offset = 0, Line = 0, Column = 0;
};
FilePosition filePosition(clang::SourceLocation L,
                          const clang::SourceManager &SM);

/// An array with external linkage defined in the TU's own code (not in a
/// system header), with its bound.
struct ArraySummary {
  std::string Usr, Name; ///< Name qualified
  uint64_t Length = 0;
  FilePosition Where;
};
std::vector<ArraySummary> summarizeArrays(clang::ASTContext &Ctx);
/// The definitions summarizeArrays summarizes.
std::vector<const clang::VarDecl *> definedArrays(clang::ASTContext &Ctx);

/// What one handler definition does with its buffers.
struct HandlerSummary {
  std::string Usr, Name;
  Framework Fw = Framework::Ks;
  std::vector<int64_t> NamedIds;
  struct Access {
    AccessFact Fact;
    std::string Type; ///< empty for a sized memcpy/memset
    FilePosition Where;
  };
  std::vector<Access> Accesses;
};

/// Every property handler (KS: NTSTATUS (PIRP, PKSIDENTIFIER, PVOID);
/// PortCls: NTSTATUS (PPCPROPERTY_REQUEST)) the TU defines outside system
/// headers whose body is analysable.
std::vector<HandlerSummary> summarizeHandlers(const KsModel &Model,
                                              clang::ASTContext &Ctx);

/// What a PFNKSALLOCATOR callback does with the buffer, for a call of a
/// *WithAllocator function in another TU (RequestModel.h).
struct ParameterAllocatorSummary {
  std::string Usr, Name;
  std::optional<FilePosition> SuccessWithoutBuffer,
      SuccessAfterFailedAllocation, Allocation, SetsDeallocateBuffer;
  bool AllocatesFromPool = false;
};

/// Every function with a PFNKSALLOCATOR signature the TU defines outside
/// system headers.
std::vector<ParameterAllocatorSummary>
summarizeParameterAllocators(const KsModel &Model, clang::ASTContext &Ctx);

/// An entry's id for the id branches: nothing when it is not a constant.
std::optional<int64_t> itemId(const ItemEntry &E);

/// The three sizes a handler's access is judged against.
enum class GuaranteeKind { MinProperty, MinData, ExtMinData };

/// The items that use each handler, by what the runtime guarantees them
/// (MinProperty never below sizeof(KSPROPERTY)).
struct ItemSharers {
  std::vector<Sharer> MinProperty, MinData, ExtMinData;
  const std::vector<Sharer> &of(GuaranteeKind K) const {
    return K == GuaranteeKind::MinProperty ? MinProperty
           : K == GuaranteeKind::MinData   ? MinData
                                           : ExtMinData;
  }
};
llvm::DenseMap<const clang::FunctionDecl *, ItemSharers>
handlerSharers(const KsModel &Model, clang::ASTContext &Ctx);

/// The same, by USR, for the join.
struct HandlerUse {
  std::string Usr;
  GuaranteeKind Kind = GuaranteeKind::MinData;
  Sharer Item;
};
std::vector<HandlerUse> handlerUses(const KsModel &Model,
                                    clang::ASTContext &Ctx);

} // namespace model
} // namespace ks

#endif
