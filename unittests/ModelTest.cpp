//===- ModelTest.cpp - The KS model extracted from real ASTs --------------===//
//
// Each test parses driver-shaped code against the mingw WDK headers (the same
// profile kstidy uses) and asserts what the model says about it.
//
//===----------------------------------------------------------------------===//
#include "WdkProfile.h"
#include "model/BlindSpots.h"
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

/// The item array the model read from the variable \p Name, if any.
const ItemArray *arrayNamed(const KsModel &M, llvm::StringRef Name) {
  for (const ItemArray &X : M.ItemArrays)
    if (X.Var->getName() == Name)
      return &X;
  return nullptr;
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
  // The measurement docs/sources.md and reference/ksref cite: with the WDK
  // profile's headers on x64, sizeof(KSPROPERTY_ITEM) == 72,
  // sizeof(KSMETHOD_ITEM) == 40, sizeof(PCPROPERTY_ITEM) == 24.
  EXPECT_EQ(baseItemSize(P->ctx(), ItemFamily::Property, Framework::Ks), 72u);
  EXPECT_EQ(baseItemSize(P->ctx(), ItemFamily::Method, Framework::Ks), 40u);
  // And what ksref's method and event dispatchers lay out (ksref/Layout.h):
  // sizeof(KSEVENT_ITEM) == 40, sizeof(KSEVENTDATA) == 32,
  // sizeof(KSEVENT_ENTRY) == 88, sizeof(KSMETHOD) == 24.
  EXPECT_EQ(baseItemSize(P->ctx(), ItemFamily::Event, Framework::Ks), 40u);
  EXPECT_EQ(namedTypeSize(P->ctx(), "KSEVENTDATA"), 32u);
  EXPECT_EQ(namedTypeSize(P->ctx(), "KSEVENT_ENTRY"), 88u);
  EXPECT_EQ(namedTypeSize(P->ctx(), "KSMETHOD"), 24u);
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
  auto Reaching =
      M.setTablesReaching(M.StorageCasts[0].Handler, ItemFamily::Property);
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

TEST(KsModel, ReadsEveryEntryOfAPropertyTable) {
  auto P = parse(std::string(Prelude) + R"(
static NTSTATUS Support(PIRP, PKSPROPERTY, PVOID) { return 0; }
static const KSPROPERTY_ITEM Plain[] = {
  DEFINE_KSPROPERTY_ITEM(5, NULL, sizeof(KSP_PIN), 0, Set, NULL, 0, NULL, Support, 0),
  DEFINE_KSPROPERTY_ITEM(6, NULL, sizeof(KSPROPERTY), 8, NULL, NULL, 0, NULL, NULL, 0),
};
static const GUID Named = {0x8c134960, 0x51ad, 0x11cf, {0x87, 0x8a, 0x94, 0xf8, 0x01, 0xc1, 0x00, 0x00}};
static BOOLEAN NTAPI Fast(PFILE_OBJECT, PKSIDENTIFIER, ULONG, PVOID, ULONG, PIO_STATUS_BLOCK) { return TRUE; }
static const KSFASTPROPERTY_ITEM FastItems[] = { DEFINE_KSFASTPROPERTY_ITEM(5, Fast, NULL) };
static const KSPROPERTY_SET Sets[] = {
  DEFINE_KSPROPERTY_SET(&Named, 3, Plain, SIZEOF_ARRAY(FastItems), FastItems),
};
)");
  const KsModel &M = P->model();
  const SetTable *T = nullptr;
  for (const SetTable &X : M.SetTables)
    if (X.Var->getName() == "Sets")
      T = &X;
  ASSERT_NE(T, nullptr);
  ASSERT_EQ(T->Entries.size(), 1u);
  const SetEntry &E = T->Entries[0];
  EXPECT_EQ(E.Set.Name, "Named");
  EXPECT_EQ(E.Set.Value, "{8c134960-51ad-11cf-878a-94f801c10000}");
  EXPECT_EQ(E.ItemsCount.Value, 3u); // the array has 2: set-count's business
  ASSERT_NE(E.Items, nullptr);
  ASSERT_EQ(E.Items->Entries.size(), 2u);
  const ItemEntry &First = E.Items->Entries[0];
  EXPECT_EQ(First.Id.Value, 5u);
  EXPECT_EQ(First.MinProperty.Value, 32u); // sizeof(KSP_PIN)
  EXPECT_EQ(First.MinData.Value, 0u);
  EXPECT_FALSE(First.Get.Present); // (PFNKSHANDLER)NULL from the macro
  ASSERT_TRUE(First.Set.Present);
  EXPECT_EQ(First.Set.Function->getName(), "Set");
  EXPECT_EQ(First.Support.Function->getName(), "Support");
  const ItemEntry &Second = E.Items->Entries[1];
  EXPECT_FALSE(Second.Get.Present || Second.Set.Present ||
               Second.Support.Present);
  ASSERT_NE(E.FastItems, nullptr);
  EXPECT_TRUE(E.FastItems->Fast);
  EXPECT_EQ(E.FastIoCount.Value, 1u);
  ASSERT_EQ(E.FastItems->Entries.size(), 1u);
  EXPECT_EQ(E.FastItems->Entries[0].Get.Function->getName(), "Fast");
  EXPECT_FALSE(E.FastItems->Entries[0].Set.Present);
}

TEST(KsModel, ReadsPortClsEntriesAndTheirExtension) {
  auto P = parse(R"(
#include <wdm.h>
#include <ks.h>
#include <ksmedia.h>
#include <portcls.h>
static const GUID G = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
NTSTATUS NTAPI Generic(PPCPROPERTY_REQUEST);
static NTSTATUS NTAPI GetLevel(PPCPROPERTY_REQUEST R) { *(PLONGLONG)R->Value = 0; return 0; }
static NTSTATUS NTAPI GetChecked(PPCPROPERTY_REQUEST R) {
  if (R->ValueSize < sizeof(LONG)) return STATUS_BUFFER_TOO_SMALL;
  *(PLONG)R->Value = 0; return 0;
}
typedef struct { PCPROPERTY_ITEM Item; ULONG MinProperty; ULONG MinData; PCPFNPROPERTY_HANDLER GetHandler; } EXT;
static const EXT Items[] = {
  {{&G, 7, KSPROPERTY_TYPE_GET | KSPROPERTY_TYPE_BASICSUPPORT, Generic}, sizeof(KSPROPERTY), 4, GetLevel},
  {{&G, 8, KSPROPERTY_TYPE_GET, GetChecked}, sizeof(KSPROPERTY), 0, NULL},
};
DEFINE_PCAUTOMATION_TABLE_PROP(Auto, Items);
)");
  const KsModel &M = P->model();
  ASSERT_EQ(M.ItemArrays.size(), 1u);
  const ItemArray &A = M.ItemArrays.front();
  EXPECT_EQ(A.Info.Fw, Framework::PortCls);
  ASSERT_EQ(A.Entries.size(), 2u);
  const ItemEntry &E = A.Entries[0];
  EXPECT_EQ(E.PcSet.Name, "G");
  EXPECT_EQ(E.Id.Value, 7u);
  EXPECT_EQ(E.Flags.Value, 0x201u);
  EXPECT_EQ(E.PcHandler.Function->getName(), "Generic");
  EXPECT_EQ(E.ExtMinProperty.Value, 24u);
  EXPECT_EQ(E.ExtMinData.Value, 4u);
  ASSERT_EQ(E.ExtHandlers.size(), 1u);
  EXPECT_EQ(E.ExtHandlers[0].first, "GetHandler");
  const HandlerAccess *Level = M.accessOf(E.ExtHandlers[0].second.Function);
  ASSERT_NE(Level, nullptr);
  EXPECT_EQ(Level->DataAccess, 8u);
  EXPECT_FALSE(Level->ChecksDataLength);
  const HandlerAccess *Checked = M.accessOf(A.Entries[1].PcHandler.Function);
  ASSERT_NE(Checked, nullptr);
  EXPECT_EQ(Checked->DataAccess, 4u);
  EXPECT_TRUE(Checked->ChecksDataLength);
  // No body visible: nothing known, nothing guessed.
  EXPECT_EQ(M.accessOf(E.PcHandler.Function), nullptr);
}

TEST(KsModel, AnalyzesWhatKsHandlersReadAndWrite) {
  auto P = parse(std::string(Prelude) + R"(
typedef struct { ULONGLONG A, B; } STATE;
NTSTATUS Helper(PIRP);
static NTSTATUS Writes(PIRP Irp, PKSPROPERTY P, PVOID D) {
  PKSP_NODE Node = (PKSP_NODE)P;
  *(STATE *)D = STATE();
  return Node->NodeId;
}
static NTSTATUS Copies(PIRP Irp, PKSPROPERTY P, PVOID D) {
  RtlZeroMemory(D, 24);
  return 0;
}
static NTSTATUS Delegates(PIRP Irp, PKSPROPERTY P, PVOID D) {
  NTSTATUS S = Helper(Irp);
  if (S) return S;
  *(PULONG)D = 1;
  return 0;
}
static NTSTATUS Checks(PIRP Irp, PKSPROPERTY P, PVOID D) {
  if (IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl.OutputBufferLength < 4) return 1;
  *(PULONG)D = 1;
  return 0;
}
static const KSPROPERTY_ITEM Items[] = {
  DEFINE_KSPROPERTY_ITEM(1, Writes, sizeof(KSPROPERTY), 0, Copies, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(2, Delegates, sizeof(KSPROPERTY), 0, Checks, NULL, 0, NULL, NULL, 0),
};
)");
  const KsModel &M = P->model();
  const ItemArray *A = arrayNamed(M, "Items");
  ASSERT_NE(A, nullptr);
  const HandlerAccess *Writes = M.accessOf(A->Entries[0].Get.Function);
  ASSERT_NE(Writes, nullptr);
  EXPECT_EQ(Writes->DataAccess, 16u);
  EXPECT_EQ(Writes->PropertyRead, 32u); // KSP_NODE
  EXPECT_FALSE(Writes->ChecksDataLength);
  EXPECT_FALSE(Writes->ChecksPropertyLength);
  const HandlerAccess *Copies = M.accessOf(A->Entries[0].Set.Function);
  ASSERT_NE(Copies, nullptr);
  EXPECT_EQ(Copies->DataAccess, 24u);
  EXPECT_TRUE(Copies->DataType.isNull());
  EXPECT_TRUE(M.accessOf(A->Entries[1].Get.Function)->ChecksDataLength);
  EXPECT_TRUE(M.accessOf(A->Entries[1].Set.Function)->ChecksDataLength);
}

// Each buffer by its own length, and only a check on every path before the
// access counts.
TEST(KsModel, JudgesEachBufferByItsOwnLengthBeforeTheAccess) {
  auto P = parse(std::string(Prelude) + R"(
typedef struct { ULONGLONG A, B; } STATE;
NTSTATUS Helper(PIRP);
#define STACK(Irp) IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl
static NTSTATUS OutputOnly(PIRP Irp, PKSPROPERTY P, PVOID D) {
  if (STACK(Irp).OutputBufferLength < sizeof(ULONG)) return 1;
  PKSP_PIN Pin = (PKSP_PIN)P;
  *(PULONG)D = Pin->PinId;
  return 0;
}
static NTSTATUS InputFirst(PIRP Irp, PKSPROPERTY P, PVOID D) {
  if (STACK(Irp).InputBufferLength < sizeof(KSP_PIN)) return 1;
  PKSP_PIN Pin = (PKSP_PIN)P;
  return Pin->PinId;
}
static NTSTATUS CheckAfter(PIRP Irp, PKSPROPERTY P, PVOID D) {
  *(STATE *)D = STATE();
  if (STACK(Irp).OutputBufferLength < sizeof(STATE)) return 1;
  return 0;
}
static NTSTATUS OtherBranch(PIRP Irp, PKSPROPERTY P, PVOID D) {
  if (P->Id == 1) {
    if (STACK(Irp).OutputBufferLength < sizeof(STATE)) return 1;
  } else {
    *(STATE *)D = STATE();
  }
  return 0;
}
static NTSTATUS BothBranches(PIRP Irp, PKSPROPERTY P, PVOID D) {
  if (P->Id == 1) {
    if (STACK(Irp).OutputBufferLength < sizeof(STATE)) return 1;
  } else {
    if (STACK(Irp).OutputBufferLength < sizeof(STATE)) return 2;
  }
  *(STATE *)D = STATE();
  return 0;
}
static NTSTATUS HelperAfter(PIRP Irp, PKSPROPERTY P, PVOID D) {
  *(PULONG)D = 1;
  return Helper(Irp);
}
static NTSTATUS SmallUnchecked(PIRP Irp, PKSPROPERTY P, PVOID D) {
  *(PUCHAR)D = 1;
  if (STACK(Irp).OutputBufferLength < sizeof(STATE)) return 1;
  *(STATE *)D = STATE();
  return 0;
}
static const KSPROPERTY_ITEM Items[] = {
  DEFINE_KSPROPERTY_ITEM(1, OutputOnly, sizeof(KSPROPERTY), 0, InputFirst, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(2, CheckAfter, sizeof(KSPROPERTY), 0, BothBranches, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(3, HelperAfter, sizeof(KSPROPERTY), 0, SmallUnchecked, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(4, OtherBranch, sizeof(KSPROPERTY), 0, NULL, NULL, 0, NULL, NULL, 0),
};
)");
  const KsModel &M = P->model();
  const ItemArray *A = arrayNamed(M, "Items");
  ASSERT_NE(A, nullptr);
  auto Of = [&](size_t Entry, bool Get) {
    const HandlerRef &H = Get ? A->Entries[Entry].Get : A->Entries[Entry].Set;
    return M.accessOf(H.Function);
  };
  // A check of the output length does not cover the property argument.
  ASSERT_NE(Of(0, true), nullptr);
  EXPECT_EQ(Of(0, true)->PropertyRead, 32u); // KSP_PIN
  EXPECT_FALSE(Of(0, true)->ChecksPropertyLength);
  EXPECT_TRUE(Of(0, true)->ChecksDataLength);
  ASSERT_NE(Of(0, false), nullptr);
  EXPECT_TRUE(Of(0, false)->ChecksPropertyLength);
  // After the access is too late; a check on every branch is in time.
  EXPECT_FALSE(Of(1, true)->ChecksDataLength);
  EXPECT_TRUE(Of(1, false)->ChecksDataLength);
  // Handing the IRP to a helper after the write does not guard it.
  EXPECT_FALSE(Of(2, true)->ChecksDataLength);
  // The unguarded access is the one judged, though a larger one is guarded.
  EXPECT_FALSE(Of(2, false)->ChecksDataLength);
  EXPECT_EQ(Of(2, false)->DataAccess, 1u);
  // A check on another branch than the access is none.
  EXPECT_FALSE(Of(3, true)->ChecksDataLength);
}

TEST(KsModel, ReadsAllocatorsFramingAndPins) {
  auto P = parse(R"(
#include <ntddk.h>
#include <ks.h>
typedef struct { PKSPIN Pin; } CTX;
static NTSTATUS Init(PKSPIN Pin, PKSALLOCATOR_FRAMING F, PVOID *Context) {
  if (F->Frames == 0) return STATUS_SUCCESS;
  CTX *C = (CTX *)ExAllocatePoolZero(NonPagedPoolNx, sizeof(CTX), 'x');
  if (!C) return STATUS_SUCCESS;
  C->Pin = Pin;
  *Context = C;
  return STATUS_SUCCESS;
}
static VOID Del(PVOID Context) { ExFreePoolWithTag(Context, 'x'); }
static PVOID Alloc(PVOID Context) {
  CTX *C = (CTX *)Context;
  PVOID P;
  if (C->Pin) P = ExAllocatePoolZero(NonPagedPoolNx, 512, 'f');
  return P;
}
static VOID FreeOne(PVOID Frame) {}
const KSALLOCATOR_DISPATCH Dispatch = {Init, Del, Alloc, (PFNKSDEFAULTFREE)FreeOne};
DECLARE_SIMPLE_FRAMING_EX(Framing, STATIC_KSMEMORY_TYPE_KERNEL_NONPAGED, KSALLOCATOR_REQUIREMENTF_SYSTEM_MEMORY, 3, FILE_64_BYTE_ALIGNMENT, 2048, 8192);
const KSPIN_DISPATCH PinDispatch = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &Dispatch};
const KSPIN_DESCRIPTOR_EX Pins[] = {
  {&PinDispatch, NULL, {0}, KSPIN_FLAG_DENY_USERMODE_ACCESS, 1, 0, &Framing, NULL},
};
)");
  const KsModel &M = P->model();
  ASSERT_EQ(M.AllocatorDispatches.size(), 1u);
  const AllocatorDispatch &D = M.AllocatorDispatches.front();
  EXPECT_EQ(D.Initialize.Ref.Function->getName(), "Init");
  EXPECT_FALSE(D.Initialize.CastInTable);
  EXPECT_TRUE(D.Free.CastInTable);
  ASSERT_EQ(M.Framings.size(), 1u);
  const Framing &F = M.Framings.front();
  EXPECT_TRUE(F.Ex);
  EXPECT_EQ(F.MemoryType, "{4a6d5fc4-7895-11d1-b069-00a0c9062802}");
  EXPECT_EQ(F.Frames.Value, 3u);
  EXPECT_EQ(F.FileAlignment.Value, 63u);
  EXPECT_EQ(F.MinFrameSize.Value, 2048u);
  EXPECT_EQ(F.MaxFrameSize.Value, 8192u);
  ASSERT_EQ(M.Pins.size(), 1u);
  const PinDescriptor &Pin = M.Pins.front();
  ASSERT_NE(Pin.Dispatch, nullptr);
  EXPECT_EQ(Pin.Dispatch->Allocator, &D);
  EXPECT_EQ(Pin.AllocatorFraming, &F);
  EXPECT_EQ(Pin.Flags.Value, 0x80000000u);
  ASSERT_EQ(M.pinsUsing(&D).size(), 1u);

  const AllocatorCallbackFacts *Init =
      M.callbackFacts(D.Initialize.Ref.Function);
  ASSERT_NE(Init, nullptr);
  EXPECT_NE(Init->SuccessWithoutContext, nullptr); // the Frames == 0 path
  EXPECT_NE(Init->SuccessAfterFailedAllocation, nullptr);
  EXPECT_FALSE(Init->IgnoresPinAndFraming);
  EXPECT_EQ(typeName(Init->StoredContextType, P->ctx()), "CTX");
  const AllocatorCallbackFacts *Alloc =
      M.callbackFacts(D.Allocate.Ref.Function);
  ASSERT_NE(Alloc, nullptr);
  EXPECT_NE(Alloc->ReturnsUninitialized, nullptr);
  EXPECT_EQ(Alloc->ReturnsSentinel, nullptr);
  EXPECT_EQ(Alloc->SmallestAllocation, 512u);
  EXPECT_TRUE(Alloc->AllocatesFromPool);
  EXPECT_EQ(typeName(Alloc->ContextCastType, P->ctx()), "CTX");
}

} // namespace

namespace {
const char BrokenPrelude[] = R"(
#include <ntddk.h>
#include <ks.h>
#include <portcls.h>
static const GUID G = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
enum { ID_A = 1, ID_B = 2 };
static NTSTATUS Get(PIRP, PKSPROPERTY, PVOID) { return 0; }
NTSTATUS GetBroken(PIRP, PKSPROPERTY, HOST_MISSING_TYPE *);
ULONG SizeOf(ULONG, ULONG);
)";
} // namespace

TEST(KsModel, ReadsATableAroundTheErrorsInIt) {
  auto P = parse(std::string(BrokenPrelude) + R"(
static const KSPROPERTY_ITEM Items[] = {
  DEFINE_KSPROPERTY_ITEM(ID_A, Get, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(ID_B, GetBroken, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
  DEFINE_KSPROPERTY_ITEM(SizeOf(1), Get, sizeof(KSPROPERTY), SizeOf(2), NULL, NULL, 0, NULL, NULL, 0),
};
static const KSPROPERTY_SET Sets[] = {
  DEFINE_KSPROPERTY_SET(&G, SIZEOF_ARRAY(Items), Items, 0, NULL),
};
)");
  ASSERT_TRUE(P->AST->getDiagnostics().hasErrorOccurred());
  const KsModel &M = P->model();
  ASSERT_EQ(M.ItemArrays.size(), 1u);
  const ItemArray &A = M.ItemArrays[0];
  EXPECT_TRUE(A.HasErrors);
  ASSERT_EQ(A.Entries.size(), 3u);
  EXPECT_EQ(A.Count, 3u);
  // Entry 0 is clean.
  EXPECT_FALSE(A.Entries[0].HasErrors);
  EXPECT_EQ(A.Entries[0].Id.Value, 1u);
  EXPECT_TRUE(A.Entries[0].Get.Function);
  // Entry 1: its handler did not compile: present, unknown, not a function.
  EXPECT_EQ(A.Entries[1].Id.Value, 2u);
  EXPECT_TRUE(A.Entries[1].Get.Present);
  EXPECT_TRUE(A.Entries[1].Get.Unresolved);
  EXPECT_FALSE(A.Entries[1].Get.Function);
  EXPECT_EQ(A.Entries[1].MinData.Value, 4u);
  // Entry 2: id and MinData unknown, never zero.
  EXPECT_TRUE(A.Entries[2].Id.Unresolved);
  EXPECT_FALSE(A.Entries[2].Id.Value);
  EXPECT_TRUE(A.Entries[2].MinData.unknown());
  EXPECT_TRUE(A.Entries[2].Get.Function);
  // The set still points at the array (its count names the broken array,
  // so it is unknown).
  ASSERT_EQ(M.SetTables.size(), 1u);
  EXPECT_EQ(M.SetTables[0].Entries[0].Items, &A);
  EXPECT_FALSE(M.SetTables[0].Entries[0].ItemsCount.Value);
}

TEST(KsModel, ReadsSingleItemsAndAutomationTableArrays) {
  auto P = parse(std::string(BrokenPrelude) + R"(
static const KSEVENT_ITEM OneEvent = {7, sizeof(KSEVENTDATA), 0, NULL, NULL, NULL};
static const KSEVENT_SET EventSets[] = {{&G, 1, &OneEvent}};
static NTSTATUS NTAPI PcGet(PPCPROPERTY_REQUEST) { return 0; }
static const PCPROPERTY_ITEM PcItems[] = {{&G, 1, KSPROPERTY_TYPE_GET, PcGet}};
static const PCAUTOMATION_TABLE NodeTables[] = {
  {sizeof(PCPROPERTY_ITEM), 1, PcItems, 0, 0, NULL, 0, 0, NULL},
  {sizeof(PCPROPERTY_ITEM), 0, NULL, 0, 0, NULL, 0, 0, NULL},
};
)");
  const KsModel &M = P->model();
  const ItemArray *One = nullptr, *Pc = nullptr;
  for (const ItemArray &A : M.ItemArrays) {
    if (A.Var->getName() == "OneEvent")
      One = &A;
    if (A.Var->getName() == "PcItems")
      Pc = &A;
  }
  ASSERT_TRUE(One);
  EXPECT_TRUE(One->Single);
  EXPECT_EQ(One->Count, 1u);
  EXPECT_EQ(One->Info.Family, ItemFamily::Event);
  ASSERT_EQ(One->Entries.size(), 1u);
  EXPECT_EQ(One->Entries[0].Id.Value, 7u);
  ASSERT_EQ(M.SetTables.size(), 1u);
  EXPECT_EQ(M.SetTables[0].Entries[0].Items, One);
  ASSERT_TRUE(Pc);
  std::vector<const ItemSizeSite *> Property;
  for (const ItemSizeSite &S : M.Sites)
    if (S.Kind == SiteKind::PcAutomationTable &&
        S.Family == ItemFamily::Property)
      Property.push_back(&S);
  ASSERT_EQ(Property.size(), 2u);
  EXPECT_EQ(Property[0]->TableIndex, 0);
  EXPECT_EQ(Property[0]->PcItems, Pc);
  EXPECT_EQ(KsModel::siteTableName(*Property[1]), "NodeTables[1]");
  EXPECT_TRUE(Property[1]->TargetNull);
}

TEST(BlindSpots, NamesTheTablesTheModelCouldNotRead) {
  auto P = parse(std::string(BrokenPrelude) + R"(
// Dropped: an undeclared id (no typo correction).
static const KSPROPERTY_ITEM Dropped[] = {
  DEFINE_KSPROPERTY_ITEM(ID_Ax, Get, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
};
namespace Inner {
// Read around its error.
const KSPROPERTY_ITEM Partial[] = {
  DEFINE_KSPROPERTY_ITEM(ID_A, GetBroken, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
};
}
extern "C" {
const KSAUTOMATION_TABLE BrokenAutomation = {1, UNDEFINED_SIZE, NULL};
}
// Clean tables are not listed.
static const KSPROPERTY_ITEM Clean[] = {
  DEFINE_KSPROPERTY_ITEM(ID_A, Get, sizeof(KSPROPERTY), 4, NULL, NULL, 0, NULL, NULL, 0),
};
// No initializer was written: filled at run time, nothing unanalysed.
static KSPROPERTY_ITEM RunTime[2];
)");
  std::vector<UnanalysedTable> T = findUnanalysedTables(P->ctx());
  ASSERT_EQ(T.size(), 3u);
  EXPECT_EQ(T[0].Name, "Dropped");
  EXPECT_EQ(T[0].Kind, "property item table");
  EXPECT_EQ(T[0].Reason, "its initializer has compile errors and was dropped");
  EXPECT_EQ(T[0].File, "driver.cpp");
  EXPECT_GT(T[0].Line, 10u);
  EXPECT_EQ(T[1].Name, "Inner::Partial");
  EXPECT_NE(T[1].Reason.find("the values with errors are unknown"),
            std::string::npos);
  EXPECT_EQ(T[2].Name, "BrokenAutomation");
  EXPECT_EQ(T[2].Kind, "automation table");
  // Consistent with the model: the partial table is modelled, the dropped
  // one is not.
  const KsModel &M = P->model();
  bool HavePartial = false, HaveDropped = false;
  for (const ItemArray &A : M.ItemArrays) {
    HavePartial |= A.Var->getName() == "Partial";
    HaveDropped |= A.Var->getName() == "Dropped";
  }
  EXPECT_TRUE(HavePartial);
  EXPECT_FALSE(HaveDropped);
}

// The prototype rule of ks-allocator-dispatch-callbacks, which the model
// export reads too. Before the model owned it, the export's returnMismatch
// only told void from non-void and pointer from non-pointer: an integer
// returned where another integer type is expected was a mismatch to the
// check and none to the export; a parameter of another type, with the count
// right, was one to the check and invisible in the export.
TEST(KsModel, ComparesCallbackPrototypesBehindACastOnce) {
  auto P = parse(R"(
#include <ntddk.h>
#include <ks.h>
static ULONG InitCount(PKSPIN Pin, PKSALLOCATOR_FRAMING F, PVOID *Context) {
  return 0;
}
static VOID Del(PVOID Context) {}
static NTSTATUS AllocStatus(PVOID Context) { return STATUS_SUCCESS; }
static VOID FreeByValue(PVOID Context, ULONG Frame) {}
const KSALLOCATOR_DISPATCH Casts = {
  (PFNKSPININITIALIZEALLOCATOR)InitCount, (PFNKSDELETEALLOCATOR)Del,
  (PFNKSDEFAULTALLOCATE)AllocStatus, (PFNKSDEFAULTFREE)FreeByValue};
static VOID FreeOne(PVOID Frame) {}
const KSALLOCATOR_DISPATCH Plain = {NULL, Del, NULL,
                                    (PFNKSDEFAULTFREE)FreeOne};
)");
  const KsModel &M = P->model();
  ASSERT_EQ(M.AllocatorDispatches.size(), 2u);
  const AllocatorDispatch &C = M.AllocatorDispatches[0];
  // ULONG where NTSTATUS (LONG) is expected: the case the rules disagreed on.
  ASSERT_TRUE(C.Initialize.Signature.Compared);
  EXPECT_TRUE(C.Initialize.Signature.ReturnMismatch);
  EXPECT_FALSE(C.Initialize.Signature.countMismatch());
  EXPECT_TRUE(C.Initialize.Signature.mismatch());
  // The same prototype behind a cast: compared, no mismatch.
  ASSERT_TRUE(C.Delete.Signature.Compared);
  EXPECT_FALSE(C.Delete.Signature.mismatch());
  // NTSTATUS where PVOID is expected: both rules agreed.
  EXPECT_TRUE(C.Allocate.Signature.ReturnMismatch);
  // ULONG where PVOID is passed, the count right.
  EXPECT_EQ(C.Free.Signature.IncompatibleParam, 1);
  EXPECT_FALSE(C.Free.Signature.countMismatch());
  EXPECT_FALSE(C.Free.Signature.ReturnMismatch);
  EXPECT_TRUE(C.Free.Signature.mismatch());
  const AllocatorDispatch &D = M.AllocatorDispatches[1];
  EXPECT_FALSE(D.Initialize.Signature.Compared); // NULL
  EXPECT_FALSE(D.Delete.Signature.Compared);     // no cast
  EXPECT_TRUE(D.Free.Signature.countMismatch());
  EXPECT_EQ(D.Free.Signature.IncompatibleParam, -1);
}

TEST(KsModel, ClearForgetsEveryDomain) {
  auto P = parse(R"(
#include <ntddk.h>
#include <ks.h>
static VOID Del(PVOID Context) {}
const KSALLOCATOR_DISPATCH Plain = {NULL, Del, NULL, NULL};
)");
  KsModel M = P->model();
  ASSERT_FALSE(M.AllocatorDispatches.empty());
  M.ItemArrays.emplace_back();
  M.Sites.emplace_back();
  M.ModeCalls.emplace_back();
  M.AllocatorExUses.emplace_back();
  M.clear();
  EXPECT_TRUE(M.ItemArrays.empty());
  EXPECT_TRUE(M.Sites.empty());
  EXPECT_TRUE(M.AllocatorDispatches.empty());
  EXPECT_TRUE(M.ModeCalls.empty());
  EXPECT_TRUE(M.AllocatorExUses.empty());
  EXPECT_EQ(
      M.callbackFacts(P->model().AllocatorDispatches[0].Delete.Ref.Function),
      nullptr);
}
