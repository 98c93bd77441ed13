//===- DescriptorBuilder.cpp - Filter, pin, connection and range tables ---===//
//
// The descriptor part of ModelBuilder: KSFILTER_DESCRIPTOR and
// PCFILTER_DESCRIPTOR (written with the DEFINE_KSFILTER_* macros or as plain
// aggregates), the pin tables they point at (KSPIN_DESCRIPTOR_EX,
// PCPIN_DESCRIPTOR, or a driver struct that starts with one), their
// connection tables, and every data range object (KSDATARANGE and the
// structs it heads). Each table is read once, from its defining
// declaration; a pointer whose target is not defined in this TU keeps the
// target's name with an unknown length.
//
//===----------------------------------------------------------------------===//
#include "Initializers.h"
#include "ModelBuilder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace ks {
namespace model {

namespace {

/// The initializer of a named member, typed as the member (so that a
/// recovered list inside it is still read by position).
TypedInit memberInit(const TypedInit &TI, llvm::StringRef Field) {
  if (!TI)
    return {};
  const RecordDecl *RD = TI.Type->getAsRecordDecl();
  if (RD)
    RD = RD->getDefinition();
  if (!RD)
    return {};
  for (const FieldDecl *FD : RD->fields())
    if (FD->getName() == Field)
      return typedInit(fieldInit(TI, Field), FD->getType());
  return {};
}

/// Follows first members (at most a few levels) from \p TI, of type \p T,
/// down to the named KS record: a driver's struct that extends a
/// descriptor, or a ksmedia.h range that starts with KSDATARANGE.
TypedInit headOf(TypedInit TI, llvm::StringRef Name) {
  for (int Depth = 0; TI && Depth < 4; ++Depth) {
    if (isKsRecord(TI.Type, Name))
      return TI;
    TI = firstMemberInit(TI);
  }
  return {};
}

/// The record type that \p T starts with, first members followed, is the
/// named KS record.
bool startsWith(QualType T, llvm::StringRef Name) {
  for (int Depth = 0; !T.isNull() && Depth < 4; ++Depth) {
    if (isKsRecord(T, Name))
      return true;
    const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
    if (RD)
      RD = RD->getDefinition();
    if (!RD || RD->field_empty())
      return false;
    T = RD->field_begin()->getType();
  }
  return false;
}

/// The declaration of \p VD whose type has the array bound, if any.
std::optional<uint64_t> arrayLength(const VarDecl *VD, ASTContext &Ctx) {
  for (const VarDecl *R : VD->redecls())
    if (const ConstantArrayType *CAT = Ctx.getAsConstantArrayType(R->getType()))
      return CAT->getSize().getZExtValue();
  return std::nullopt;
}

bool inSystemHeader(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getFileLoc(D->getLocation()));
}

} // namespace

bool isDataRangeType(QualType T) {
  return !T.isNull() && !T->isDependentType() && T->isRecordType() &&
         startsWith(T.getUnqualifiedType(), "KSDATARANGE");
}

CountedArray ModelBuilder::countedArray(const TypedInit &TI,
                                        llvm::StringRef CountField,
                                        llvm::StringRef ArrayField,
                                        bool Strided, ASTContext &Ctx) {
  CountedArray A;
  A.CountField = CountField;
  A.ArrayField = ArrayField;
  A.Count = tableValue(fieldInit(TI, CountField), Ctx);
  const Expr *P = fieldInit(TI, ArrayField);
  if (!P || isa<ImplicitValueInitExpr>(P->IgnoreImplicit())) {
    A.Null = true;
    return A;
  }
  A.ArrayExpr = P;
  if (hasErrors(P)) {
    A.Unresolved = true;
    return A;
  }
  if (isNullPointer(P, Ctx)) {
    A.Null = true;
    return A;
  }
  // `Table`, `&Table[0]`, `&Object`, through casts: anything else (a member,
  // another index, a call) designates something the reader does not follow.
  const Expr *E = P->IgnoreParenCasts();
  bool AddressOf = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    AddressOf = true;
    E = UO->getSubExpr()->IgnoreParenCasts();
  }
  // `&Ext[0].Pin`: a driver's extended descriptors, stepped by the stride.
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Strided || !AddressOf || ME->isArrow() || !FD ||
        FD->getFieldIndex() != 0)
      return A;
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    std::optional<uint64_t> Index = evaluateConstant(ASE->getIdx(), Ctx);
    if (!AddressOf || !Index || *Index != 0)
      return A;
    E = ASE->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD)
    return A;
  A.Array = VD;
  QualType T = VD->getType();
  if (const ArrayType *AT = Ctx.getAsArrayType(T)) {
    A.ElementType = AT->getElementType();
    A.Length = arrayLength(VD, Ctx);
  } else if (AddressOf) {
    A.ElementType = T;
    A.Length = 1;
  } else {
    A.Array = nullptr; // a pointer variable: its target is not followed
    return A;
  }
  // Counted in elements of the member's pointee: a cast from elements of
  // another size makes the array's bound another unit (a strided member is
  // counted in the array's own elements, whatever their size).
  QualType Pointee = P->getType()->getPointeeType();
  if (!Strided && (Pointee.isNull() ||
                   typeSize(Ctx, Pointee) != typeSize(Ctx, A.ElementType)))
    A.Length = std::nullopt;
  return A;
}

const PinTable *ModelBuilder::pinTable(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.PinTableByVar.find(Key); It != Model.PinTableByVar.end())
    return It->second;
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def || inSystemHeader(Def))
    return nullptr;
  QualType T = Def->getType();
  const ArrayType *AT = Ctx.getAsArrayType(T);
  QualType Elem = AT ? AT->getElementType() : T;
  std::optional<Framework> Fw;
  if (startsWith(Elem, "PCPIN_DESCRIPTOR"))
    Fw = Framework::PortCls;
  else if (startsWith(Elem, "KSPIN_DESCRIPTOR_EX"))
    Fw = Framework::Ks;
  if (!Fw)
    return nullptr;
  PinTable &P = Model.PinTables.emplace_back();
  Model.PinTableByVar[Key] = &P;
  P.Var = Def;
  P.Fw = *Fw;
  P.HasErrors = TI.Recovered || TI.ILE->containsErrors();
  std::vector<TypedInit> Elements;
  if (AT) {
    bool Complete = true;
    Elements = arrayElements(TI, Complete);
    P.Length = arrayLength(Def, Ctx);
    if (!Complete)
      P.HasErrors = true;
  } else {
    Elements.push_back(TI);
    P.Length = 1;
  }
  const llvm::StringRef Head =
      P.Fw == Framework::PortCls ? "PCPIN_DESCRIPTOR" : "KSPIN_DESCRIPTOR_EX";
  unsigned Index = 0;
  for (const TypedInit &E : Elements) {
    DescriptorPin Pin;
    Pin.Table = Def;
    Pin.Fw = P.Fw;
    Pin.Index = Index++;
    Pin.Init = E.ILE;
    TypedInit D = headOf(E, Head);
    Pin.HasErrors = !D || D.Recovered || D.ILE->containsErrors();
    if (D) {
      if (P.Fw == Framework::PortCls) {
        Pin.MaxGlobalInstances =
            tableValue(fieldInit(D, "MaxGlobalInstanceCount"), Ctx);
        Pin.MaxFilterInstances =
            tableValue(fieldInit(D, "MaxFilterInstanceCount"), Ctx);
        Pin.MinFilterInstances =
            tableValue(fieldInit(D, "MinFilterInstanceCount"), Ctx);
      } else {
        Pin.InstancesPossible =
            tableValue(fieldInit(D, "InstancesPossible"), Ctx);
        Pin.InstancesNecessary =
            tableValue(fieldInit(D, "InstancesNecessary"), Ctx);
      }
      TypedInit K = memberInit(D, P.Fw == Framework::PortCls ? "KsPinDescriptor"
                                                             : "PinDescriptor");
      Pin.Interfaces =
          countedArray(K, "InterfacesCount", "Interfaces", false, Ctx);
      Pin.Mediums = countedArray(K, "MediumsCount", "Mediums", false, Ctx);
      Pin.DataRanges =
          countedArray(K, "DataRangesCount", "DataRanges", false, Ctx);
    }
    P.Pins.push_back(Pin);
  }
  return &P;
}

const ConnectionTable *ModelBuilder::connectionTable(const VarDecl *VD,
                                                     ASTContext &Ctx) {
  if (!VD)
    return nullptr;
  const VarDecl *Key = VD->getCanonicalDecl();
  if (auto It = Model.ConnectionTableByVar.find(Key);
      It != Model.ConnectionTableByVar.end())
    return It->second;
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def || inSystemHeader(Def))
    return nullptr;
  const ArrayType *AT = Ctx.getAsArrayType(Def->getType());
  QualType Elem = AT ? AT->getElementType() : Def->getType();
  std::optional<Framework> Fw;
  if (isKsRecord(Elem, "PCCONNECTION_DESCRIPTOR"))
    Fw = Framework::PortCls;
  else if (isKsRecord(Elem, "KSTOPOLOGY_CONNECTION"))
    Fw = Framework::Ks;
  if (!Fw)
    return nullptr;
  ConnectionTable &C = Model.ConnectionTables.emplace_back();
  Model.ConnectionTableByVar[Key] = &C;
  C.Var = Def;
  C.Fw = *Fw;
  C.HasErrors = TI.Recovered || TI.ILE->containsErrors();
  std::vector<TypedInit> Elements;
  if (AT) {
    bool Complete = true;
    Elements = arrayElements(TI, Complete);
    if (!Complete)
      C.HasErrors = true;
  } else {
    Elements.push_back(TI);
  }
  unsigned Index = 0;
  for (const TypedInit &E : Elements) {
    Connection Entry;
    Entry.Init = E.ILE;
    Entry.Index = Index++;
    Entry.FromNode = tableValue(fieldInit(E, "FromNode"), Ctx);
    Entry.FromNodePin = tableValue(fieldInit(E, "FromNodePin"), Ctx);
    Entry.ToNode = tableValue(fieldInit(E, "ToNode"), Ctx);
    Entry.ToNodePin = tableValue(fieldInit(E, "ToNodePin"), Ctx);
    C.Entries.push_back(Entry);
  }
  return &C;
}

const FilterDescriptor *ModelBuilder::filterDescriptor(const VarDecl *VD,
                                                       int Index,
                                                       const TypedInit &TI,
                                                       ASTContext &Ctx) {
  std::optional<Framework> Fw;
  if (isKsRecord(TI.Type, "PCFILTER_DESCRIPTOR"))
    Fw = Framework::PortCls;
  else if (isKsRecord(TI.Type, "KSFILTER_DESCRIPTOR"))
    Fw = Framework::Ks;
  if (!Fw)
    return nullptr;
  FilterDescriptor &F = Model.Filters.emplace_back();
  F.Var = VD;
  F.Index = Index;
  F.Fw = *Fw;
  F.Init = TI.ILE;
  F.HasErrors = TI.Recovered || TI.ILE->containsErrors();
  const bool Pc = F.Fw == Framework::PortCls;
  F.Pins = countedArray(TI, Pc ? "PinCount" : "PinDescriptorsCount",
                        Pc ? "Pins" : "PinDescriptors", true, Ctx);
  F.Nodes = countedArray(TI, Pc ? "NodeCount" : "NodeDescriptorsCount",
                         Pc ? "Nodes" : "NodeDescriptors", true, Ctx);
  F.Connections = countedArray(TI, Pc ? "ConnectionCount" : "ConnectionsCount",
                               "Connections", false, Ctx);
  F.Categories = countedArray(TI, Pc ? "CategoryCount" : "CategoriesCount",
                              "Categories", false, Ctx);
  auto StrideOf = [&](llvm::StringRef Field, llvm::StringRef Base) {
    Stride S;
    S.Field = Field;
    S.Size = tableValue(fieldInit(TI, Field), Ctx);
    S.BaseType = Base;
    S.BaseSize = namedTypeSize(Ctx, Base);
    return S;
  };
  F.PinStride = StrideOf(Pc ? "PinSize" : "PinDescriptorSize",
                         Pc ? "PCPIN_DESCRIPTOR" : "KSPIN_DESCRIPTOR_EX");
  F.NodeStride = StrideOf(Pc ? "NodeSize" : "NodeDescriptorSize",
                          Pc ? "PCNODE_DESCRIPTOR" : "KSNODE_DESCRIPTOR");
  F.PinTab = pinTable(F.Pins.Array, Ctx);
  F.ConnectionTab = connectionTable(F.Connections.Array, Ctx);
  return &F;
}

void ModelBuilder::addFilterDescriptors(const VarDecl *VD, ASTContext &Ctx) {
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def || inSystemHeader(Def) ||
      !Model.FilterSeen.insert({Def->getCanonicalDecl(), true}).second)
    return;
  if (Ctx.getAsArrayType(Def->getType())) {
    bool Complete = true;
    int Index = 0;
    for (const TypedInit &E : arrayElements(TI, Complete))
      filterDescriptor(Def, Index++, E, Ctx);
    return;
  }
  filterDescriptor(Def, -1, TI, Ctx);
}

namespace {

/// The name ks.h's STATIC_<name> macro gives the GUID written at \p L
/// (`STATICGUIDOF(KSDATAFORMAT_TYPE_AUDIO)`), through the driver's own
/// macros; empty when the GUID was not written that way.
std::string staticGuidName(SourceLocation L, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // The outermost STATIC_ macro: STATIC_KSDATAFORMAT_TYPE_WILDCARD, not
  // the STATIC_GUID_NULL it expands to.
  std::string Found;
  for (unsigned Depth = 0; L.isMacroID() && Depth < 32; ++Depth) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts());
    if (Name.consume_front("STATIC_") && !Name.empty())
      Found = Name.str();
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return Found;
}

/// A GUID member of a data range: its value when constant.
DataRange::FormatGuid formatGuid(const Expr *E, ASTContext &Ctx) {
  DataRange::FormatGuid G;
  if (!E)
    return G;
  const Expr *Inner = E->IgnoreImplicit();
  if (isa<ImplicitValueInitExpr>(Inner)) {
    G.Value = WildcardGuid; // omitted: zero-initialized, GUID_NULL
    return G;
  }
  G.Expr = E;
  if (E->containsErrors())
    return G;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Inner);
      CE && CE->getNumArgs() == 1)
    Inner = CE->getArg(0)->IgnoreImplicit();
  if (const auto *ILE = dyn_cast<InitListExpr>(Inner)) {
    G.Value = guidValue(ILE, Ctx);
    // The first member's place: the braces may be the driver's own.
    G.Spelling =
        staticGuidName(ILE->getNumInits() ? ILE->getInit(0)->getBeginLoc()
                                          : ILE->getBeginLoc(),
                       Ctx);
    return G;
  }
  // A copy of a GUID variable (`KSDATAFORMAT_TYPE_AUDIO` itself in C++).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Inner->IgnoreParenImpCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      const VarDecl *Def = nullptr;
      G.Value = guidValue(asInitList(VD->getAnyInitializer(Def)), Ctx);
      G.Spelling = VD->getQualifiedNameAsString();
    }
  return G;
}

} // namespace

void ModelBuilder::addDataRanges(const VarDecl *VD, ASTContext &Ctx) {
  auto [Def, TI] = definitionWithTypedInit(VD);
  if (!Def || isa<ParmVarDecl>(Def) || inSystemHeader(Def) ||
      !Model.RangeSeen.insert({Def->getCanonicalDecl(), true}).second)
    return;
  std::vector<TypedInit> Elements;
  const ArrayType *AT = Ctx.getAsArrayType(Def->getType());
  bool Complete = true;
  if (AT)
    Elements = arrayElements(TI, Complete);
  else
    Elements.push_back(TI);
  int Index = AT ? 0 : -1;
  for (const TypedInit &E : Elements) {
    DataRange R;
    R.Var = Def;
    R.Index = Index;
    if (AT)
      ++Index;
    R.Init = E.ILE;
    R.Type = E.Type.getUnqualifiedType();
    R.TypeSize = typeSize(Ctx, R.Type);
    const RecordDecl *RD = R.Type.getCanonicalType()->getAsRecordDecl();
    R.KnownType = RD && inSystemHeader(RD);
    TypedInit Head = headOf(E, "KSDATARANGE");
    R.HasErrors = !Complete || !Head || E.Recovered || E.ILE->containsErrors();
    if (Head) {
      R.FormatSize = tableValue(fieldInit(Head, "FormatSize"), Ctx);
      R.MajorFormat = formatGuid(fieldInit(Head, "MajorFormat"), Ctx);
      R.SubFormat = formatGuid(fieldInit(Head, "SubFormat"), Ctx);
      R.Specifier = formatGuid(fieldInit(Head, "Specifier"), Ctx);
    }
    Model.DataRanges.push_back(R);
  }
}

} // namespace model
} // namespace ks
