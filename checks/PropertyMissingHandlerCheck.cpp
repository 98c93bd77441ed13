//===- PropertyMissingHandlerCheck.cpp - ks-property-missing-handler
//-------===//
#include "PropertyMissingHandlerCheck.h"

#include "clang/AST/ASTContext.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

// ks.h: KSPROPERTY_TYPE_GET 1, KSPROPERTY_TYPE_SET 2,
// KSPROPERTY_TYPE_BASICSUPPORT 0x200 (PCPROPERTY_ITEM_FLAG_* are the same).
constexpr uint64_t TypeGet = 0x1, TypeSet = 0x2, TypeBasicSupport = 0x200;

std::string verbs(uint64_t Flags) {
  std::string Out;
  auto Add = [&](uint64_t Bit, const char *Name) {
    if (Flags & Bit)
      Out += (Out.empty() ? "" : "|") + std::string(Name);
  };
  Add(TypeGet, "GET");
  Add(TypeSet, "SET");
  Add(TypeBasicSupport, "BASICSUPPORT");
  return Out;
}

} // namespace

void PropertyMissingHandlerCheck::checkModel(const KsModel &Model,
                                             ASTContext &Ctx) {
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Family != ItemFamily::Property)
      continue;
    for (const ItemEntry &E : A.Entries) {
      if (!E.Id.Value)
        continue; // the entry did not read as an item: say nothing
      if (A.Info.Fw == Framework::PortCls) {
        uint64_t Promised =
            E.Flags.Value.value_or(0) & (TypeGet | TypeSet | TypeBasicSupport);
        if (Promised && E.Flags.Value && !E.PcHandler.Present)
          diag(at(E.Init),
               "%0 promises %1 in its Flags but its Handler is NULL: PortCls "
               "lists the item with these verbs, and every such request on it "
               "fails for want of a handler")
              << Model.describeEntry(A, E) << verbs(Promised);
        continue;
      }
      if (A.Fast) {
        if (!E.Get.Present && !E.Set.Present)
          diag(at(E.Init),
               "%0 supports neither get nor set: KsFastPropertyHandler finds "
               "the item and can do nothing with it")
              << Model.describeEntry(A, E);
        continue;
      }
      if (!E.Get.Present && !E.Set.Present && !E.Support.Present)
        diag(at(E.Init),
             "%0 has no get, set or support handler: the runtime finds the "
             "item and then has nothing to run for any request on it")
            << Model.describeEntry(A, E);
    }
  }
  // Extended PortCls items walked with a smaller stride: from the second
  // entry on, the extension's MinData and handlers come from the wrong bytes.
  for (const ItemSizeSite &S : Model.Sites) {
    const ItemArray *A = S.PcItems;
    if (S.Kind != SiteKind::PcAutomationTable || !A || !A->Info.Extended ||
        !S.Value || *S.Value == 0 || !A->ElementSize ||
        *S.Value >= *A->ElementSize || A->Count < 2)
      continue;
    diag(A->Var->getLocation(),
         "the %0 extended PortCls items of '%1' (%2 bytes each) are walked "
         "%3 bytes apart by PCAUTOMATION_TABLE '%4': from the second entry "
         "on, the handlers and sizes of each item's extension are read from "
         "the wrong entry")
        << static_cast<unsigned>(A->Count) << A->Var->getName()
        << static_cast<unsigned>(*A->ElementSize)
        << static_cast<unsigned>(*S.Value) << KsModel::siteTableName(S);
    diag(at(S.Loc), "PropertyItemSize %0 set here", DiagnosticIDs::Note)
        << static_cast<unsigned>(*S.Value);
  }
}

} // namespace ks
