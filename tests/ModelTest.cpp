//===- ModelTest.cpp - The KS model extracted from real ASTs --------------===//
//
// Each test parses driver-shaped code against the mingw WDK headers (the same
// profile kstidy uses) and asserts what the model says about it.
//
//===----------------------------------------------------------------------===//
#include "WdkProfile.h"
#include "model/ModelBuilder.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace clang;
using namespace ks::model;

namespace {

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  ModelBuilder Builder;
  const KsModel &model() const { return Builder.model(); }
  ASTContext &ctx() { return AST->getASTContext(); }
};

std::unique_ptr<Parsed> parse(llvm::StringRef Code,
                              llvm::StringRef FileName = "driver.cpp") {
  ks::WdkProfile Profile;
  Profile.CompatDir = KSTIDY_WDK_COMPAT_DIR;
  Profile.MingwIncludeDir = KSTIDY_MINGW_INCLUDE_DIR;
  std::vector<std::string> Args = Profile.flags();
  Args.push_back("-resource-dir=" KSTIDY_CLANG_RESOURCE_DIR);
  Args.push_back("-ferror-limit=0");
  Args.push_back("-Wno-everything");
  auto P = std::make_unique<Parsed>();
  P->AST = tooling::buildASTFromCodeWithArgs(Code, Args, FileName);
  ast_matchers::MatchFinder Finder;
  P->Builder.registerMatchers(&Finder);
  Finder.matchAST(P->AST->getASTContext());
  return P;
}

const char Prelude[] = R"(
#include <ntddk.h>
#include <ks.h>
typedef struct { KSPROPERTY_ITEM Item; ULONG Extra; } EXT_ITEM;
static const GUID G = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
static NTSTATUS Get(PIRP Irp, PKSPROPERTY P, PVOID D) {
  const EXT_ITEM *E = (const EXT_ITEM *)KSPROPERTY_ITEM_IRP_STORAGE(Irp);
  return E->Extra;
}
static NTSTATUS Set(PIRP Irp, PKSPROPERTY P, PVOID D) {
  const EXT_ITEM *E = CONTAINING_RECORD(KSPROPERTY_ITEM_IRP_STORAGE(Irp), EXT_ITEM, Item);
  return E->Extra;
}
static const EXT_ITEM ExtItems[] = {
  {{1, {Get}, sizeof(KSPROPERTY), 4, {Set}, NULL, 0, NULL, NULL, 0}, 1},
  {{2, {Get}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0}, 2},
  {{3, {NULL}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0}, 3},
};
static const KSPROPERTY_SET ExtSets[] = {
  {&G, SIZEOF_ARRAY(ExtItems), (PKSPROPERTY_ITEM)&ExtItems[0].Item, 0, NULL},
  {&G, 0, NULL, 0, NULL},
};
)";

TEST(KsTypes, SizesOfTheBaseItemsMatchTheWdkOnX64) {
  auto P = parse(Prelude);
  // DESIGN.md: sizeof(KSPROPERTY_ITEM) == 72, sizeof(PCPROPERTY_ITEM) == 24.
  EXPECT_EQ(baseItemSize(P->ctx(), ItemFamily::Property, Framework::Ks), 72u);
  EXPECT_EQ(baseItemSize(P->ctx(), ItemFamily::Method, Framework::Ks), 40u);
  // portcls.h is not included: nothing is known, nothing is guessed.
  EXPECT_FALSE(
      baseItemSize(P->ctx(), ItemFamily::Property, Framework::PortCls));
  auto Pc = parse("#include <wdm.h>\n#include <portcls.h>\n");
  EXPECT_EQ(baseItemSize(Pc->ctx(), ItemFamily::Property, Framework::PortCls),
            24u);
}

TEST(KsModel, ExtractsExtendedItemArraysThroughCastsAndFirstMembers) {
  auto P = parse(Prelude);
  const KsModel &M = P->model();
  ASSERT_EQ(M.SetTables.size(), 1u);
  const SetTable &T = M.SetTables.front();
  EXPECT_EQ(T.Var->getName(), "ExtSets");
  ASSERT_EQ(T.Entries.size(), 2u);
  ASSERT_NE(T.Entries[0].Items, nullptr);
  EXPECT_EQ(T.Entries[1].Items, nullptr); // NULL item pointer
  const ItemArray &A = *T.Entries[0].Items;
  EXPECT_EQ(A.Var->getName(), "ExtItems");
  EXPECT_EQ(A.Count, 3u);
  EXPECT_EQ(A.ElementSize, 80u);
  EXPECT_TRUE(A.Info.Extended);
  EXPECT_EQ(A.Info.Family, ItemFamily::Property);
  EXPECT_EQ(A.Info.Fw, Framework::Ks);
  ASSERT_EQ(A.Handlers.size(), 2u); // Get and Set, each once
  EXPECT_EQ(A.Handlers[0]->getName(), "Get");
  EXPECT_EQ(A.Handlers[1]->getName(), "Set");
}

TEST(KsModel, RecordsHandlerCallSitesWithTheirSizes) {
  auto P = parse(std::string(Prelude) + R"(
NTSTATUS D(PIRP Irp, ULONG Dyn) {
  KsPropertyHandlerWithAllocator(Irp, 1, ExtSets, NULL, sizeof(KSPROPERTY_ITEM) + 4);
  KsPropertyHandler(Irp, 1, ExtSets);
  KsMethodHandlerWithAllocator(Irp, 0, NULL, NULL, 24);
  KsEnableEventWithAllocator(Irp, 0, NULL, NULL, KSEVENTS_NONE, NULL, NULL, 16);
  return KsPropertyHandlerWithAllocator(Irp, 1, ExtSets, NULL, Dyn);
}
)");
  const KsModel &M = P->model();
  ASSERT_EQ(M.Sites.size(), 5u);
  EXPECT_EQ(M.Sites[0].Api, "KsPropertyHandlerWithAllocator");
  EXPECT_EQ(M.Sites[0].Value, 76u);
  EXPECT_EQ(M.Sites[0].Sets, &M.SetTables.front());
  EXPECT_EQ(M.Sites[1].Api, "KsPropertyHandler");
  EXPECT_EQ(M.Sites[1].SizeExpr, nullptr);
  EXPECT_EQ(M.effectiveStride(M.Sites[1], P->ctx()), 72u);
  EXPECT_EQ(M.Sites[2].Family, ItemFamily::Method);
  EXPECT_EQ(M.Sites[2].Value, 24u);
  EXPECT_EQ(M.Sites[2].Sets, nullptr);
  EXPECT_EQ(M.Sites[3].Family, ItemFamily::Event);
  EXPECT_EQ(M.Sites[3].Value, 16u);
  EXPECT_FALSE(M.Sites[4].Value.has_value()); // not a constant
  EXPECT_EQ(M.dispatchesOf(&M.SetTables.front()).size(), 3u);
}

TEST(KsModel, ReadsAutomationTablesOfBothFrameworks) {
  auto P = parse(R"(
#include <wdm.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>
static const GUID G = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
static const KSPROPERTY_ITEM Items[] = {{1, {NULL}, sizeof(KSPROPERTY), 4, {NULL}, NULL, 0, NULL, NULL, 0}};
DEFINE_KSPROPERTY_SET_TABLE(Sets) { DEFINE_KSPROPERTY_SET(&G, 1, Items, 0, NULL) };
DEFINE_KSAUTOMATION_TABLE(Auto) {
  DEFINE_KSAUTOMATION_PROPERTIES(Sets),
  DEFINE_KSAUTOMATION_METHODS_NULL,
  DEFINE_KSAUTOMATION_EVENTS_NULL
};
typedef struct { PCPROPERTY_ITEM Item; ULONG MinData; } PC_EXT;
static NTSTATUS NTAPI H(PPCPROPERTY_REQUEST R) { return 0; }
static const PC_EXT PcItems[] = {{{&G, 1, KSPROPERTY_TYPE_GET, H}, 4}, {{&G, 2, KSPROPERTY_TYPE_GET, H}, 4}};
DEFINE_PCAUTOMATION_TABLE_PROP(PcAuto, PcItems);
)");
  const KsModel &M = P->model();
  std::vector<const ItemSizeSite *> Ks, Pc;
  for (const ItemSizeSite &S : M.Sites)
    (S.Fw == Framework::Ks ? Ks : Pc).push_back(&S);
  ASSERT_EQ(Ks.size(), 3u); // property, method and event sizes
  EXPECT_EQ(Ks[0]->Api, "KSAUTOMATION_TABLE");
  EXPECT_EQ(Ks[0]->Table->getName(), "Auto");
  EXPECT_EQ(Ks[0]->Value, 72u);
  ASSERT_NE(Ks[0]->Sets, nullptr);
  EXPECT_EQ(Ks[0]->Sets->Var->getName(), "Sets");
  EXPECT_EQ(Ks[1]->Family, ItemFamily::Method);
  EXPECT_EQ(Ks[1]->Value, 40u);
  EXPECT_EQ(Ks[1]->Sets, nullptr);
  ASSERT_EQ(Pc.size(), 3u);
  EXPECT_EQ(Pc[0]->Value, 32u); // sizeof(PropertyTable[0])
  ASSERT_NE(Pc[0]->PcItems, nullptr);
  EXPECT_EQ(Pc[0]->PcItems->Count, 2u);
  EXPECT_EQ(Pc[0]->PcItems->ElementSize, 32u);
  EXPECT_TRUE(Pc[0]->PcItems->Info.Extended);
  EXPECT_EQ(Pc[0]->PcItems->Info.Fw, Framework::PortCls);
}

TEST(KsModel, FindsItemStorageCastsInTheirHandlers) {
  auto P = parse(Prelude);
  const KsModel &M = P->model();
  ASSERT_EQ(M.StorageCasts.size(), 2u);
  EXPECT_EQ(M.StorageCasts[0].Handler->getName(), "Get");
  EXPECT_EQ(M.StorageCasts[1].Handler->getName(), "Set"); // CONTAINING_RECORD
  for (const ItemStorageCast &C : M.StorageCasts) {
    EXPECT_EQ(C.Family, ItemFamily::Property);
    EXPECT_EQ(typeSize(P->ctx(), C.Target), 80u);
  }
  auto Reaching = M.setTablesReaching(M.StorageCasts[0].Handler,
                                      ItemFamily::Property);
  ASSERT_EQ(Reaching.size(), 1u);
  EXPECT_EQ(Reaching[0]->Var->getName(), "ExtSets");
  ASSERT_EQ(M.ExtendedRecords.size(), 1u);
}

TEST(KsModel, KeepsWorkingOnAPartlyBrokenAst) {
  auto P = parse(std::string(Prelude) + R"(
MISSING_TYPE Broken;
NTSTATUS D(PIRP Irp) {
  UndeclaredCall(Irp);
  return KsPropertyHandlerWithAllocator(Irp, 1, ExtSets, NULL, 76);
}
const KSAUTOMATION_TABLE BrokenTable = {1, UNDEFINED_SIZE, ExtSets};
)");
  ASSERT_TRUE(P->AST->getDiagnostics().hasErrorOccurred());
  const KsModel &M = P->model();
  ASSERT_EQ(M.SetTables.size(), 1u);
  // The call parsed; the table with an error in it is skipped, not guessed.
  ASSERT_EQ(M.Sites.size(), 1u);
  EXPECT_EQ(M.Sites[0].Value, 76u);
}

TEST(KsModel, ReferencedVarPeelsCastsAddressOfAndFirstMembers) {
  auto P = parse(Prelude);
  const SetTable &T = P->model().SetTables.front();
  // (PKSPROPERTY_ITEM)&ExtItems[0].Item resolved to ExtItems.
  EXPECT_EQ(T.Entries[0].Items->Var->getName(), "ExtItems");
}

} // namespace
