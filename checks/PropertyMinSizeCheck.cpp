//===- PropertyMinSizeCheck.cpp - ks-property-min-size
//---------------------===//
#include "PropertyMinSizeCheck.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

std::string asType(QualType T, const ASTContext &Ctx) {
  return T.isNull() ? std::string() : " (as '" + typeName(T, Ctx) + "')";
}
// "reads its property argument as (as 'KSP_PIN')" reads badly: name it once.
std::string asStruct(QualType T, const ASTContext &Ctx) {
  return T.isNull() ? std::string() : " '" + typeName(T, Ctx) + "'";
}

} // namespace

void PropertyMinSizeCheck::noteAccess(const Expr *Where,
                                      llvm::StringRef Handler,
                                      llvm::StringRef Verb, uint64_t Size,
                                      QualType T, ASTContext &Ctx) {
  if (!Where)
    return;
  diag(at(Where), "'%0' %1 %2 bytes here%3", DiagnosticIDs::Note)
      << Handler << Verb << static_cast<unsigned>(Size) << asType(T, Ctx);
}

void PropertyMinSizeCheck::checkKsEntry(const KsModel &Model,
                                        const ItemArray &A, const ItemEntry &E,
                                        ASTContext &Ctx) {
  std::optional<uint64_t> KsProperty = namedTypeSize(Ctx, "KSPROPERTY");
  if (!KsProperty)
    return;
  const std::string Item = Model.describeEntry(A, E);
  SourceLocation EntryLoc = at(E.Init);

  // MinProperty: ks.sys fails requests shorter than it; every request
  // carries at least a KSPROPERTY anyway.
  if (E.MinProperty.unknown())
    ; // not a constant, or did not compile: nothing certain
  else if (E.MinProperty.Value && *E.MinProperty.Value != 0 &&
           *E.MinProperty.Value < *KsProperty) {
    diag(E.MinProperty.Expr ? at(E.MinProperty.Expr) : EntryLoc,
         "MinProperty %0 of %1 is smaller than sizeof(KSPROPERTY) (%2): "
         "every property request starts with a KSPROPERTY, so the declared "
         "minimum cannot be what the handlers expect")
        << static_cast<unsigned>(*E.MinProperty.Value) << Item
        << static_cast<unsigned>(*KsProperty);
  } else {
    uint64_t Guaranteed =
        std::max(E.MinProperty.Value.value_or(0), *KsProperty);
    for (const HandlerRef *H : {&E.Get, &E.Set, &E.Support}) {
      const HandlerAccess *Acc = Model.accessOf(H->Function);
      if (!Acc || Acc->ChecksPropertyLength || !Acc->PropertyRead ||
          *Acc->PropertyRead <=
              largestDeclared(SharedMinProperty, *H, Guaranteed))
        continue;
      diag(E.MinProperty.Expr ? at(E.MinProperty.Expr) : EntryLoc,
           "MinProperty %0 of %1 is smaller than the %2 bytes handler '%3' "
           "reads its property argument as%4, and the handler does not check "
           "the input length before that read: a %0-byte request passes the "
           "runtime's check and "
           "the handler reads %5 bytes past it")
          << static_cast<unsigned>(Guaranteed) << Item
          << static_cast<unsigned>(*Acc->PropertyRead) << H->name()
          << asStruct(Acc->PropertyType, Ctx)
          << static_cast<unsigned>(*Acc->PropertyRead - Guaranteed);
      noteAccess(Acc->PropertyReadExpr, H->name(), "reads", *Acc->PropertyRead,
                 Acc->PropertyType, Ctx);
      break;
    }
  }

  // MinData: what ks.sys guarantees of the Data buffer (0: nothing).
  if (E.MinData.unknown())
    return;
  const uint64_t MinData = E.MinData.Value.value_or(0);
  static const struct {
    const HandlerRef ItemEntry::*Slot;
    const char *Verb;
  } Roles[] = {{&ItemEntry::Get, "writes"}, {&ItemEntry::Set, "reads"}};
  for (const auto &Role : Roles) {
    const HandlerRef &H = E.*Role.Slot;
    const HandlerAccess *Acc = Model.accessOf(H.Function);
    if (!Acc || Acc->ChecksDataLength || !Acc->DataAccess ||
        *Acc->DataAccess <= largestDeclared(SharedMinData, H, MinData))
      continue;
    SourceLocation Loc = E.MinData.Expr ? at(E.MinData.Expr) : EntryLoc;
    if (MinData == 0)
      diag(Loc, "MinData 0 of %0 makes the runtime check no buffer size, but "
                "handler '%1' %2 %3 bytes through Data%4 without checking the "
                "buffer length itself first: any smaller buffer is overrun")
          << Item << H.name() << Role.Verb
          << static_cast<unsigned>(*Acc->DataAccess)
          << asType(Acc->DataType, Ctx);
    else
      diag(Loc, "MinData %0 of %1 is smaller than the %2 bytes handler '%3' %4 "
                "through Data%5, and the handler does not check the buffer "
                "length before that access: a %0-byte buffer passes the "
                "runtime's check and the "
                "handler %4 %6 bytes past its end")
          << static_cast<unsigned>(MinData) << Item
          << static_cast<unsigned>(*Acc->DataAccess) << H.name() << Role.Verb
          << asType(Acc->DataType, Ctx)
          << static_cast<unsigned>(*Acc->DataAccess - MinData);
    noteAccess(Acc->DataAccessExpr, H.name(), Role.Verb, *Acc->DataAccess,
               Acc->DataType, Ctx);
    break;
  }
}

void PropertyMinSizeCheck::checkPcEntry(const KsModel &Model,
                                        const ItemArray &A, const ItemEntry &E,
                                        ASTContext &Ctx) {
  const std::string Item = Model.describeEntry(A, E);
  // PortCls hands the request to Handler without any size check (it builds
  // its KS items with MinData 0): the handler must look at ValueSize.
  if (const HandlerAccess *Acc = Model.accessOf(E.PcHandler.Function);
      Acc && !Acc->ChecksDataLength && Acc->DataAccess) {
    diag(at(E.Init),
         "%0: handler '%1' accesses %2 bytes through PropertyRequest->Value%3 "
         "without checking ValueSize first, and PortCls checks no buffer size "
         "for "
         "it: a smaller buffer from the caller is overrun")
        << Item << E.PcHandler.name() << static_cast<unsigned>(*Acc->DataAccess)
        << asType(Acc->DataType, Ctx);
    noteAccess(Acc->DataAccessExpr, E.PcHandler.name(), "accesses",
               *Acc->DataAccess, Acc->DataType, Ctx);
  }
  // An extended item whose generic handler validates ValueSize against the
  // extension's MinData, then calls the extension's handlers.
  if (!E.ExtMinData.Value)
    return; // not an extended item with a constant MinData
  for (const auto &[Field, H] : E.ExtHandlers) {
    const HandlerAccess *Acc = Model.accessOf(H.Function);
    if (!Acc || Acc->ChecksDataLength || !Acc->DataAccess ||
        *Acc->DataAccess <=
            largestDeclared(SharedExtMinData, H, *E.ExtMinData.Value))
      continue;
    diag(E.ExtMinData.Expr ? at(E.ExtMinData.Expr) : at(E.Init),
         "MinData %0 of %1 is smaller than the %2 bytes its %3 '%4' accesses "
         "through PropertyRequest->Value%5: a %0-byte value passes the "
         "driver's MinData check and the handler overruns it by %6 bytes")
        << static_cast<unsigned>(*E.ExtMinData.Value) << Item
        << static_cast<unsigned>(*Acc->DataAccess) << Field << H.name()
        << asType(Acc->DataType, Ctx)
        << static_cast<unsigned>(*Acc->DataAccess - *E.ExtMinData.Value);
    noteAccess(Acc->DataAccessExpr, H.name(), "accesses", *Acc->DataAccess,
               Acc->DataType, Ctx);
  }
}

uint64_t PropertyMinSizeCheck::largestDeclared(
    const llvm::DenseMap<const FunctionDecl *, uint64_t> &Map,
    const HandlerRef &H, uint64_t Own) const {
  auto It = Map.find(H.Function);
  return It == Map.end() ? Own : std::max(Own, It->second);
}

void PropertyMinSizeCheck::collectShared(const KsModel &Model,
                                         ASTContext &Ctx) {
  SharedMinData.clear();
  SharedMinProperty.clear();
  SharedExtMinData.clear();
  // A size that is not a constant could be anything: it covers every access.
  auto Raise = [](llvm::DenseMap<const FunctionDecl *, uint64_t> &Map,
                  const HandlerRef &H, const TableValue &V, uint64_t Floor) {
    if (!H.Function)
      return;
    uint64_t Size =
        V.unknown() ? UINT64_MAX : std::max(V.Value.value_or(0), Floor);
    uint64_t &Slot = Map[H.Function];
    Slot = std::max(Slot, Size);
  };
  uint64_t KsProperty = namedTypeSize(Ctx, "KSPROPERTY").value_or(0);
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Family != ItemFamily::Property || A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries) {
      for (const HandlerRef *H : {&E.Get, &E.Set}) {
        Raise(SharedMinData, *H, E.MinData, 0);
        Raise(SharedMinProperty, *H, E.MinProperty, KsProperty);
      }
      Raise(SharedMinProperty, E.Support, E.MinProperty, KsProperty);
      for (const auto &Ext : E.ExtHandlers)
        Raise(SharedExtMinData, Ext.second, E.ExtMinData, 0);
    }
  }
}

void PropertyMinSizeCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  collectShared(Model, Ctx);
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Family != ItemFamily::Property || A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries) {
      if (A.Info.Fw == Framework::Ks)
        checkKsEntry(Model, A, E, Ctx);
      else
        checkPcEntry(Model, A, E, Ctx);
    }
  }
}

} // namespace ks
