//===- KsModel.cpp - Queries across the domains of the KS model -----------===//
#include "KsModel.h"

#include "clang/AST/ASTContext.h"

#include <algorithm>

using namespace clang;

namespace ks {
namespace model {

bool ItemArray::refersTo(const FunctionDecl *FD) const {
  return FD && std::find(Handlers.begin(), Handlers.end(),
                         FD->getCanonicalDecl()) != Handlers.end();
}

const HandlerAccess *KsModel::accessOf(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  auto It = Accesses.find(FD->getCanonicalDecl());
  return It == Accesses.end() ? nullptr : &It->second;
}

const AllocatorCallbackFacts *
KsModel::callbackFacts(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  auto It = Callbacks.find(FD->getCanonicalDecl());
  return It == Callbacks.end() ? nullptr : &It->second;
}

std::vector<const PinDescriptor *>
KsModel::pinsUsing(const AllocatorDispatch *D) const {
  std::vector<const PinDescriptor *> Out;
  for (const PinDescriptor &P : Pins)
    if (P.Dispatch && P.Dispatch->Allocator == D)
      Out.push_back(&P);
  return Out;
}

const ItemArray *KsModel::itemArrayFor(const VarDecl *VD) const {
  auto It = ArrayByVar.find(VD ? VD->getCanonicalDecl() : nullptr);
  return It == ArrayByVar.end() ? nullptr : It->second;
}

const SetTable *KsModel::setTableFor(const VarDecl *VD) const {
  auto It = SetByVar.find(VD ? VD->getCanonicalDecl() : nullptr);
  return It == SetByVar.end() ? nullptr : It->second;
}

std::vector<const ItemSizeSite *>
KsModel::dispatchesOf(const SetTable *T) const {
  std::vector<const ItemSizeSite *> Out;
  for (const ItemSizeSite &S : Sites)
    if (S.Sets == T && !S.FastIo)
      Out.push_back(&S);
  return Out;
}

std::vector<std::pair<const SetTable *, const SetEntry *>>
KsModel::setsPointingAt(const ItemArray *A) const {
  std::vector<std::pair<const SetTable *, const SetEntry *>> Out;
  for (const SetTable &T : SetTables)
    for (const SetEntry &E : T.Entries)
      if (E.Items == A || E.FastItems == A)
        Out.emplace_back(&T, &E);
  return Out;
}

/// An id as the driver wrote it: the enumerator's name, else the number.
static std::string idText(const TableValue &Id) {
  std::string Name = Id.enumeratorName();
  if (!Name.empty())
    return Name;
  return Id.Value ? std::to_string(*Id.Value) : std::string("?");
}

std::string KsModel::siteTableName(const ItemSizeSite &S) {
  if (!S.Table)
    return {};
  std::string Name = S.Table->getQualifiedNameAsString();
  if (S.TableIndex >= 0)
    Name += "[" + std::to_string(S.TableIndex) + "]";
  return Name;
}

std::string KsModel::describeEntry(const ItemArray &A,
                                   const ItemEntry &E) const {
  std::string Set;
  if (A.Info.Fw == Framework::PortCls) {
    Set = E.PcSet.Name;
  } else {
    auto Sets = setsPointingAt(&A);
    if (Sets.size() == 1)
      Set = Sets.front().second->Set.Name;
  }
  std::string Out = familyName(A.Info.Family).str() + " ";
  if (A.Fast)
    Out = "fast " + Out;
  if (!Set.empty())
    Out += Set + "/";
  Out += idText(E.Id) + " (entry " + std::to_string(E.Index) + " of '" +
         A.Var->getName().str() + "')";
  return Out;
}

std::string KsModel::describePin(const PinDescriptor &P) {
  return "pin " + std::to_string(P.Index) + " of '" +
         P.Array->getQualifiedNameAsString() + "'";
}

std::string KsModel::describePin(const DescriptorPin &P) {
  if (!P.Table->getType()->isArrayType())
    return "pin '" + P.Table->getQualifiedNameAsString() + "'";
  return "pin " + std::to_string(P.Index) + " of '" +
         P.Table->getQualifiedNameAsString() + "'";
}

std::string KsModel::describeFilter(const FilterDescriptor &F) {
  std::string Name = F.Var->getQualifiedNameAsString();
  if (F.Index >= 0)
    Name += "[" + std::to_string(F.Index) + "]";
  return "filter descriptor '" + Name + "'";
}

std::vector<const SetTable *>
KsModel::setTablesReaching(const FunctionDecl *Handler, ItemFamily F) const {
  std::vector<const SetTable *> Out;
  for (const SetTable &T : SetTables) {
    if (T.Family != F)
      continue;
    for (const SetEntry &E : T.Entries)
      if (E.Items && E.Items->refersTo(Handler)) {
        Out.push_back(&T);
        break;
      }
  }
  return Out;
}

std::optional<uint64_t> KsModel::effectiveStride(const ItemSizeSite &S,
                                                 ASTContext &Ctx) const {
  if (!S.Value || S.FastIo)
    return std::nullopt;
  // ks.sys: "If this parameter is zero, the structure size is assumed to be
  // normal" (KsPropertyHandlerWithAllocator). PortCls has no such default.
  if (*S.Value == 0 && S.Fw == Framework::Ks)
    return baseItemSize(Ctx, S.Family, S.Fw);
  return S.Value;
}

ItemStorageRead KsModel::itemStorageRead(const FunctionDecl *Handler,
                                         const ASTContext &Ctx) const {
  ItemStorageRead R;
  for (const ItemStorageCast &C : StorageCasts)
    if (C.Handler == Handler)
      if (auto Size = typeSize(Ctx, C.Target)) {
        R.Size = std::max(R.Size.value_or(0), *Size);
        if (!R.First)
          R.First = &C;
        R.Last = &C;
      }
  return R;
}

std::vector<std::pair<const FunctionDecl *, const HandlerAccess *>>
KsModel::handlerAccesses() const {
  std::vector<std::pair<const FunctionDecl *, const HandlerAccess *>> Out;
  for (const ItemArray &A : ItemArrays)
    for (const FunctionDecl *FD : A.Handlers)
      if (const HandlerAccess *H = accessOf(FD))
        if (std::none_of(Out.begin(), Out.end(),
                         [&](const auto &P) { return P.second == H; }))
          Out.emplace_back(FD, H);
  for (const auto &[FD, Fw] : HandlerDefinitions)
    if (const HandlerAccess *H = accessOf(FD))
      if (std::none_of(Out.begin(), Out.end(),
                       [&](const auto &P) { return P.second == H; }))
        Out.emplace_back(FD->getCanonicalDecl(), H);
  return Out;
}

} // namespace model
} // namespace ks
