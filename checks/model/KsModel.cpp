//===- KsModel.cpp --------------------------------------------------------===//
#include "KsModel.h"

#include <algorithm>

using namespace clang;

namespace ks {
namespace model {

bool ItemArray::refersTo(const FunctionDecl *FD) const {
  return FD && std::find(Handlers.begin(), Handlers.end(),
                         FD->getCanonicalDecl()) != Handlers.end();
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
    if (S.Sets == T)
      Out.push_back(&S);
  return Out;
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
  if (!S.Value)
    return std::nullopt;
  // ks.sys: "If this parameter is zero, the structure size is assumed to be
  // normal" (KsPropertyHandlerWithAllocator). PortCls has no such default.
  if (*S.Value == 0 && S.Fw == Framework::Ks)
    return baseItemSize(Ctx, S.Family, S.Fw);
  return S.Value;
}

void KsModel::clear() {
  ItemArrays.clear();
  SetTables.clear();
  Sites.clear();
  StorageCasts.clear();
  ExtendedRecords.clear();
  ArrayByVar.clear();
  SetByVar.clear();
}

} // namespace model
} // namespace ks
