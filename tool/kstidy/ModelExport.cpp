//===- ModelExport.cpp - The KS model written as schema structs -----------===//
//
// A serializer: every fact comes from the model the checks read (derived
// ones included: callback signatures, item storage reads); this file only
// turns declarations into names and source locations into file/line/column.
// The member names are ModelSchema.cpp's.
//
//===----------------------------------------------------------------------===//
#include "ModelExport.h"

#include "Findings.h"
#include "ModelSchema.h"
#include "model/BlindSpots.h"
#include "model/HandlerSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

#include <map>

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

class Exporter {
public:
  Exporter(const KsModel &M, ASTContext &Ctx, llvm::StringRef BaseDir)
      : M(M), Ctx(Ctx), SM(Ctx.getSourceManager()), BaseDir(BaseDir) {}

  schema::Loc location(SourceLocation L) const {
    if (L.isInvalid())
      return std::nullopt;
    PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L));
    if (P.isInvalid())
      return std::nullopt;
    return schema::Location{displayPath(P.getFilename(), BaseDir),
                            static_cast<int64_t>(P.getLine()),
                            static_cast<int64_t>(P.getColumn())};
  }
  schema::Loc location(const Stmt *S) const {
    return S ? location(S->getBeginLoc()) : std::nullopt;
  }
  /// The last line of what \p R spans in the file: for text a macro
  /// produced, the end of the macro's use.
  schema::Loc endLocation(SourceRange R) const {
    SourceLocation End = R.getEnd();
    if (End.isMacroID())
      End = SM.getExpansionRange(End).getEnd();
    return location(End);
  }

  static std::optional<int64_t> number(const std::optional<uint64_t> &V) {
    if (!V)
      return std::nullopt;
    return static_cast<int64_t>(*V);
  }
  static std::optional<int64_t> number(const TableValue &V) {
    return number(V.Value);
  }
  static std::string family(ItemFamily F) {
    return F == ItemFamily::Property ? schema::FamilyProperty
           : F == ItemFamily::Method ? schema::FamilyMethod
                                     : schema::FamilyEvent;
  }
  static std::string framework(Framework W) {
    return W == Framework::Ks ? schema::FrameworkKs : schema::FrameworkPortCls;
  }
  std::optional<std::string> type(QualType T) const {
    if (T.isNull())
      return std::nullopt;
    return typeName(T, Ctx);
  }

  /// A declaration's name: a table kept as a field of a driver struct is
  /// named by the field (its owner variable is exported beside it).
  static std::optional<std::string> name(const DeclaratorDecl *D) {
    if (!D)
      return std::nullopt;
    if (isa<FieldDecl>(D))
      return D->getName().str();
    return D->getQualifiedNameAsString();
  }
  static std::string declName(const DeclaratorDecl *D) {
    return name(D).value_or("");
  }
  /// The name of a model table (an item array, a dispatch...), null for none.
  template <typename T>
  static std::optional<std::string> tableName(const T *Table) {
    return Table ? name(Table->Var) : std::nullopt;
  }

  std::optional<schema::Handler> handler(const HandlerRef &H) const {
    if (!H.Present)
      return std::nullopt;
    schema::Handler Out;
    readHandler(H, Out);
    return Out;
  }
  void readHandler(const HandlerRef &H, schema::Handler &Out) const {
    Out.Name = H.name();
    Out.Unresolved = H.Unresolved;
    if (H.Function) {
      const FunctionDecl *Def = H.Function->getDefinition();
      Out.Where = location((Def ? Def : H.Function)->getLocation());
    }
  }

  static std::optional<schema::Guid> guid(const GuidRef &G) {
    if (G.IsNull || (!G.Expr && G.Name.empty()))
      return std::nullopt;
    schema::Guid Out{G.Name, std::nullopt};
    if (!G.Value.empty())
      Out.Value = G.Value;
    return Out;
  }

  schema::ItemEntry entry(const ItemArray &A, const ItemEntry &E) const;
  schema::ItemArray itemArray(const ItemArray &A) const;
  schema::SetTable setTable(const SetTable &T) const;
  schema::SizeAndCount sizeAndCount(const ItemSizeSite &S) const;
  void sites(schema::TranslationUnit &Tu) const;
  void handlers(schema::TranslationUnit &Tu) const;
  std::optional<schema::Callback> callback(const CallbackRef &C) const;
  std::optional<schema::CallbackEffects> effects(const CallbackRef &C) const;
  void allocators(schema::TranslationUnit &Tu) const;
  void userMode(schema::TranslationUnit &Tu) const;
  void requests(schema::TranslationUnit &Tu) const;
  schema::CountedArray counted(const CountedArray &A) const;
  void descriptors(schema::TranslationUnit &Tu) const;
  schema::TranslationUnit translationUnit(llvm::StringRef MainFile) const;

private:
  const KsModel &M;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::StringRef BaseDir;
};

schema::ItemEntry Exporter::entry(const ItemArray &A,
                                  const ItemEntry &E) const {
  schema::ItemEntry O;
  O.Index = E.Index;
  O.Where = location(E.Init);
  O.End = endLocation(E.Init->getSourceRange());
  O.Id = number(E.Id);
  if (std::string Name = E.Id.enumeratorName(); !Name.empty())
    O.IdName = Name;
  if (A.Info.Fw == Framework::PortCls) {
    O.PropertySet = guid(E.PcSet);
    O.Flags = number(E.Flags);
    O.PcHandler = handler(E.PcHandler);
  } else {
    if (!A.Fast) {
      O.MinProperty = number(E.MinProperty);
      O.MinData = number(E.MinData);
      O.Support = handler(E.Support);
    }
    if (A.Info.Family == ItemFamily::Method)
      O.Flags = number(E.Flags);
    if (A.Info.Family == ItemFamily::Event)
      O.ExtraEntryData = number(E.ExtraEntryData);
    O.Get = handler(E.Get);
    O.Set = handler(E.Set);
  }
  // The fields whose expressions had errors: unknown, never judged.
  for (auto [Name, Bad] : {std::pair{"id", E.Id.Unresolved},
                           {"minProperty", E.MinProperty.Unresolved},
                           {"minData", E.MinData.Unresolved},
                           {"flags", E.Flags.Unresolved},
                           {"extraEntryData", E.ExtraEntryData.Unresolved},
                           {"propertySet", E.PcSet.Unresolved},
                           {"get", E.Get.Unresolved},
                           {"set", E.Set.Unresolved},
                           {"support", E.Support.Unresolved},
                           {"handler", E.PcHandler.Unresolved}})
    if (Bad)
      O.Unresolved.push_back(Name);
  if (A.Info.Extended) {
    schema::Extension X{number(E.ExtMinProperty), number(E.ExtMinData), {}};
    for (const auto &[Field, H] : E.ExtHandlers)
      X.Handlers.emplace_back(Field, handler(H));
    O.Ext = std::move(X);
  }
  return O;
}

schema::ItemArray Exporter::itemArray(const ItemArray &A) const {
  schema::ItemArray O;
  O.Name = declName(A.Var);
  O.Where = location(A.Var->getLocation());
  O.Family = family(A.Info.Family);
  O.Framework = framework(A.Info.Fw);
  O.Fast = A.Fast;
  O.Extended = A.Info.Extended;
  O.ElementType = typeName(A.ElementType, Ctx);
  O.ElementSize = number(A.ElementSize);
  O.Count = static_cast<int64_t>(A.Count);
  // KS items carry no set of their own: the set entries pointing at the
  // array name it (PortCls entries name theirs, in "propertySet").
  for (const auto &[Table, SetE] : M.setsPointingAt(&A))
    O.Sets.push_back({name(Table->Var), guid(SetE->Set)});
  for (const ItemEntry &E : A.Entries)
    O.Items.push_back(entry(A, E));
  O.Single = A.Single;
  if (A.Owner)
    O.Owner = A.Owner->getQualifiedNameAsString();
  O.HasErrors = A.HasErrors;
  return O;
}

schema::SetTable Exporter::setTable(const SetTable &T) const {
  schema::SetTable O{T.Var->getQualifiedNameAsString(),
                     location(T.Var->getLocation()),
                     family(T.Family),
                     {}};
  for (const SetEntry &E : T.Entries)
    O.Sets.push_back({location(E.Init), endLocation(E.Init->getSourceRange()),
                      guid(E.Set), number(E.ItemsCount), tableName(E.Items),
                      number(E.FastIoCount), tableName(E.FastItems)});
  return O;
}

schema::SizeAndCount Exporter::sizeAndCount(const ItemSizeSite &S) const {
  schema::SizeAndCount O;
  O.ItemSize = number(S.Value);
  // KsPropertyHandler & co. take no size: plain items.
  if (S.SizeExpr)
    O.ItemSizeWhere = location(S.Loc);
  O.Count = number(S.Count);
  O.CountWhere = location(S.Count.Expr);
  O.Table = S.Sets      ? name(S.Sets->Var)
            : S.PcItems ? name(S.PcItems->Var)
                        : std::nullopt;
  O.TableIsNull = S.TargetNull;
  return O;
}

void Exporter::sites(schema::TranslationUnit &Tu) const {
  // Sites of one automation table are consecutive, property first.
  using TableKey = std::pair<const VarDecl *, int>;
  std::vector<TableKey> Order;
  std::map<TableKey, schema::AutomationTable> ByTable;
  for (const ItemSizeSite &S : M.Sites) {
    if (S.Kind == SiteKind::HandlerCall) {
      schema::DispatchCall C;
      static_cast<schema::SizeAndCount &>(C) = sizeAndCount(S);
      C.Api = S.Api;
      C.Family = family(S.Family);
      C.Where = location(S.Call);
      Tu.DispatchCalls.push_back(std::move(C));
      continue;
    }
    TableKey Key{S.Table, S.TableIndex};
    auto [It, New] = ByTable.try_emplace(Key);
    if (New) {
      Order.push_back(Key);
      It->second.Name = KsModel::siteTableName(S);
      It->second.Where = location(S.Table->getLocation());
      It->second.Framework = framework(S.Fw);
    }
    (S.Family == ItemFamily::Property ? It->second.Property
     : S.Family == ItemFamily::Method ? It->second.Method
                                      : It->second.Event) = sizeAndCount(S);
  }
  for (const TableKey &K : Order)
    Tu.AutomationTables.push_back(std::move(ByTable[K]));
}

void Exporter::handlers(schema::TranslationUnit &Tu) const {
  for (const auto &[FD, H] : M.handlerAccesses()) {
    HandlerRef Named;
    Named.Function = FD;
    Named.Present = true;
    schema::HandlerFacts O;
    O.Name = Named.name(); // as items name it: GetValue<long long>
    O.Where = location(H->Definition->getLocation());
    O.Framework = framework(H->Fw);
    O.PropertyRead = number(H->PropertyRead);
    O.PropertyType = type(H->PropertyType);
    O.DataAccess = number(H->DataAccess);
    O.DataType = type(H->DataType);
    O.ChecksPropertyLength = H->ChecksPropertyLength;
    O.ChecksDataLength = H->ChecksDataLength;
    ItemStorageRead Read = M.itemStorageRead(FD->getCanonicalDecl(), Ctx);
    O.ItemStorageRead = number(Read.Size);
    O.ItemStorageReadWhere = location(Read.First ? Read.First->Cast : nullptr);
    O.ItemStorageReadEnd = location(Read.Last ? Read.Last->Cast : nullptr);
    O.NamedIds = H->NamedIds;
    for (const HandlerAccess::Access &A : H->Accesses)
      O.Accesses.push_back(
          {A.Fact.Of == HandlerBuffer::Property ? "property" : "data",
           static_cast<int64_t>(A.Fact.Size), A.Fact.Guarded, A.Fact.Ids.Other,
           A.Fact.Ids.Ids});
    Tu.Handlers.push_back(std::move(O));
  }
}

std::optional<schema::Callback> Exporter::callback(const CallbackRef &C) const {
  if (!C.Ref.Present)
    return std::nullopt;
  schema::Callback O;
  readHandler(C.Ref, O);
  O.CastInTable = C.CastInTable;
  O.SlotWhere = location(C.Ref.Expr);
  if (const CallbackSignature &S = C.Signature; S.Compared) {
    O.Parameters = S.Callback->getNumParams();
    O.SlotParameters = S.Slot->getNumParams();
    O.ReturnMismatch = S.ReturnMismatch;
  }
  O.Effects = effects(C);
  return O;
}

/// What a callback's body does, as the allocator checks read it.
std::optional<schema::CallbackEffects>
Exporter::effects(const CallbackRef &C) const {
  const AllocatorCallbackFacts *F = M.callbackFacts(C.Ref.Function);
  if (!F)
    return std::nullopt;
  schema::CallbackEffects O;
  auto Fact = [&](schema::Field<schema::Location> &Out, const Stmt *S) {
    if (S)
      Out = location(S);
  };
  Fact(O.SuccessWithoutContext, F->SuccessWithoutContext);
  Fact(O.SuccessAfterFailedAllocation, F->SuccessAfterFailedAllocation);
  if (F->IgnoresPinAndFraming)
    O.IgnoresPinAndFraming = location(F->Definition->getLocation());
  O.StoredContextType = type(F->StoredContextType);
  if (!F->ContextCastType.isNull()) {
    O.ContextCastType = type(F->ContextCastType);
    O.ContextCastWhere = location(F->ContextCast);
  }
  Fact(O.ReturnsUninitialized, F->ReturnsUninitialized);
  Fact(O.ReturnsSentinel, F->ReturnsSentinel);
  Fact(O.ReturnsFreed, F->ReturnsFreed);
  Fact(O.RaisesInsteadOfNull, F->RaisesInsteadOfNull);
  if (F->SmallestAllocation) {
    O.SmallestAllocation = number(F->SmallestAllocation);
    O.SmallestAllocationWhere = location(F->SmallestAllocationExpr);
  }
  O.AllocatesFromPool = F->AllocatesFromPool;
  return O;
}

void Exporter::allocators(schema::TranslationUnit &Tu) const {
  for (const AllocatorDispatch &D : M.AllocatorDispatches)
    Tu.AllocatorDispatches.push_back(
        {declName(D.Var), location(D.Var->getLocation()),
         callback(D.Initialize), callback(D.Delete), callback(D.Allocate),
         callback(D.Free)});
  for (const Framing &F : M.Framings) {
    schema::Framing O{declName(F.Var), location(F.Var->getLocation()),
                      F.Ex ? "KSALLOCATOR_FRAMING_EX" : "KSALLOCATOR_FRAMING"};
    if (!F.MemoryType.empty())
      O.MemoryType = F.MemoryType;
    O.Flags = number(F.Flags);
    O.Frames = number(F.Frames);
    O.FileAlignment = number(F.FileAlignment);
    O.MinFrameSize = number(F.MinFrameSize);
    O.MaxFrameSize = number(F.MaxFrameSize);
    if (F.Ex)
      O.Items = counted(F.Items);
    for (const Framing::Range &R : F.Ranges)
      O.Ranges.push_back({R.Item, R.Member.str(), location(R.Init),
                          location(R.MinFrameSize.Expr),
                          location(R.Stepping.Expr), number(R.MinFrameSize),
                          number(R.MaxFrameSize), number(R.Stepping)});
    Tu.Framings.push_back(std::move(O));
  }
  for (const PinDispatch &P : M.PinDispatches)
    Tu.PinDispatches.push_back({declName(P.Var), location(P.Var->getLocation()),
                                tableName(P.Allocator), !P.AllocatorNull});
  for (const PinDescriptor &P : M.Pins)
    Tu.Pins.push_back({declName(P.Array), P.Index, location(P.Init),
                       tableName(P.Dispatch), tableName(P.AllocatorFraming),
                       number(P.Flags), location(P.Flags.Expr),
                       number(P.DataFlow), number(P.Communication)});
}

void Exporter::userMode(schema::TranslationUnit &Tu) const {
  for (const AllocatorModeCall &C : M.ModeCalls)
    Tu.AllocatorModeCalls.push_back(
        {location(C.Call), C.User ? "user" : "kernel",
         number(C.RequirementsFlags), location(C.FlagsExpr)});
  for (const WmsAllocation &A : M.WmsAllocations)
    Tu.BufferAllocations.push_back(
        {location(A.Call),
         A.PageSize ? "AllocatePageSizeBuffer" : "AllocateBuffer",
         location(A.PageAlignedUse)});
  for (const AllocatorExUse &U : M.AllocatorExUses)
    Tu.AllocatorExUses.push_back({location(U.Loc)});
}

void Exporter::requests(schema::TranslationUnit &Tu) const {
  static const char *const Sources[] = {"userBuffer", "type3InputBuffer",
                                        "embedded"};
  static const char *const Uses[] = {"read", "write", "lockKernelMode",
                                     "mapNonPaged"};
  static const char *const Lengths[] = {"constant", "checked", "unchecked",
                                        "access"};
  for (const UserAddressAccess &A : M.UserAddressAccesses) {
    schema::UserAddressAccess O;
    O.Where = location(A.Where);
    O.Entry = A.Entry->getQualifiedNameAsString();
    O.Function = A.Function->getQualifiedNameAsString();
    O.Source = Sources[static_cast<int>(A.Source)];
    O.Address = A.AddressText;
    O.Use = Uses[static_cast<int>(A.Use)];
    O.Size = number(A.Size);
    O.InTry = A.InTry;
    if (A.Probe)
      O.ProbedBy = schema::UserAddressAccess::Probe{
          location(A.Probe->Call), A.Probe->Write, A.Probe->InTry,
          Lengths[static_cast<int>(A.Probe->Length)], number(A.Probe->Bytes)};
    Tu.UserAddressAccesses.push_back(std::move(O));
  }
  for (const ParameterAllocatorUse &U : M.ParameterAllocators) {
    schema::ParameterAllocator O;
    O.Where = location(U.Call);
    O.Api = U.Api;
    O.Filter = U.Filter->getQualifiedNameAsString();
    O.Allocator = U.AllocatorName;
    const ParameterAllocatorCallback &C = U.Callback;
    O.AllocatorKnown = C.Definition != nullptr;
    O.AllocatesFromPool = C.AllocatesFromPool;
    O.SuccessWithoutBuffer = location(C.SuccessWithoutBuffer);
    O.SuccessAfterFailedAllocation = location(C.SuccessAfterFailedAllocation);
    O.Allocation = location(C.Allocation);
    O.SetsDeallocateBuffer = location(C.SetsDeallocateBuffer);
    if (U.FilterNotJudged) {
      O.FilterNotJudged = std::string(U.FilterNotJudged);
    } else {
      O.MinReleases = U.MinReleases;
      O.MaxReleases = U.MaxReleases;
    }
    O.LeakingExit = location(U.LeakingExit);
    O.FirstRelease = location(U.FirstRelease);
    O.SecondRelease = location(U.SecondRelease);
    Tu.ParameterAllocators.push_back(std::move(O));
  }
  for (const ParameterAllocatorCallback &C : M.ParameterAllocatorCallbacks)
    Tu.ParameterAllocatorCallbacks.push_back(
        {C.Definition->getQualifiedNameAsString(),
         location(C.Definition->getLocation()), C.AllocatesFromPool,
         location(C.SuccessWithoutBuffer),
         location(C.SuccessAfterFailedAllocation), location(C.Allocation),
         location(C.SetsDeallocateBuffer)});
}

schema::CountedArray Exporter::counted(const CountedArray &A) const {
  schema::CountedArray O;
  O.Count = number(A.Count);
  O.CountWhere = location(A.Count.Expr);
  O.Array = name(A.Array);
  O.Null = A.Null;
  O.Length = number(A.Length);
  if (A.Array) {
    O.ElementType = type(A.ElementType);
    O.ElementSize = number(typeSize(Ctx, A.ElementType));
  }
  return O;
}

void Exporter::descriptors(schema::TranslationUnit &Tu) const {
  for (const FilterDescriptor &F : M.Filters) {
    schema::FilterDescriptor O;
    O.Name = declName(F.Var);
    O.Index = F.Index;
    O.Where = location(F.Init ? F.Init->getBeginLoc() : F.Var->getLocation());
    O.Framework = framework(F.Fw);
    O.Pins = counted(F.Pins);
    O.Nodes = counted(F.Nodes);
    O.Connections = counted(F.Connections);
    O.Categories = counted(F.Categories);
    O.PinSize = number(F.PinStride.Size);
    O.PinSizeWhere = location(F.PinStride.Size.Expr);
    O.NodeSize = number(F.NodeStride.Size);
    O.NodeSizeWhere = location(F.NodeStride.Size.Expr);
    Tu.FilterDescriptors.push_back(std::move(O));
  }
  for (const PinTable &T : M.PinTables) {
    schema::PinTable O{declName(T.Var),
                       location(T.Var->getLocation()),
                       framework(T.Fw),
                       number(T.Length),
                       {}};
    for (const DescriptorPin &P : T.Pins) {
      schema::DescriptorPin Pin;
      Pin.Index = P.Index;
      Pin.Where = location(P.Init);
      if (P.Init)
        Pin.End = endLocation(P.Init->getSourceRange());
      Pin.Interfaces = counted(P.Interfaces);
      Pin.Mediums = counted(P.Mediums);
      Pin.DataRanges = counted(P.DataRanges);
      if (P.Fw == Framework::PortCls) {
        Pin.MaxGlobalInstances = number(P.MaxGlobalInstances);
        Pin.MaxFilterInstances = number(P.MaxFilterInstances);
        Pin.MinFilterInstances = number(P.MinFilterInstances);
      } else {
        Pin.InstancesPossible = number(P.InstancesPossible);
        Pin.InstancesNecessary = number(P.InstancesNecessary);
      }
      O.Pins.push_back(std::move(Pin));
    }
    Tu.PinTables.push_back(std::move(O));
  }
  for (const ConnectionTable &T : M.ConnectionTables) {
    schema::ConnectionTable O{
        declName(T.Var), location(T.Var->getLocation()), framework(T.Fw), {}};
    for (const Connection &C : T.Entries)
      O.Entries.push_back({C.Index, location(C.Init), number(C.FromNode),
                           number(C.FromNodePin), number(C.ToNode),
                           number(C.ToNodePin)});
    Tu.ConnectionTables.push_back(std::move(O));
  }
  auto Format = [](const DataRange::FormatGuid &G) {
    schema::Guid O;
    O.Name = G.Spelling;
    if (G.known())
      O.Value = G.Value;
    return O;
  };
  for (const DataRange &R : M.DataRanges) {
    schema::DataRange O{
        declName(R.Var),
        R.Index,
        location(R.Init ? R.Init->getBeginLoc() : R.Var->getLocation()),
        typeName(R.Type, Ctx),
        number(R.TypeSize),
        R.KnownType,
        number(R.FormatSize),
        location(R.FormatSize.Expr)};
    O.MajorFormat = Format(R.MajorFormat);
    O.SubFormat = Format(R.SubFormat);
    O.SubFormatWhere = location(R.SubFormat.Expr);
    O.Specifier = Format(R.Specifier);
    O.SpecifierWhere = location(R.Specifier.Expr);
    Tu.DataRanges.push_back(std::move(O));
  }
}

schema::TranslationUnit
Exporter::translationUnit(llvm::StringRef MainFile) const {
  schema::TranslationUnit Tu;
  Tu.File = displayPath(MainFile, BaseDir);
  for (const ItemArray &A : M.ItemArrays)
    Tu.ItemArrays.push_back(itemArray(A));
  for (const SetTable &T : M.SetTables)
    Tu.SetTables.push_back(setTable(T));
  sites(Tu);
  handlers(Tu);
  allocators(Tu);
  userMode(Tu);
  requests(Tu);
  descriptors(Tu);
  // Tables the model could not (fully) read because of compile errors.
  for (const UnanalysedTable &T : findUnanalysedTables(Ctx)) {
    schema::Loc Where;
    if (!T.File.empty())
      Where = schema::Location{displayPath(T.File, BaseDir),
                               static_cast<int64_t>(T.Line),
                               static_cast<int64_t>(T.Column)};
    Tu.UnanalysedTables.push_back(
        {utf8(T.Name), utf8(T.Kind), Where, utf8(T.Reason)});
  }
  // Arrays a count of another TU may designate (`extern T Pins[];`).
  for (const VarDecl *VD : definedArrays(Ctx))
    Tu.Arrays.push_back(
        {VD->getQualifiedNameAsString(),
         static_cast<int64_t>(Ctx.getAsConstantArrayType(VD->getType())
                                  ->getSize()
                                  .getZExtValue()),
         location(VD->getLocation())});
  return Tu;
}

} // namespace

llvm::json::Value exportTranslationUnit(const KsModel &Model, ASTContext &Ctx,
                                        llvm::StringRef MainFile,
                                        llvm::StringRef BaseDir) {
  return toJSON(Exporter(Model, Ctx, BaseDir).translationUnit(MainFile));
}

llvm::json::Value exportDocument(llvm::json::Array TranslationUnits) {
  return schema::documentJSON(std::move(TranslationUnits));
}

} // namespace ks
