//===- PropertyDuplicateIdCheck.cpp - ks-property-duplicate-id
//-------------===//
#include "PropertyDuplicateIdCheck.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

/// The handlers an entry would have run, for the message.
std::string handlerList(const ItemEntry &E) {
  std::string Out;
  auto Add = [&](const char *Role, const HandlerRef &H) {
    if (!H.Function)
      return;
    Out +=
        (Out.empty() ? "" : ", ") + std::string(Role) + " '" + H.name() + "'";
  };
  Add("get", E.Get);
  Add("set", E.Set);
  Add("support", E.Support);
  Add("handler", E.PcHandler);
  return Out.empty() ? std::string() : " (" + Out + ")";
}

/// Two PortCls entries address the same property: same set, same id.
bool sameProperty(const ItemArray &A, const ItemEntry &X, const ItemEntry &Y) {
  if (!X.Id.Value || !Y.Id.Value || *X.Id.Value != *Y.Id.Value)
    return false;
  if (A.Info.Fw == Framework::Ks)
    return true; // one KS item array belongs to one set
  return X.PcSet.known() && Y.PcSet.known() && X.PcSet.sameAs(Y.PcSet);
}

} // namespace

void PropertyDuplicateIdCheck::checkModel(const KsModel &Model,
                                          ASTContext &Ctx) {
  for (const ItemArray &A : Model.ItemArrays) {
    for (size_t J = 1; J < A.Entries.size(); ++J) {
      const ItemEntry &Later = A.Entries[J];
      for (size_t I = 0; I < J; ++I) {
        const ItemEntry &First = A.Entries[I];
        if (!sameProperty(A, First, Later))
          continue;
        diag(at(Later.Init),
             "%0 repeats the id of entry %1: the %2 runtime stops at the "
             "first item with this id, so this entry%3 never runs")
            << Model.describeEntry(A, Later) << First.Index
            << (A.Info.Fw == Framework::Ks ? "KS" : "PortCls")
            << handlerList(Later);
        diag(at(First.Init), "first item with this id", DiagnosticIDs::Note);
        break;
      }
    }
  }
  for (const SetTable &T : Model.SetTables) {
    for (size_t J = 1; J < T.Entries.size(); ++J) {
      const SetEntry &Later = T.Entries[J];
      for (size_t I = 0; I < J; ++I) {
        const SetEntry &First = T.Entries[I];
        if (!First.Set.known() || !Later.Set.sameAs(First.Set))
          continue;
        std::string Lost =
            Later.Items ? std::to_string(Later.Items->Count) + " " +
                              familyName(T.Family).str() + " item" +
                              (Later.Items->Count == 1 ? "" : "s") + " of '" +
                              Later.Items->Var->getName().str() + "'"
                        : "items";
        std::string Name = Later.Set.Name;
        if (Name != First.Set.Name)
          Name += "' (the GUID of '" + First.Set.Name + "')";
        else
          Name += "'";
        diag(at(Later.Init),
             "set '%0 appears twice in set table '%1' (entries %2 and %3): "
             "the runtime matches the first, so the %4 in entry %3 %5 never "
             "reached")
            << Name << T.Var->getQualifiedNameAsString()
            << static_cast<unsigned>(I) << static_cast<unsigned>(J) << Lost
            << (Later.Items && Later.Items->Count == 1 ? "is" : "are");
        diag(at(First.Init), "first entry for set '%0'", DiagnosticIDs::Note)
            << First.Set.Name;
        break;
      }
    }
  }
}

} // namespace ks
