//===- PropertyMinSizeCheck.cpp - ks-property-min-size --------------------===//
#include "PropertyMinSizeCheck.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace clang;
using namespace ks::model;

namespace ks {

namespace {

std::string asType(llvm::StringRef T) {
  return T.empty() ? std::string() : " (as '" + T.str() + "')";
}
// "reads its property argument as (as 'KSP_PIN')" reads badly: name it once.
std::string asStruct(llvm::StringRef T) {
  return T.empty() ? std::string() : " '" + T.str() + "'";
}

std::string typeText(QualType T, const ASTContext &Ctx) {
  return T.isNull() ? std::string() : typeName(T, Ctx);
}

} // namespace

PropertyMinSizeCheck::PropertyMinSizeCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : KsModelCheck(Name, Context),
      WholeDriver(Options.getLocalOrGlobal("KsWholeDriver", false)) {}

std::string PropertyMinSizeCheck::minPropertyMessage(
    uint64_t Guaranteed, llvm::StringRef Item, uint64_t Size,
    llvm::StringRef Handler, llvm::StringRef Type, llvm::StringRef Field,
    llvm::StringRef Argument) {
  return llvm::formatv(
      "{6} {0} of {1} is smaller than the {2} bytes handler '{3}' reads its "
      "{7} argument as{4}, and the handler does not check the input length "
      "before that read: a {0}-byte request passes the runtime's check and "
      "the handler reads {5} bytes past it",
      Guaranteed, Item, Size, Handler, asStruct(Type), Size - Guaranteed, Field,
      Argument);
}

std::string PropertyMinSizeCheck::minDataMessage(
    uint64_t MinData, llvm::StringRef Item, uint64_t Size,
    llvm::StringRef Handler, llvm::StringRef Verb, llvm::StringRef Type) {
  if (MinData == 0)
    return llvm::formatv(
        "MinData 0 of {0} makes the runtime check no buffer size, but handler "
        "'{1}' {2} {3} bytes through Data{4} without checking the buffer "
        "length itself first: any smaller buffer is overrun",
        Item, Handler, Verb, Size, asType(Type));
  return llvm::formatv(
      "MinData {0} of {1} is smaller than the {2} bytes handler '{3}' {4} "
      "through Data{5}, and the handler does not check the buffer length "
      "before that access: a {0}-byte buffer passes the runtime's check and "
      "the handler {4} {6} bytes past its end",
      MinData, Item, Size, Handler, Verb, asType(Type), Size - MinData);
}

std::string PropertyMinSizeCheck::pcValueMessage(llvm::StringRef Item,
                                                 llvm::StringRef Handler,
                                                 uint64_t Size,
                                                 llvm::StringRef Type) {
  return llvm::formatv(
      "{0}: handler '{1}' accesses {2} bytes through PropertyRequest->Value{3} "
      "without checking ValueSize first, and PortCls checks no buffer size "
      "for it: a smaller buffer from the caller is overrun",
      Item, Handler, Size, asType(Type));
}

std::string PropertyMinSizeCheck::extMinDataMessage(
    uint64_t MinData, llvm::StringRef Item, uint64_t Size,
    llvm::StringRef Field, llvm::StringRef Handler, llvm::StringRef Type) {
  return llvm::formatv(
      "MinData {0} of {1} is smaller than the {2} bytes its {3} '{4}' "
      "accesses through PropertyRequest->Value{5}: a {0}-byte value passes "
      "the driver's MinData check and the handler overruns it by {6} bytes",
      MinData, Item, Size, Field, Handler, asType(Type), Size - MinData);
}

std::string PropertyMinSizeCheck::accessNote(llvm::StringRef Handler,
                                             llvm::StringRef Verb,
                                             uint64_t Size,
                                             llvm::StringRef Type) {
  return llvm::formatv("'{0}' {1} {2} bytes here{3}", Handler, Verb, Size,
                       asType(Type));
}

std::string PropertyMinSizeCheck::ruleMessage(
    llvm::StringRef Rule, uint64_t Own, llvm::StringRef Item, uint64_t Size,
    llvm::StringRef Handler, llvm::StringRef Verb, llvm::StringRef Type) {
  if (Rule == "minProperty")
    return minPropertyMessage(Own, Item, Size, Handler, Type);
  if (Rule == "minMethod")
    return minPropertyMessage(Own, Item, Size, Handler, Type, "MinMethod",
                              "method");
  if (Rule == "minData")
    return minDataMessage(Own, Item, Size, Handler, Verb, Type);
  if (Rule == "pcValue")
    return pcValueMessage(Item, Handler, Size, Type);
  return extMinDataMessage(Own, Item, Size, Verb, Handler, Type);
}

std::string PropertyMinSizeCheck::ruleNote(llvm::StringRef Rule,
                                           llvm::StringRef Handler,
                                           llvm::StringRef Verb, uint64_t Size,
                                           llvm::StringRef Type) {
  llvm::StringRef Did = Rule == "minProperty" || Rule == "minMethod" ? "reads"
                        : Rule == "extMinData" ? "accesses"
                                               : Verb;
  return accessNote(Handler, Did, Size, Type);
}

void PropertyMinSizeCheck::judge(const KsModel &Model, llvm::StringRef Rule,
                                 llvm::ArrayRef<Role> Roles, HandlerBuffer Of,
                                 GuaranteeKind Kind, const ItemEntry &E,
                                 uint64_t Own, llvm::StringRef Item,
                                 SourceLocation Loc, ASTContext &Ctx) {
  const std::optional<int64_t> Id = itemId(E);
  llvm::json::Array Deferred;
  for (const Role &R : Roles) {
    const HandlerRef &H = *R.H;
    if (!H.Function)
      continue;
    const HandlerAccess *Acc = Model.accessOf(H.Function);
    if (!Acc) {
      // No body here (a body with errors is unknown, not deferred).
      if (WholeDriver && !H.Function->getDefinition())
        if (std::string Usr = usrOf(H.Function); !Usr.empty())
          Deferred.push_back(llvm::json::Object{
              {"usr", Usr},
              {"name", H.name()},
              {Kind == GuaranteeKind::ExtMinData ? "field" : "verb", R.Verb}});
      continue;
    }
    std::vector<AccessFact> Facts;
    Facts.reserve(Acc->Accesses.size());
    for (const HandlerAccess::Access &X : Acc->Accesses)
      Facts.push_back(X.Fact);
    static const std::vector<Sharer> None;
    auto It = Sharers.find(H.Function);
    const std::vector<Sharer> &Shared =
        It == Sharers.end() ? None : It->second.of(Kind);
    std::optional<size_t> I =
        overrunningAccess(Facts, Acc->NamedIds, Of, Id, Own, Shared);
    if (!I)
      continue;
    const HandlerAccess::Access &X = Acc->Accesses[*I];
    const std::string Type = typeText(X.Type, Ctx);
    const uint64_t Size = X.Fact.Size;
    diag(Loc, "%0") << ruleMessage(Rule, Own, Item, Size, H.name(), R.Verb,
                                   Type);
    if (X.Where)
      diag(at(X.Where), "%0", DiagnosticIDs::Note)
          << ruleNote(Rule, H.name(), R.Verb, Size, Type);
    return;
  }
  if (Deferred.empty())
    return;
  llvm::json::Object Payload{{"rule", Rule},
                             {"item", Item},
                             {"own", static_cast<int64_t>(Own)},
                             {"handlers", std::move(Deferred)}};
  Payload["id"] = Id ? llvm::json::Value(*Id) : llvm::json::Value(nullptr);
  // Through clang-tidy's own diag: NOLINT and the header filter apply to it
  // as to the finding it may become; kstidy takes it out of the findings.
  ClangTidyCheck::diag(Loc, "%0")
      << (DeferredMarker +
          llvm::formatv("{0}", llvm::json::Value(std::move(Payload))).str());
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
    const Role Roles[] = {
        {&E.Get, "reads"}, {&E.Set, "reads"}, {&E.Support, "reads"}};
    judge(Model, "minProperty", Roles, HandlerBuffer::Property,
          GuaranteeKind::MinProperty, E, Guaranteed, Item,
          E.MinProperty.Expr ? at(E.MinProperty.Expr) : EntryLoc, Ctx);
  }

  // MinData: what ks.sys guarantees of the Data buffer (0: nothing).
  if (E.MinData.unknown())
    return;
  const Role Roles[] = {{&E.Get, "writes"}, {&E.Set, "reads"}};
  judge(Model, "minData", Roles, HandlerBuffer::Data, GuaranteeKind::MinData, E,
        E.MinData.Value.value_or(0), Item,
        E.MinData.Expr ? at(E.MinData.Expr) : EntryLoc, Ctx);
}

void PropertyMinSizeCheck::checkMethodEntry(const KsModel &Model,
                                            const ItemArray &A,
                                            const ItemEntry &E,
                                            ASTContext &Ctx) {
  // ks.sys calls a method's handler as it calls a property's (PFNKSHANDLER)
  // after checking the input against MinMethod (never below a KSMETHOD) and
  // the Data buffer against MinData.
  std::optional<uint64_t> KsMethod = namedTypeSize(Ctx, "KSMETHOD");
  if (!KsMethod)
    return;
  const std::string Item = Model.describeEntry(A, E);
  SourceLocation EntryLoc = at(E.Init);
  if (!E.MinProperty.unknown()) {
    const Role Roles[] = {{&E.Get, "reads"}, {&E.Support, "reads"}};
    judge(Model, "minMethod", Roles, HandlerBuffer::Property,
          GuaranteeKind::MinProperty, E,
          std::max(E.MinProperty.Value.value_or(0), *KsMethod), Item,
          E.MinProperty.Expr ? at(E.MinProperty.Expr) : EntryLoc, Ctx);
  }
  if (E.MinData.unknown() || E.Flags.unknown())
    return;
  // KSMETHOD_ITEM Flags: KSMETHOD_TYPE_READ (1) the handler reads Data,
  // KSMETHOD_TYPE_WRITE (2) writes it, MODIFY (3) both.
  const uint64_t Mode = E.Flags.Value.value_or(0) & 3;
  const char *Verb = Mode == 1 ? "reads" : Mode == 2 ? "writes" : "accesses";
  const Role Roles[] = {{&E.Get, Verb}};
  judge(Model, "minData", Roles, HandlerBuffer::Data, GuaranteeKind::MinData, E,
        E.MinData.Value.value_or(0), Item,
        E.MinData.Expr ? at(E.MinData.Expr) : EntryLoc, Ctx);
}

void PropertyMinSizeCheck::checkEventEntry(const KsModel &Model,
                                           const ItemArray &A,
                                           const ItemEntry &E,
                                           ASTContext &Ctx) {
  // KSEVENT_ITEM's DataInput "Must be at least sizeof(KSEVENTDATA)": the
  // event data starts with the KSEVENTDATA that says how to signal the
  // event, and ks.sys checks the buffer against DataInput only.
  std::optional<uint64_t> EventData = namedTypeSize(Ctx, "KSEVENTDATA");
  if (!EventData || E.MinData.unknown())
    return;
  const uint64_t DataInput = E.MinData.Value.value_or(0);
  if (DataInput >= *EventData)
    return;
  diag(E.MinData.Expr ? at(E.MinData.Expr) : at(E.Init),
       "DataInput %0 of %1 is smaller than sizeof(KSEVENTDATA) (%2): an "
       "enable request with a %0-byte event data buffer passes the runtime's "
       "check, and the runtime reads the KSEVENTDATA that says how to signal "
       "the event %3 bytes past the buffer's end")
      << static_cast<unsigned>(DataInput) << Model.describeEntry(A, E)
      << static_cast<unsigned>(*EventData)
      << static_cast<unsigned>(*EventData - DataInput);
}

void PropertyMinSizeCheck::checkPcEntry(const KsModel &Model,
                                        const ItemArray &A, const ItemEntry &E,
                                        ASTContext &Ctx) {
  const std::string Item = Model.describeEntry(A, E);
  // PortCls hands the request to Handler without any size check (it builds
  // its KS items with MinData 0): the handler must look at ValueSize.
  const Role Pc[] = {{&E.PcHandler, "accesses"}};
  judge(Model, "pcValue", Pc, HandlerBuffer::Data, GuaranteeKind::MinData, E,
        /*Own=*/0, Item, at(E.Init), Ctx);
  // An extended item whose generic handler validates ValueSize against the
  // extension's MinData, then calls the extension's handlers.
  if (!E.ExtMinData.Value)
    return; // not an extended item with a constant MinData
  for (const auto &[Field, H] : E.ExtHandlers) {
    const Role Ext[] = {{&H, Field}};
    judge(Model, "extMinData", Ext, HandlerBuffer::Data,
          GuaranteeKind::ExtMinData, E, *E.ExtMinData.Value, Item,
          E.ExtMinData.Expr ? at(E.ExtMinData.Expr) : at(E.Init), Ctx);
  }
}

void PropertyMinSizeCheck::checkModel(const KsModel &Model, ASTContext &Ctx) {
  Sharers = handlerSharers(Model, Ctx);
  for (const ItemArray &A : Model.ItemArrays) {
    if (A.Info.Fw == Framework::Ks && !A.Fast &&
        A.Info.Family != ItemFamily::Property) {
      for (const ItemEntry &E : A.Entries)
        if (A.Info.Family == ItemFamily::Event)
          checkEventEntry(Model, A, E, Ctx);
        else
          checkMethodEntry(Model, A, E, Ctx);
      continue;
    }
    if (A.Info.Family != ItemFamily::Property || A.Fast)
      continue;
    for (const ItemEntry &E : A.Entries) {
      if (A.Info.Fw == Framework::Ks)
        checkKsEntry(Model, A, E, Ctx);
      else
        checkPcEntry(Model, A, E, Ctx);
    }
  }
  Sharers.clear();
}

} // namespace ks
